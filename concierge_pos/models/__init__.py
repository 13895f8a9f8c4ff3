# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from . import concierge_commission_line
from . import concierge_custody_item
from . import concierge_service_category
from . import concierge_service_request
from . import concierge_site
from . import pos_config
from . import pos_order
from . import pos_session
from . import stock_picking
