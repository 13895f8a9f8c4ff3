from . import portal
from . import round_portal
