# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models


class ConciergeIndicatorValue(models.Model):
    _inherit = "concierge.indicator.value"

    def _volunteer_attendances_domain(self, date_from, date_to, extra=None):
        return [
            ("company_id", "=", self.env.company.id),
            ("state", "=", "attended"),
            ("date", ">=", date_from),
            ("date", "<=", date_to),
            *(extra or []),
        ]

    def _volunteer_attendance_groups(
        self, date_from, date_to, sites, aggregate, extra=None, total=False
    ):
        """One grouped query on the attended shifts of the period, per site
        of the shifts (two with the total)."""
        return self._indicator_read_group(
            self.env["concierge.volunteer.attendance"],
            self._volunteer_attendances_domain(date_from, date_to, extra),
            aggregate,
            sites,
            total=total,
        )

    def _compute_indicator_volunteer_hours(self, date_from, date_to, sites):
        """Hours of volunteer time attended in the period."""
        return self._volunteer_attendance_groups(date_from, date_to, sites, "hours:sum")

    def _compute_indicator_active_volunteers(self, date_from, date_to, sites):
        """Distinct volunteers who attended at least one shift in the period;
        one who helped at two sites counts once in the total."""
        return self._volunteer_attendance_groups(
            date_from, date_to, sites, "partner_id:count_distinct", total=True
        )

    def _compute_indicator_volunteer_time_value(self, date_from, date_to, sites):
        """Volunteer time of the period in euros: what the valuations posted
        for it, at their own rate (adjustments included), and the hours not
        valued yet at today's hourly rate."""
        posted = self._indicator_read_group(
            self.env["concierge.volunteer.valuation.line"],
            [
                ("company_id", "=", self.env.company.id),
                ("valuation_state", "=", "posted"),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
            ],
            "amount:sum",
            sites,
        )
        Attendance = self.env["concierge.volunteer.attendance"]
        domain = self._volunteer_attendances_domain(date_from, date_to)
        if sites:
            domain.append(("site_id", "in", sites.ids))
        groups = Attendance._read_group(
            domain, ["site_id"], ["hours:sum", "valued_hours:sum"]
        )
        rate = self.env.company.concierge_volunteer_hourly_rate
        currency = self.env.company.currency_id
        result = dict(posted)
        for site, hours, valued_hours in groups:
            key = site.id or False
            pending = currency.round((hours - valued_hours) * rate)
            result[key] = result.get(key, 0.0) + pending
        return {key: currency.round(value) for key, value in result.items()}

    def _compute_indicator_vulnerable_deliveries(self, date_from, date_to, sites):
        """Delivery or visit shifts attended by at least one volunteer that
        served a request of a vulnerable beneficiary."""
        return self._volunteer_attendance_groups(
            date_from,
            date_to,
            sites,
            "shift_id:count_distinct",
            extra=[
                ("mission_type", "=", "delivery"),
                # anonymised people who were vulnerable still count
                "|",
                (
                    "shift_id.service_request_id.partner_id.concierge_vulnerable",
                    "=",
                    True,
                ),
                (
                    "shift_id.service_request_id.partner_id."
                    "concierge_anonymized_vulnerable",
                    "=",
                    True,
                ),
            ],
            total=True,
        )

    def _compute_indicator_funding_mix_volunteer_time(self, date_from, date_to, sites):
        """Valued volunteer time in the funding mix of the month."""
        return self._compute_funding_mix_source(
            "volunteer_time", date_from, date_to, sites
        )
