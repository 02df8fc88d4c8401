from . import test_controllers
from . import test_maintenance
