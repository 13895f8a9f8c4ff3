from . import concierge_b2b_plan
