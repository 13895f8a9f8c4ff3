from . import portal
from . import pickup
