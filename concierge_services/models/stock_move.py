# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class StockMove(models.Model):
    _inherit = "stock.move"

    concierge_custody_item_id = fields.Many2one(
        "concierge.custody.item",
        string="Custody item",
        index="btree_not_null",
        ondelete="restrict",
        readonly=True,
    )

    def _prepare_merge_moves_distinct_fields(self):
        return [
            *super()._prepare_merge_moves_distinct_fields(),
            "concierge_custody_item_id",
        ]
