# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import datetime, time, timedelta

from odoo import fields, models

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

    def _indicator_locker_after_hours(self, date_from, date_to, sites):
        """Items collected at a locker (code or QR) while the desk was
        closed, in the period."""
        return self._read_group_per_site(
            self.env["concierge.pickup.code"].sudo(),
            "__count",
            date_from,
            date_to,
            sites,
            date_field="used_date",
            additional_domain=[
                ("kind", "=", "pickup"),
                ("state", "=", "used"),
                ("used_method", "in", ("locker_code", "locker_qr")),
                ("after_hours", "=", True),
            ],
        )

    def _indicator_avg_collect_hours(self, date_from, date_to, sites):
        """Average hours from an item being ready to its collection, for the
        items handed back in the period (desk, locker, till or round)."""
        return self._read_group_per_site(
            self.env["concierge.custody.item"].sudo(),
            "collect_hours:avg",
            date_from,
            date_to,
            sites,
            total=True,
            date_field="returned_date",
            additional_domain=[
                ("state", "=", "returned"),
                ("ready_date", "!=", False),
            ],
        )

    def _indicator_locker_occupancy(self, date_from, date_to, sites):
        """Share (%) of the compartments' time in use (reserved, or holding
        items) over the period, per site with lockers: the time between
        each code's issue and the compartment being free again, against
        the compartments' time."""
        start = datetime.combine(date_from, time.min)
        end = min(
            datetime.combine(date_to + timedelta(days=1), time.min),
            fields.Datetime.now(),
        )
        if end <= start:
            return {}
        Compartment = self.env["concierge.locker.compartment"].sudo()
        compartments = Compartment.search(
            self._per_site_domain(
                Compartment, date_from, date_to, sites, date_field=None
            )
        )
        if not compartments:
            return {}
        codes = (
            self.env["concierge.pickup.code"]
            .sudo()
            .search(
                [
                    ("compartment_id", "in", compartments.ids),
                    ("issue_date", "<", end),
                    "|",
                    ("released_date", "=", False),
                    ("released_date", ">", start),
                ]
            )
        )
        used = {}
        for code in codes:
            begin = max(code.issue_date, start)
            finish = min(code.released_date or end, end)
            if finish > begin:
                key = code.site_id.id
                used[key] = used.get(key, 0.0) + (finish - begin).total_seconds()
        period = (end - start).total_seconds()
        available = {}
        for compartment in compartments:
            key = compartment.site_id.id
            available[key] = available.get(key, 0.0) + period
        results = {
            key: 100.0 * used.get(key, 0.0) / seconds
            for key, seconds in available.items()
        }
        results["total"] = 100.0 * sum(used.values()) / sum(available.values())
        return results
