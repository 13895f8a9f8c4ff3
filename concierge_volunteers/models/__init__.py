from . import concierge_volunteer_skill
from . import res_partner
