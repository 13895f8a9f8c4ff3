# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class ProductCategory(models.Model):
    _inherit = "product.category"

    concierge_source_category = fields.Selection(
        selection_add=[("subscriptions", "Company subscriptions"), ("public_grants",)],
        ondelete={"subscriptions": "set market_sales"},
    )
