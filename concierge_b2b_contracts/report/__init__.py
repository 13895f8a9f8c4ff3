from . import employer_report
