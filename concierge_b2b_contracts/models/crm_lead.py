# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CrmLead(models.Model):
    _inherit = "crm.lead"

    concierge_headcount = fields.Integer(
        string="Headcount", help="Number of employees of the prospect company."
    )
    concierge_site_ids = fields.Many2many(
        "concierge.site",
        string="Conciergerie sites",
        help="Sites of the conciergerie the employees would use.",
    )
    concierge_plan_id = fields.Many2one(
        "concierge.b2b.plan",
        string="Company plan",
        domain="[('company_id', 'in', (company_id, False))]",
    )
    concierge_contract_count = fields.Integer(
        string="Company contracts", compute="_compute_concierge_contract_count"
    )

    @api.constrains("concierge_headcount")
    def _check_concierge_headcount(self):
        for lead in self:
            if lead.concierge_headcount < 0:
                raise ValidationError(
                    self.env._(
                        "The headcount of %(lead)s cannot be negative.",
                        lead=lead.name,
                    )
                )

    def _concierge_contracts(self):
        return self.order_ids.concierge_contract_id

    def _compute_concierge_contract_count(self):
        groups = self.env["sale.order"]._read_group(
            [
                ("opportunity_id", "in", self.ids),
                ("concierge_contract_id", "!=", False),
            ],
            ["opportunity_id"],
            ["concierge_contract_id:count_distinct"],
        )
        counts = {lead.id: count for lead, count in groups}
        for lead in self:
            lead.concierge_contract_count = counts.get(lead.id, 0)

    def _prepare_opportunity_quotation_context(self):
        context = super()._prepare_opportunity_quotation_context()
        if self.concierge_plan_id:
            context["default_concierge_plan_id"] = self.concierge_plan_id.id
            context["default_concierge_headcount"] = self.concierge_headcount
            context["default_concierge_site_id"] = self.concierge_site_ids[:1].id
        return context

    def action_view_concierge_contracts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "concierge_b2b_contracts.action_concierge_b2b_contract"
        )
        action["domain"] = [("id", "in", self._concierge_contracts().ids)]
        return action
