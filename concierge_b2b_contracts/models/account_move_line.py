# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models

from odoo.addons.concierge_base.utils import create_money_key

# one invoice line per contract line and period billed, on invoices that
# stand: the database refuses a second one even when two runs race (the
# cron and a user's "Create invoice"); cancelled invoices and periods
# released after a full credit note do not hold their period
PERIOD_BILLED_KEY = "concierge_contract_line_period_billed_uniq"


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    concierge_period_start = fields.Date(
        string="Contract period start", copy=False, readonly=True
    )
    concierge_period_end = fields.Date(
        string="Contract period end", copy=False, readonly=True, index=True
    )
    concierge_period_released = fields.Boolean(
        string="Contract period released",
        copy=False,
        readonly=True,
        help="The invoice of this period was fully reversed by a credit note: "
        "the period may be billed again.",
    )
    concierge_headcount = fields.Integer(
        string="Employees covered", copy=False, readonly=True
    )
    concierge_request_ids = fields.One2many(
        "concierge.service.request",
        "concierge_b2b_invoice_line_id",
        string="Requests billed as overage",
    )

    def init(self):
        res = super().init()
        create_money_key(
            self.env.cr,
            PERIOD_BILLED_KEY,
            self._table,
            ["contract_line_id", "concierge_period_start"],
            where="contract_line_id IS NOT NULL"
            " AND concierge_period_start IS NOT NULL"
            " AND parent_state != 'cancel'"
            " AND concierge_period_released IS NOT TRUE",
        )
        return res
