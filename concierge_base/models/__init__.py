from . import concierge_site
from . import concierge_site_opening
from . import res_company
from . import res_config_settings
from . import res_partner
