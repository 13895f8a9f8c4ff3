# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class ConciergeWeeklyPattern(models.AbstractModel):
    """Days of the week between two dates, for the wizards creating
    recurring shifts and rounds."""

    _name = "concierge.weekly.pattern"
    _description = "Weekly pattern between two dates"

    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    mon = fields.Boolean(string="Monday")
    tue = fields.Boolean(string="Tuesday")
    wed = fields.Boolean(string="Wednesday")
    thu = fields.Boolean(string="Thursday")
    fri = fields.Boolean(string="Friday")
    sat = fields.Boolean(string="Saturday")
    sun = fields.Boolean(string="Sunday")

    @api.constrains("date_from", "date_to")
    def _check_pattern_dates(self):
        for pattern in self:
            if pattern.date_to < pattern.date_from:
                raise ValidationError(
                    self.env._("The last day comes before the first day.")
                )

    def _weekdays(self):
        self.ensure_one()
        return {index for index, day in enumerate(WEEKDAYS) if self[day]}

    def _pattern_days(self):
        """The days of the chosen weekdays between the two dates."""
        weekdays = self._weekdays()
        if not weekdays:
            raise UserError(self.env._("Choose at least one day of the week."))
        days, day = [], self.date_from
        while day <= self.date_to:
            if day.weekday() in weekdays:
                days.append(day)
            day += timedelta(days=1)
        return days
