# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models


class ConciergeIndicatorValue(models.Model):
    _inherit = "concierge.indicator.value"

    def _volunteer_attendance_groups(
        self, date_from, date_to, sites, aggregate, extra=None
    ):
        """One grouped query on the attended hours of the month, per site."""
        domain = [
            ("company_id", "=", self.env.company.id),
            ("state", "=", "attended"),
            ("date", ">=", date_from),
            ("date", "<=", date_to),
            *(extra or []),
        ]
        if sites:
            domain.append(("site_id", "in", sites.ids))
        groups = self.env["concierge.volunteer.attendance"]._read_group(
            domain, ["site_id"], [aggregate]
        )
        return {site.id: value for site, value in groups}

    def _compute_indicator_volunteer_hours(self, date_from, date_to, sites):
        """Hours of volunteer time attended in the month."""
        return self._volunteer_attendance_groups(date_from, date_to, sites, "hours:sum")

    def _compute_indicator_active_volunteers(self, date_from, date_to, sites):
        """Volunteers who attended at least one shift in the month."""
        return self._volunteer_attendance_groups(
            date_from, date_to, sites, "partner_id:count_distinct"
        )

    def _compute_indicator_volunteer_time_value(self, date_from, date_to, sites):
        """Hours attended in the month times the hourly rate."""
        rate = self.env.company.concierge_volunteer_hourly_rate
        hours = self._compute_indicator_volunteer_hours(date_from, date_to, sites)
        currency = self.env.company.currency_id
        return {site: currency.round(value * rate) for site, value in hours.items()}

    def _compute_indicator_vulnerable_deliveries(self, date_from, date_to, sites):
        """Delivery or visit shifts attended by at least one volunteer."""
        return self._volunteer_attendance_groups(
            date_from,
            date_to,
            sites,
            "shift_id:count_distinct",
            extra=[("mission_type", "=", "delivery")],
        )
