# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, models


class ReportRoundSheet(models.AbstractModel):
    """The road sheet of a round: what the driver takes in the van."""

    _name = "report.concierge_volunteers.report_round_sheet"
    _description = "Road sheet of a round"

    @api.model
    def _get_report_values(self, docids, data=None):
        rounds = self.env["concierge.round"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "concierge.round",
            "docs": rounds,
            "stops": {
                round_.id: round_._concierge_stops_to_drive() for round_ in rounds
            },
        }
