# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.depends("concierge_employer_id")
    def _compute_product_pricelist(self):
        """An employee covered by a company contract running today buys at
        the employer's prices (the contract's pricelist, else the
        employer's), at the desk, on a quotation and at the till, unless a
        pricelist of their own is set."""
        super()._compute_product_pricelist()
        employees = self.filtered(
            lambda p: (
                p.concierge_employer_id and not p.specific_property_product_pricelist
            )
        )
        if not employees:
            return
        Contract = self.env["contract.contract"]
        by_employer = Contract._concierge_plans_by_employer(
            employees.concierge_employer_id
        )
        today = fields.Date.context_today(self)
        company = self.env.company
        for employee in employees:
            contract = Contract._concierge_running_contract(
                by_employer, employee.concierge_employer_id, company, today
            )
            if contract:
                employee.property_product_pricelist = (
                    contract.pricelist_id
                    or contract.commercial_partner_id.property_product_pricelist
                )

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
