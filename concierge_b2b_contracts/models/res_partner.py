# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _concierge_privacy_data(self):
        """The company plans covering the person through their employer."""
        data = super()._concierge_privacy_data()
        employer = self.sudo().concierge_employer_id.commercial_partner_id
        contracts = self.env["contract.contract"].sudo().browse()
        if employer:
            contracts = (
                self.env["contract.contract"]
                .sudo()
                .search(
                    [
                        ("partner_id", "child_of", employer.id),
                        ("concierge_plan_id", "!=", False),
                    ],
                    order="date_start, id",
                )
            )
        data["company_plans"] = self._concierge_privacy_section(
            self.env._("Company plans covering the person"),
            contracts,
            ["name", "partner_id", "concierge_plan_id", "date_start", "date_end"],
        )
        return data
