# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class StockLocation(models.Model):
    _inherit = "stock.location"

    concierge_site_id = fields.Many2one(
        "concierge.site",
        string="Conciergerie site",
        index="btree_not_null",
        ondelete="set null",
    )
    concierge_provider_id = fields.Many2one(
        "res.partner",
        string="Conciergerie provider",
        index="btree_not_null",
        ondelete="set null",
        help="The provider holding the items of this location.",
    )
