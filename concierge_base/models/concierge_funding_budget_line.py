# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models

from .concierge_funding_report_line import NATURES


class ConciergeFundingBudgetLine(models.Model):
    """A line of the budget planned in the agreement, by nature of expense
    or income: the "planned" column of its financial reports."""

    _name = "concierge.funding.budget.line"
    _description = "Planned budget line of a funding agreement"
    _order = "agreement_id, nature, id"

    agreement_id = fields.Many2one(
        "concierge.funding.agreement", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="agreement_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    nature = fields.Selection(NATURES, required=True)
    name = fields.Char(string="Detail", help="e.g. Salary of the coordinator")
    amount = fields.Monetary(string="Planned", aggregator="sum")
