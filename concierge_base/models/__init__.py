from . import concierge_site
from . import concierge_site_opening
from . import concierge_indicator
from . import concierge_indicator_value
from . import res_company
from . import res_config_settings
from . import res_partner
