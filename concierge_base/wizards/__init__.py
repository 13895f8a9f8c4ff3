from . import concierge_indicator_recompute
from . import concierge_funding_mix
