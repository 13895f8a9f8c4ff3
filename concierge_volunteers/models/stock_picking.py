# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    concierge_round_id = fields.Many2one(
        "concierge.round",
        string="Round",
        index="btree_not_null",
        readonly=True,
        ondelete="set null",
        help="The round this transfer loaded or unloaded the vehicle of.",
    )
