# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from random import randint

from odoo import fields, models


class ConciergeServiceCategory(models.Model):
    _name = "concierge.service.category"
    _description = "Conciergerie service category"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(help="Short code used in reports and indicators.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    # kanban cards hide tags of color 0: a new category gets a visible color
    color = fields.Integer(default=lambda self: randint(1, 11))
    product_count = fields.Integer(compute="_compute_product_count")

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a service category must be unique."),
    ]

    def _compute_product_count(self):
        groups = self.env["product.template"]._read_group(
            [("concierge_category_id", "in", self.ids)],
            ["concierge_category_id"],
            ["__count"],
        )
        counts = {category.id: count for category, count in groups}
        for category in self:
            category.product_count = counts.get(category.id, 0)

    def action_view_products(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "concierge_services.action_concierge_catalogue"
        )
        action["domain"] = [("concierge_category_id", "=", self.id)]
        action["context"] = {"default_concierge_category_id": self.id}
        return action
