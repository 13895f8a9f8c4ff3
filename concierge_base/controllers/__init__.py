from . import privacy
from . import portal
