# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models

from .concierge_locker_compartment import SIZE_RANK


class ProductProduct(models.Model):
    _inherit = "product.product"

    concierge_custody_company_ids = fields.One2many(
        "res.company",
        "concierge_custody_product_id",
        string="Custody product of",
        help="Companies whose items in custody move under this product.",
    )

    def _concierge_locker_size(self):
        """The compartment size the items of these services need together:
        the largest of their sizes (small when none is set)."""
        sizes = [size or "small" for size in self.mapped("concierge_locker_size")]
        return max(sizes or ["small"], key=SIZE_RANK.__getitem__)
