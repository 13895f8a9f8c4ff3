# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    concierge_pos_employer = fields.Char(
        string="Company plan at the till",
        compute="_compute_concierge_pos_employer",
        help="Shown at the till under the customer's name: the employer "
        "whose company contract covers the employee today.",
    )

    @api.depends("concierge_employer_id")
    @api.depends_context("company")
    def _compute_concierge_pos_employer(self):
        Contract = self.env["contract.contract"]
        employees = self.filtered("concierge_employer_id")
        by_employer = Contract._concierge_plans_by_employer(
            employees.concierge_employer_id
        )
        today = fields.Date.context_today(self)
        self.concierge_pos_employer = False
        for employee in employees:
            contract = Contract._concierge_running_contract(
                by_employer, employee.concierge_employer_id, self.env.company, today
            )
            if contract:
                employee.concierge_pos_employer = self.env._(
                    "Employee of %(employer)s (%(plan)s)",
                    employer=contract.commercial_partner_id.name,
                    plan=contract.concierge_plan_id.name,
                )

    @api.model
    def _load_pos_data_fields(self, config_id):
        return [*super()._load_pos_data_fields(config_id), "concierge_pos_employer"]
