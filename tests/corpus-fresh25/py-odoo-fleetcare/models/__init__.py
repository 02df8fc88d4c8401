from . import maintenance_request
from . import telemetry
