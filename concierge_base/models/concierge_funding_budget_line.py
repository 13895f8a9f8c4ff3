# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .concierge_funding_report_line import NATURES


class ConciergeFundingBudgetLine(models.Model):
    """A line of the budget planned in the agreement, by nature of expense
    or income: the "planned" column of its financial reports."""

    _name = "concierge.funding.budget.line"
    _description = "Planned budget line of a funding agreement"
    _order = "agreement_id, nature, id"

    _inherit = ["concierge.funding.agreement.part"]
    # what the agreement's form shows read-only once it is closed or cancelled
    _concierge_plan_fields = {"agreement_id", "nature", "name", "amount"}

    def _concierge_plan_what(self):
        return self.env._("The planned budget")

    agreement_id = fields.Many2one(
        "concierge.funding.agreement", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="agreement_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    nature = fields.Selection(NATURES, required=True)
    name = fields.Char(string="Detail", help="e.g. Salary of the coordinator")
    amount = fields.Monetary(string="Planned", aggregator="sum")

    @api.constrains("amount")
    def _check_amount(self):
        for line in self:
            if line.currency_id.compare_amounts(line.amount, 0.0) < 0:
                raise ValidationError(
                    self.env._(
                        "The planned amount of a budget line of %(agreement)s "
                        "cannot be negative: type expenses and income as "
                        "positive amounts, in their own nature.",
                        agreement=line.agreement_id.name,
                    )
                )
