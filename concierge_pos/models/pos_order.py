# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


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
            requests._concierge_hand_back("till")
        return True

    @api.model
    def _get_invoice_lines_values(self, line_values, pos_order_line):
        vals = super()._get_invoice_lines_values(line_values, pos_order_line)
        if pos_order_line._concierge_agent_sale():
            vals["account_id"] = line_values["account_id"].id
        return vals

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


class PosOrderLine(models.Model):
    _inherit = "pos.order.line"

    concierge_commission_line_ids = fields.One2many(
        "concierge.commission.line",
        "pos_order_line_id",
        string="Commission lines",
        readonly=True,
    )

    def _concierge_agent_sale(self):
        """Whether this line was sold in a provider's name (its commission
        line, made when the order was paid, says so)."""
        self.ensure_one()
        return any(
            line.sale_mode == "agent"
            for line in self.sudo().concierge_commission_line_ids
        )

    def _prepare_base_line_for_taxes_computation(self):
        """Sales in a provider's name are no revenue of the conciergerie:
        the closing entry of the session and the order's invoice book them on
        the third-party account (467), cleared by the provider's settlement,
        as for the suite's invoices."""
        values = super()._prepare_base_line_for_taxes_computation()
        if self._concierge_agent_sale():
            company = self.order_id.company_id
            values["account_id"] = company.sudo()._concierge_third_party_account()
        return values
