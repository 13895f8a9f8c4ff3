# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class ConciergeServiceCategory(models.Model):
    _inherit = "concierge.service.category"

    pos_category_id = fields.Many2one(
        "pos.category",
        string="Till category",
        copy=False,
        ondelete="set null",
        help="The category of the till that shows the services and products "
        "of this category.",
    )

    def _concierge_pos_categories(self):
        """The till categories of these service categories, created for the
        ones that have none (one create for all)."""
        missing = self.filtered(lambda category: not category.pos_category_id)
        if missing:
            created = self.env["pos.category"].create(
                [
                    {
                        "name": category.name,
                        "sequence": category.sequence,
                        "color": category.color,
                    }
                    for category in missing
                ]
            )
            for category, pos_category in zip(missing, created, strict=True):
                category.pos_category_id = pos_category
        return self.pos_category_id
