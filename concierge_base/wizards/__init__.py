from . import concierge_indicator_recompute
from . import concierge_funding_mix
from . import concierge_dedicated_fund_wizard
from . import concierge_indicator_figures
