# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import datetime, time

from odoo import models


class ConciergeIndicatorValue(models.Model):
    _inherit = "concierge.indicator.value"

    def _service_requests_domain(self, date_from, date_to, sites=None):
        """Requests closed (done) in the period, in the current company;
        with ``sites``, those of these sites only."""
        domain = [
            ("company_id", "=", self.env.company.id),
            ("state", "=", "done"),
            ("done_date", ">=", datetime.combine(date_from, time.min)),
            ("done_date", "<=", datetime.combine(date_to, time.max)),
        ]
        if sites:
            domain.append(("site_id", "in", sites.ids))
        return domain

    def _service_request_groups(
        self, date_from, date_to, sites, aggregate, extra=(), total=False
    ):
        """{site_id or False: value}, and "total" with ``total``: one grouped
        query on the requests closed in the period (two with the total)."""
        return self._indicator_read_group(
            self.env["concierge.service.request"].sudo(),
            self._service_requests_domain(date_from, date_to) + list(extra),
            aggregate,
            sites,
            total=total,
        )

    def _compute_indicator_requests_handled(self, date_from, date_to, sites):
        """Requests closed in the period."""
        return self._service_request_groups(date_from, date_to, sites, "__count")

    def _compute_indicator_beneficiaries_served(self, date_from, date_to, sites):
        """Distinct beneficiaries of the requests closed in the period; one
        served at two sites counts once in the total."""
        return self._service_request_groups(
            date_from, date_to, sites, "partner_id:count_distinct", total=True
        )

    def _compute_indicator_vulnerable_served(self, date_from, date_to, sites):
        """Distinct vulnerable beneficiaries of the requests closed in the
        period."""
        return self._service_request_groups(
            date_from,
            date_to,
            sites,
            "partner_id:count_distinct",
            # anonymised people who were vulnerable still count
            extra=[
                "|",
                ("partner_id.concierge_vulnerable", "=", True),
                ("partner_id.concierge_anonymized_vulnerable", "=", True),
            ],
            total=True,
        )

    def _compute_indicator_avg_turnaround(self, date_from, date_to, sites):
        """Average days from the request to its closing."""
        return self._service_request_groups(
            date_from, date_to, sites, "turnaround_days:avg", total=True
        )

    def _compute_indicator_late_share(self, date_from, date_to, sites):
        """Share (%) of the requests closed in the period after their
        deadline."""
        domain = self._service_requests_domain(date_from, date_to, sites)
        groups = (
            self.env["concierge.service.request"]
            .sudo()
            ._read_group(domain, ["site_id", "done_late"], ["__count"])
        )
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
