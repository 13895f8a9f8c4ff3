# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import re

from odoo import api, models
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
        order (to settle with the till's settle-order flow), the tickets of
        its ready items and of all its items."""
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
                [("state", "in", OPEN_STATES), ("sale_order_id", "!=", False)],
                expression.OR(by_term),
            ]
        )
        requests = self.search(domain, limit=limit, order="id desc")
        return [
            {
                "id": request.id,
                "name": request.name,
                "partner_id": request.partner_id.id,
                "partner_name": request.partner_id.display_name,
                "state": request.state,
                "sale_order_id": request.sale_order_id.id,
                "sale_order_name": request.sale_order_id.name,
                "amount_total": request.sale_order_id.amount_total,
                "ready_tickets": request.custody_item_ids.filtered(
                    lambda item: item.state == "ready"
                ).mapped("name"),
                "tickets": request.custody_item_ids.mapped("name"),
            }
            for request in requests
        ]
