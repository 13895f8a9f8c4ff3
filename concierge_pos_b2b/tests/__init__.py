# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from . import test_demo
from . import test_pos_employee
from . import test_pos_employee_tour
