from . import test_catalogue
