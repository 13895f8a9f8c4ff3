# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import re

from odoo import api, models
from odoo.exceptions import UserError
from odoo.osv import expression

OPEN_STATES = ("confirmed", "in_progress", "ready")


class ConciergeServiceRequest(models.Model):
    _inherit = "concierge.service.request"

    @api.model
    def concierge_pos_search(self, term, limit=20):
        """The open requests the cashier looks for at the till: by the
        beneficiary's name or phone, the request's reference, or the custody
        ticket scanned on the item's bag. Returns, for XML-RPC and the till,
        a list of dicts: request id and name, beneficiary, state, its sale
        order (to settle with the till's settle-order flow; none when there
        is nothing to pay at the till, see ``concierge_pos_hand_back``), the
        tickets of its ready items and of all its items."""
        term = (term or "").strip()
        if not term:
            return []
        by_term = [
            [("name", "ilike", term)],
            [("partner_id.name", "ilike", term)],
            [("custody_item_ids.name", "=", term)],
        ]
        # phones are stored in E.164 (+33...): match the national digits
        digits = re.sub(r"\D", "", term).lstrip("0")
        if len(digits) >= 6:
            by_term += [
                [("partner_id.phone", "like", digits)],
                [("partner_id.mobile", "like", digits)],
            ]
        domain = expression.AND(
            [
                [("state", "in", OPEN_STATES)],
                expression.OR(by_term),
            ]
        )
        requests = self.search(domain, limit=limit, order="id desc")
        return [request._concierge_pos_values() for request in requests]

    def _concierge_pos_values(self):
        """What the till shows of a request (see ``concierge_pos_search``)."""
        self.ensure_one()
        return {
            "id": self.id,
            "name": self.name,
            "partner_id": self.partner_id.id,
            "partner_name": self.partner_id.display_name,
            "state": self.state,
            "sale_order_id": self.sale_order_id.id,
            "sale_order_name": self.sale_order_id.name,
            "amount_total": self.sale_order_id.amount_total,
            "paid_by": self._concierge_pos_paid_by(),
            "ready_tickets": self.custody_item_ids.filtered(
                lambda item: item.state == "ready"
            ).mapped("name"),
            "tickets": self.custody_item_ids.mapped("name"),
        }

    def _concierge_pos_paid_by(self):
        """Who pays a request that has no sale order to pay at the till, as
        the till shows it; empty when the beneficiary pays at the till.
        Extended by the addons where someone else pays (an employer)."""
        self.ensure_one()
        if self.sale_order_id:
            return ""
        return self.env._("Nothing to pay at the till")

    def concierge_pos_hand_back(self):
        """Hand back at the till the ready items of a request that has
        nothing to pay there (no sale order: a service paid by someone else,
        an employer's plan): the custody items are returned, their stock
        leaves the desk, the request closes when complete. A request with a
        sale order is handed back when its order is paid at the till.
        Returns what the till shows of the request."""
        self.ensure_one()
        if self.sale_order_id:
            raise UserError(
                self.env._(
                    "Request %(request)s is paid at the till: choose it in "
                    "Requests or scan its ticket, and take the payment of its "
                    "order; its items are handed back once paid.",
                    request=self.name,
                )
            )
        if not self.custody_item_ids.filtered(lambda item: item.state == "ready"):
            raise UserError(
                self.env._(
                    "No item of request %(request)s is ready to be handed back.",
                    request=self.name,
                )
            )
        self._check_action("action_hand_back", self.env._("Handing back"))
        self._concierge_hand_back("till")
        return self._concierge_pos_values()

    @api.model
    def concierge_pos_create_request(self, config_id, partner_id, lines):
        """A request taken at the till (a coat left for cleaning): the
        conciergerie services (service products of a service category) among
        ``lines`` (dicts of ``product_id``,
        ``qty`` and an optional ``note``, the lines of the till's order) make
        a confirmed request of the beneficiary ``partner_id`` at the till's
        site, whose custody items are received at the desk. Returns what the
        till shows of it (``concierge_pos_search``) with ``product_ids``, the
        products taken (the till removes their lines from its order: they
        are paid with the request's sale order, when the items are handed
        back), and ``custody_tickets``, what the tickets printed on the
        receipt printer read."""
        config = self.env["pos.config"].browse(config_id).exists()
        partner = self.env["res.partner"].browse(partner_id or []).exists()
        if not config:
            raise UserError(self.env._("This till does not exist any more."))
        if not partner:
            raise UserError(
                self.env._(
                    "Choose the beneficiary (the customer of the order) before "
                    "taking the request."
                )
            )
        products = self.env["product.product"].browse(
            [line["product_id"] for line in lines]
        )
        # goods (honey, local produce) are sold at the till, not requested
        services = products.filtered(
            lambda product: product.type == "service" and product.concierge_category_id
        )
        if not services:
            raise UserError(
                self.env._(
                    "No conciergerie service is on the order: add the service "
                    "asked for (a pressing, a repair...) before taking the request."
                )
            )
        request = self.create(config._concierge_request_vals(partner, lines, services))
        request.action_confirm()
        return {
            **request._concierge_pos_values(),
            "product_ids": services.ids,
            "custody_tickets": request.custody_item_ids._concierge_ticket_values(),
        }
