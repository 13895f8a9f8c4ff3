from . import test_plan
from . import test_contract
from . import test_guard
