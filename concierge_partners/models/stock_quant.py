# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class StockQuant(models.Model):
    _inherit = "stock.quant"

    concierge_site_id = fields.Many2one(
        related="location_id.concierge_site_id",
        string="Conciergerie site",
        store=True,
    )
