from . import test_catalogue
from . import test_request
from . import test_custody
from . import test_channels
from . import test_portal
from . import test_xmlrpc
from . import test_tour
from . import test_performance
