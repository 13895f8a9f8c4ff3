# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import datetime, time

from odoo import models


class ConciergeIndicatorValue(models.Model):
    _inherit = "concierge.indicator.value"

    def _service_requests_domain(self, date_from, date_to, sites):
        """Requests closed (done) in the month, in the current company."""
        domain = [
            ("company_id", "=", self.env.company.id),
            ("state", "=", "done"),
            ("done_date", ">=", datetime.combine(date_from, time.min)),
            ("done_date", "<=", datetime.combine(date_to, time.max)),
        ]
        if sites:
            domain.append(("site_id", "in", sites.ids))
        return domain

    def _service_request_groups(self, date_from, date_to, sites, aggregate, extra=()):
        groups = (
            self.env["concierge.service.request"]
            .sudo()
            ._read_group(
                self._service_requests_domain(date_from, date_to, sites) + list(extra),
                ["site_id"],
                [aggregate],
            )
        )
        return {site.id or False: value for site, value in groups}

    def _compute_indicator_requests_handled(self, date_from, date_to, sites):
        """Requests closed in the month."""
        return self._service_request_groups(date_from, date_to, sites, "__count")

    def _compute_indicator_beneficiaries_served(self, date_from, date_to, sites):
        """Distinct beneficiaries of the requests closed in the month."""
        return self._service_request_groups(
            date_from, date_to, sites, "partner_id:count_distinct"
        )

    def _compute_indicator_vulnerable_served(self, date_from, date_to, sites):
        """Distinct vulnerable beneficiaries of the requests closed in the month."""
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
        )

    def _compute_indicator_avg_turnaround(self, date_from, date_to, sites):
        """Average days from the request to its closing."""
        return self._service_request_groups(
            date_from, date_to, sites, "turnaround_days:avg"
        )

    def _compute_indicator_late_share(self, date_from, date_to, sites):
        """Share (%) of the requests closed in the month after their deadline."""
        groups = (
            self.env["concierge.service.request"]
            .sudo()
            ._read_group(
                self._service_requests_domain(date_from, date_to, sites),
                ["site_id", "done_late"],
                ["__count"],
            )
        )
        totals, late = {}, {}
        for site, is_late, count in groups:
            key = site.id or False
            totals[key] = totals.get(key, 0) + count
            if is_late:
                late[key] = late.get(key, 0) + count
        return {
            key: 100.0 * late.get(key, 0) / total
            for key, total in totals.items()
            if total
        }
