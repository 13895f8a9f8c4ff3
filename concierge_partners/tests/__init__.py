from . import test_provider
from . import test_agreement
from . import test_commission_line
from . import test_settlement
from . import test_registry_lookup
from . import test_security
from . import test_indicator
