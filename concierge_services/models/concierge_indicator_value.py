# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models

# the requests an indicator counts: those closed in the period
DONE = [("state", "=", "done")]
# anonymised people who were vulnerable still count
VULNERABLE = [
    "|",
    ("partner_id.concierge_vulnerable", "=", True),
    ("partner_id.concierge_anonymized_vulnerable", "=", True),
]


class ConciergeIndicatorValue(models.Model):
    _inherit = "concierge.indicator.value"

    def _indicator_requests_handled(self, date_from, date_to, sites):
        """Requests closed in the period."""
        return self._read_group_per_site(
            self.env["concierge.service.request"].sudo(),
            "__count",
            date_from,
            date_to,
            sites,
            date_field="done_date",
            additional_domain=DONE,
        )

    def _indicator_beneficiaries_served(self, date_from, date_to, sites):
        """Distinct beneficiaries of the requests closed in the period; one
        served at two sites counts once in the total."""
        return self._read_group_per_site(
            self.env["concierge.service.request"].sudo(),
            "partner_id:count_distinct",
            date_from,
            date_to,
            sites,
            total=True,
            date_field="done_date",
            additional_domain=DONE,
        )

    def _indicator_vulnerable_served(self, date_from, date_to, sites):
        """Distinct vulnerable beneficiaries of the requests closed in the
        period."""
        return self._read_group_per_site(
            self.env["concierge.service.request"].sudo(),
            "partner_id:count_distinct",
            date_from,
            date_to,
            sites,
            total=True,
            date_field="done_date",
            additional_domain=DONE + VULNERABLE,
        )

    def _indicator_avg_turnaround(self, date_from, date_to, sites):
        """Average days from the request to its closing."""
        return self._read_group_per_site(
            self.env["concierge.service.request"].sudo(),
            "turnaround_days:avg",
            date_from,
            date_to,
            sites,
            total=True,
            date_field="done_date",
            additional_domain=DONE,
        )

    def _indicator_late_share(self, date_from, date_to, sites):
        """Share (%) of the requests closed in the period after their
        deadline."""
        Request = self.env["concierge.service.request"].sudo()
        domain = self._per_site_domain(
            Request,
            date_from,
            date_to,
            sites,
            date_field="done_date",
            additional_domain=DONE,
        )
        groups = Request._read_group(domain, ["site_id", "done_late"], ["__count"])
        totals, late = {}, {}
        for site, is_late, count in groups:
            for key in (site.id or False, "total"):
                totals[key] = totals.get(key, 0) + count
                if is_late:
                    late[key] = late.get(key, 0) + count
        return {
            key: 100.0 * late.get(key, 0) / total
            for key, total in totals.items()
            if total
        }
