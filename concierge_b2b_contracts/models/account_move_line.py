# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    concierge_period_start = fields.Date(
        string="Contract period start", copy=False, readonly=True
    )
    concierge_period_end = fields.Date(
        string="Contract period end", copy=False, readonly=True, index=True
    )
    concierge_headcount = fields.Integer(
        string="Employees covered", copy=False, readonly=True
    )
    concierge_request_ids = fields.One2many(
        "concierge.service.request",
        "concierge_b2b_invoice_line_id",
        string="Requests billed as overage",
    )
