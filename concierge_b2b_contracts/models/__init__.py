from . import concierge_b2b_plan
from . import concierge_b2b_plan_band
from . import account_move
from . import account_move_line
from . import contract_contract
from . import contract_line
