from . import test_provider
from . import test_agreement
from . import test_commission_line
from . import test_settlement
