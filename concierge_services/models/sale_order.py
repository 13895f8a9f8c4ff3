# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    concierge_request_id = fields.Many2one(
        "concierge.service.request",
        string="Conciergerie request",
        index="btree_not_null",
        copy=False,
        readonly=True,
    )

    def action_view_concierge_request(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "concierge.service.request",
            "res_id": self.concierge_request_id.id,
            "view_mode": "form",
        }


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    concierge_request_line_id = fields.Many2one(
        "concierge.service.request.line",
        string="Conciergerie request line",
        index="btree_not_null",
        copy=False,
        readonly=True,
    )
