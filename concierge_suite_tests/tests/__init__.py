# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from . import test_known_month
from . import test_demo_mix
from . import test_orm_rules
from . import test_transitions
from . import test_api
from . import test_readme_api
from . import test_portal_a11y
