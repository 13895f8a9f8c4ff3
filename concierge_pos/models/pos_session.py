# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import uuid

from odoo import Command, fields, models


class PosSession(models.Model):
    _inherit = "pos.session"

    def _get_sale_vals(self, key, sale_vals):
        """Sales of a till at a site count for the site in the funding mix:
        the closing entry's sales lines get the site's analytic account."""
        vals = super()._get_sale_vals(key, sale_vals)
        site = self.config_id.concierge_site_id
        if site and not vals.get("analytic_distribution"):
            distribution = site._concierge_analytic_distribution()
            if distribution:
                vals["analytic_distribution"] = distribution
        return vals

    def _validate_session(
        self,
        balancing_account=False,
        amount_to_balance=0,
        bank_payment_method_diffs=None,
    ):
        res = super()._validate_session(
            balancing_account, amount_to_balance, bank_payment_method_diffs
        )
        self._concierge_book_commission_lines()
        return res

    def _concierge_book_commission_lines(self):
        """Commission lines of the session's orders without invoice get the
        session's closing entry as their document: one search and one write
        per session, whatever the number of orders and lines."""
        Line = self.env["concierge.commission.line"].sudo()
        for session in self.filtered("move_id"):
            Line.search(
                [("pos_order_id.session_id", "=", session.id), ("move_id", "=", False)]
            ).write({"move_id": session.move_id.id})
        return True

    def _concierge_ui_order(self, lines, partner=None, to_invoice=False):
        """The data the till sends for an order of this session, paid cash
        (or with the first payment method): ``lines`` is a list of
        ``(product, quantity)``, ``(product, quantity, refunded till line)``
        for the lines of a refund, or ``(product, quantity, sale order
        line)`` to settle a sale order (pos_sale's settle-order flow). Used
        by the demo, the tests and the benchmark to sell as the till does,
        through ``pos.order.sync_from_ui``."""
        self.ensure_one()
        config = self.config_id
        fiscal_position = (
            partner and partner.property_account_position_id
        ) or config.default_fiscal_position_id
        tax_domain = self.env["account.tax"]._check_company_domain(self.company_id)
        order_lines = []
        for product, quantity, *origin in lines:
            origin = origin[0] if origin else None
            refunded_line = (
                origin if origin and origin._name == "pos.order.line" else None
            )
            sale_line = origin if origin and origin._name == "sale.order.line" else None
            if refunded_line or sale_line:
                price = origin.price_unit
            elif config.pricelist_id:
                price = config.pricelist_id._get_product_price(
                    product, abs(quantity), partner or False
                )
            else:
                price = product.lst_price
            taxes = fiscal_position.map_tax(
                product.taxes_id.filtered_domain(tax_domain)
            )
            amounts = taxes.compute_all(
                price, self.currency_id, quantity, product=product, partner=partner
            )
            vals = {
                "product_id": product.id,
                "qty": quantity,
                "price_unit": price,
                "price_subtotal": amounts["total_excluded"],
                "price_subtotal_incl": amounts["total_included"],
                "tax_ids": [Command.set(taxes.ids)],
                "pack_lot_ids": [],
            }
            if refunded_line:
                vals["refunded_orderline_id"] = refunded_line.id
            if sale_line:
                vals["sale_order_origin_id"] = sale_line.order_id.id
                vals["sale_order_line_id"] = sale_line.id
            order_lines.append(Command.create(vals))
        total = sum(line[2]["price_subtotal_incl"] for line in order_lines)
        untaxed = sum(line[2]["price_subtotal"] for line in order_lines)
        methods = config.payment_method_ids.filtered(lambda m: m.type != "pay_later")
        method = methods.filtered("is_cash_count")[:1] or methods[:1]
        uid = str(uuid.uuid4())
        return {
            "uuid": uid,
            "name": f"Order {uid}",
            "session_id": self.id,
            "user_id": self.user_id.id or self.env.uid,
            "partner_id": partner.id if partner else False,
            "pricelist_id": config.pricelist_id.id,
            "fiscal_position_id": fiscal_position.id,
            "date_order": fields.Datetime.to_string(fields.Datetime.now()),
            "lines": order_lines,
            "payment_ids": [
                Command.create(
                    {
                        "amount": total,
                        "payment_date": fields.Datetime.now(),
                        "payment_method_id": method.id,
                    }
                )
            ],
            "amount_total": total,
            "amount_tax": total - untaxed,
            "amount_paid": total,
            "amount_return": 0,
            "to_invoice": to_invoice,
            "last_order_preparation_change": "{}",
            "sequence_number": 1,
        }
