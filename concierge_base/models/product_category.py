# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models

from .account_account import BASE_SOURCES


class ProductCategory(models.Model):
    _inherit = "product.category"

    concierge_source_category = fields.Selection(
        BASE_SOURCES,
        string="Funding mix source",
        help="Revenue lines of products of this category (or of its "
        "sub-categories) count in the funding mix under this source, whatever "
        "their income account.",
    )
