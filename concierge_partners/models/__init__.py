from . import res_partner
from . import concierge_commission_agreement
from . import concierge_commission_rule
from . import concierge_commission_tier
from . import concierge_commission_line
from . import concierge_commission_settlement
from . import account_move
from . import account_partial_reconcile
