# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class PosOrder(models.Model):
    _inherit = "pos.order"

    concierge_commission_line_ids = fields.One2many(
        "concierge.commission.line",
        "pos_order_id",
        string="Commission lines",
        readonly=True,
    )

    def _concierge_date(self):
        """The day of the order in the user's time zone: the date of its
        commission lines."""
        self.ensure_one()
        return fields.Date.context_today(self, self.date_order)

    def action_pos_order_paid(self):
        res = super().action_pos_order_paid()
        # The cashier needs no right on commissions: the bookkeeping follows
        # the sale.
        self.env["concierge.commission.line"].sudo()._sync_pos_orders(self)
        self._concierge_hand_back_requests()
        return res

    def _concierge_hand_back_requests(self):
        """A till order that settles the sale order of a request (Odoo's
        settle-order flow of pos_sale) hands its ready items back to the
        beneficiary: the custody items are returned, their stock leaves the
        desk, and the request closes when all its services are delivered.
        The cashier hands the items over; the till records it."""
        sale_orders = self.lines.sale_order_origin_id
        if not sale_orders:
            return True
        requests = (
            self.env["concierge.service.request"]
            .sudo()
            .search([("sale_order_id", "in", sale_orders.ids), ("state", "=", "ready")])
        )
        if requests:
            requests.action_hand_back()
        return True

    def _prepare_invoice_vals(self):
        vals = super()._prepare_invoice_vals()
        site = self.config_id.concierge_site_id
        if site:
            vals["concierge_site_id"] = site.id
        return vals

    def _generate_pos_order_invoice(self):
        res = super()._generate_pos_order_invoice()
        lines = self.sudo().concierge_commission_line_ids
        for move, move_lines in lines.grouped(
            lambda line: line.pos_order_id.account_move
        ).items():
            if move:
                move_lines.filtered(lambda line, m=move: line.move_id != m).write(
                    {"move_id": move.id}
                )
        return res
