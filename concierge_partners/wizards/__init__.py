from . import concierge_commission_settle_wizard
from . import concierge_commission_export_wizard
from . import concierge_provider_lookup_wizard
