from . import test_site
from . import test_beneficiary
from . import test_tour
from . import test_indicator
from . import test_funding
from . import test_funding_mix
from . import test_test_phase
from . import test_demo
