# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class ProductProduct(models.Model):
    _inherit = "product.product"

    concierge_custody_company_ids = fields.One2many(
        "res.company",
        "concierge_custody_product_id",
        string="Custody product of",
        help="Companies whose items in custody move under this product.",
    )
