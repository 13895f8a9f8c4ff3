from . import concierge_volunteer_shift_recurrence
from . import concierge_volunteer_hours_report
from . import concierge_round_recurrence
from . import concierge_round_commune_report
