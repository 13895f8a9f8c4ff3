from . import concierge_service_category
from . import product_template
