from . import test_volunteer
from . import test_shift
from . import test_signup
from . import test_attendance
from . import test_valuation
from . import test_hours_report
from . import test_security
from . import test_portal
