from . import concierge_privacy_report
