# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from . import test_demo
from . import test_pos_commission
from . import test_pos_consignment
from . import test_pos_french_cert
from . import test_pos_request
from . import test_pos_site
from . import test_pos_tour
