# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.tools import float_is_zero


class ConciergeCommissionLine(models.Model):
    _inherit = "concierge.commission.line"

    # A till order that is not invoiced has no invoice of its own: its line
    # gets the session's closing entry when the session is closed.
    move_id = fields.Many2one(
        required=False,
        string="Accounting document",
        help="The customer invoice of the sale; for a till order without "
        "invoice, the closing entry of its session once it is closed.",
    )
    pos_order_line_id = fields.Many2one(
        "pos.order.line",
        string="Till order line",
        index="btree_not_null",
        readonly=True,
        ondelete="cascade",
    )
    pos_order_id = fields.Many2one(
        "pos.order",
        string="Till order",
        related="pos_order_line_id.order_id",
        store=True,
        index="btree_not_null",
    )

    @api.model
    def _eligible_move_lines(self, moves):
        """Invoices of till orders give no commission line of their own: the
        till order's lines do, invoiced or not, so a sale counts once."""
        return super()._eligible_move_lines(
            moves.filtered(lambda move: not move.sudo().pos_order_ids)
        )

    # ------------------------------------------------------------------
    # Synchronisation with till orders
    # ------------------------------------------------------------------
    @api.model
    def _eligible_pos_lines(self, orders):
        return (
            orders.filtered(lambda o: o.state in ("paid", "done", "invoiced"))
            .lines.with_prefetch()
            .filtered(
                lambda line: (
                    line.product_id.product_tmpl_id.concierge_provider_id
                    and not float_is_zero(
                        line.qty, precision_rounding=line.product_id.uom_id.rounding
                    )
                )
            )
        )

    @api.model
    def _pos_rules(self, pos_lines):
        """{till order line id: the rule of its provider's agreement valid on
        the order's date}, from one search of the agreements."""
        pos_lines = pos_lines.with_prefetch()
        agreements_by_provider = self._agreements_by_provider(pos_lines)
        rules = {}
        for line in pos_lines:
            rule = self._find_product_rule(
                agreements_by_provider,
                line.product_id,
                line.company_id,
                line.order_id._concierge_date(),
            )
            if rule:
                rules[line.id] = rule
        return rules

    @api.model
    def _sync_pos_orders(self, orders):
        """The commission lines of paid till orders: one per line of a
        provider's product, the whole line at once (a till order is paid in
        full when it is validated, so the invoiced and the paid basis agree),
        negative for a refund. Calling it twice changes nothing."""
        pos_lines = self._eligible_pos_lines(orders)
        if not pos_lines:
            return self.browse()
        done = set(
            self.search(
                [("pos_order_line_id", "in", pos_lines.ids)]
            ).pos_order_line_id.ids
        )
        pos_lines = pos_lines.filtered(lambda line: line.id not in done)
        rules = self._pos_rules(pos_lines)
        vals_list = [
            self._prepare_pos_line_vals(line, rules[line.id])
            for line in pos_lines
            if line.id in rules
        ]
        self._fill_commission(vals_list)
        return self.create(vals_list)

    @api.model
    def _prepare_pos_line_vals(self, pos_line, rule):
        """Values of the commission line of till order line ``pos_line``
        (amounts in the company's currency, negative for a refund)."""
        order = pos_line.order_id
        agreement = rule.agreement_id
        company = pos_line.company_id
        date = order._concierge_date()
        base = pos_line.price_subtotal
        collected = pos_line.price_subtotal_incl
        if order.currency_id != company.currency_id:
            base = order.currency_id._convert(base, company.currency_id, company, date)
            collected = order.currency_id._convert(
                collected, company.currency_id, company, date
            )
        base = company.currency_id.round(base)
        return {
            "provider_id": agreement.provider_id.id,
            "agreement_id": agreement.id,
            "rule_id": rule.id,
            "commission_model": agreement.commission_model,
            "company_id": company.id,
            "move_id": order.account_move.id,
            "pos_order_line_id": pos_line.id,
            "product_id": pos_line.product_id.id,
            "site_id": order.config_id.concierge_site_id.id
            or order.partner_id.concierge_site_id.id
            or order.partner_id.commercial_partner_id.concierge_site_id.id,
            "date": date,
            "ratio": 1.0,
            # sold in the provider's name: the till's closing entry (or the
            # order's invoice) books it on the third-party account (467); a
            # line that carried VAT was sold in the conciergerie's own name
            # (the VAT on the ticket is the conciergerie's, as it was charged)
            "sale_mode": "agent"
            if agreement._is_agent() and not pos_line.tax_ids_after_fiscal_position
            else "own_name",
            "quantity": pos_line.qty,
            "base_amount": base,
            "collected_amount": company.currency_id.round(collected),
            "_target": (base, pos_line.qty, 0.0),
        }
