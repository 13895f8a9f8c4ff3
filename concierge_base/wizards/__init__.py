from . import concierge_indicator_recompute
