# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    concierge_site_id = fields.Many2one(
        "concierge.site",
        string="Sold at site",
        index="btree_not_null",
        check_company=True,
        help="Conciergerie site where the sale was made (a shop selling "
        "consignment goods, for instance): its commissions count for this site.",
    )
    concierge_commission_line_ids = fields.One2many(
        "concierge.commission.line",
        "move_id",
        string="Commission lines",
        readonly=True,
    )
    concierge_settlement_ids = fields.One2many(
        "concierge.commission.settlement",
        "move_id",
        string="Commission settlements",
        readonly=True,
    )

    def write(self, vals):
        res = super().write(vals)
        if "state" in vals and not self.env.context.get("concierge_commission_skip"):
            invoices = self.filtered(
                lambda m: m.move_type in ("out_invoice", "out_refund")
            )
            if invoices:
                self.env["concierge.commission.line"]._sync_moves(invoices)
        return res

    def _concierge_after_payment(self, date):
        """A payment was reconciled or unreconciled: commissions on a paid
        basis follow, settlements follow their document's payment."""
        invoices = self.filtered(
            lambda m: (
                m.move_type in ("out_invoice", "out_refund") and m.state == "posted"
            )
        )
        if invoices:
            self.env["concierge.commission.line"]._sync_moves(invoices, date=date)
        settlements = self.concierge_settlement_ids
        if settlements:
            settlements._sync_payment_state()
