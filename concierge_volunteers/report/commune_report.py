# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, models

from ..models.round_ordering import commune_key

# the rounds whose done stops count: on the road or back
DRIVEN_STATES = ("on_road", "done")


class ReportCommuneMonth(models.AbstractModel):
    """What the rounds did in each commune over a period, for the communes
    that co-fund the service: aggregated figures, no person named."""

    _name = "report.concierge_volunteers.report_commune_month"
    _description = "Rounds: report per commune"

    @api.model
    def _done_stops(self, company, date_from, date_to):
        return self.env["concierge.round.stop"].search(
            [
                ("company_id", "=", company.id),
                ("state", "=", "done"),
                ("round_id.state", "in", DRIVEN_STATES),
                ("round_id.date", ">=", date_from),
                ("round_id.date", "<=", date_to),
            ]
        )

    @api.model
    def _prepare_communes(self, company, date_from, date_to, funders=None):
        """One dict per commune served over the period (or per commune of
        ``funders``, served or not), sorted by name: the visits (stops
        done), the requests served there (collected or delivered, each
        counted once), the people served (each counted once, whatever the
        number of their requests and visits) and the home visits to
        vulnerable persons."""
        stops = self._done_stops(company, date_from, date_to)
        by_key = {}
        for stop in stops:
            cell = by_key.setdefault(
                commune_key(stop.commune),
                {
                    "commune": stop.commune,
                    "visits": set(),
                    "requests": self.env["concierge.service.request"],
                    "home_visits": 0,
                },
            )
            cell["visits"].add((stop.round_id.date, stop.kind, stop.id))
            cell["requests"] |= stop.collect_request_ids | stop.deliver_request_ids
            if stop.kind == "home" and stop.partner_id.sudo().concierge_vulnerable:
                cell["home_visits"] += 1
        funders_by_key = {
            commune_key(funder.city): funder for funder in funders or [] if funder.city
        }
        keys = funders_by_key if funders else by_key
        rows = []
        for key in keys:
            cell = by_key.get(key)
            funder = funders_by_key.get(key)
            rows.append(
                {
                    "commune": cell["commune"] if cell else funder.city,
                    "funder": funder.name if funder else "",
                    "visits": len(cell["visits"]) if cell else 0,
                    "days": len({v[0] for v in cell["visits"]}) if cell else 0,
                    "requests": len(cell["requests"]) if cell else 0,
                    "people": len(cell["requests"].partner_id) if cell else 0,
                    "vulnerable_visits": cell["home_visits"] if cell else 0,
                }
            )
        rows.sort(key=lambda row: commune_key(row["commune"]))
        return rows

    @api.model
    def _get_report_values(self, docids, data=None):
        wizards = self.env["concierge.round.commune.report"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "concierge.round.commune.report",
            "docs": wizards,
            "rows": {
                wizard.id: self._prepare_communes(
                    wizard.company_id,
                    wizard.date_from,
                    wizard.date_to,
                    wizard.funder_ids,
                )
                for wizard in wizards
            },
        }
