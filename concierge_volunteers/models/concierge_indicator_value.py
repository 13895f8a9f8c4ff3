# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models

# the shifts an indicator counts: those attended in the period
ATTENDED = [("state", "=", "attended")]
# delivery or visit shifts serving a vulnerable beneficiary (anonymised
# people who were vulnerable still count)
VULNERABLE_DELIVERIES = [
    ("mission_type", "=", "delivery"),
    "|",
    ("shift_id.service_request_id.partner_id.concierge_vulnerable", "=", True),
    (
        "shift_id.service_request_id.partner_id.concierge_anonymized_vulnerable",
        "=",
        True,
    ),
]


class ConciergeIndicatorValue(models.Model):
    _inherit = "concierge.indicator.value"

    def _indicator_volunteer_hours(self, date_from, date_to, sites):
        """Hours of volunteer time attended in the period."""
        return self._read_group_per_site(
            self.env["concierge.volunteer.attendance"],
            "hours:sum",
            date_from,
            date_to,
            sites,
            additional_domain=ATTENDED,
        )

    def _indicator_active_volunteers(self, date_from, date_to, sites):
        """Distinct volunteers who attended at least one shift in the period;
        one who helped at two sites counts once in the total."""
        return self._read_group_per_site(
            self.env["concierge.volunteer.attendance"],
            "partner_id:count_distinct",
            date_from,
            date_to,
            sites,
            total=True,
            additional_domain=ATTENDED,
        )

    def _indicator_volunteer_time_value(self, date_from, date_to, sites):
        """Volunteer time of the period in euros: what the valuations posted
        for it, at their own rate (adjustments included), and the hours not
        valued yet at today's hourly rate."""
        posted = self._read_group_per_site(
            self.env["concierge.volunteer.valuation.line"],
            "amount:sum",
            date_from,
            date_to,
            sites,
            additional_domain=[("valuation_state", "=", "posted")],
        )
        Attendance = self.env["concierge.volunteer.attendance"]
        domain = self._per_site_domain(
            Attendance, date_from, date_to, sites, additional_domain=ATTENDED
        )
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

    def _indicator_vulnerable_deliveries(self, date_from, date_to, sites):
        """Delivery or visit shifts attended by at least one volunteer that
        served a request of a vulnerable beneficiary."""
        return self._read_group_per_site(
            self.env["concierge.volunteer.attendance"],
            "shift_id:count_distinct",
            date_from,
            date_to,
            sites,
            total=True,
            additional_domain=ATTENDED + VULNERABLE_DELIVERIES,
        )

    def _indicator_funding_mix_volunteer_time(self, date_from, date_to, sites):
        """Valued volunteer time in the funding mix of the month."""
        return self._funding_mix_source_results(
            "volunteer_time", date_from, date_to, sites
        )
