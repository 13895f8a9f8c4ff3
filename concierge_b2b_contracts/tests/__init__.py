from . import test_plan
from . import test_contract
from . import test_crm
from . import test_demo
from . import test_indicator
from . import test_requests
from . import test_security
from . import test_guard
