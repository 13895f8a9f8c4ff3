# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models

B2B_PRODUCTS = (
    "concierge_b2b_contracts.product_b2b_subscription",
    "concierge_b2b_contracts.product_b2b_overage",
)


class ResCompany(models.Model):
    _inherit = "res.company"

    def _concierge_map_sources(self):
        """The subscription and overage products count as company
        subscriptions in the funding mix, through their product category
        (whatever the income account of the company's chart), unless an
        accountant put them in another category."""
        res = super()._concierge_map_sources()
        category = self.env.ref(
            "concierge_b2b_contracts.product_category_b2b", raise_if_not_found=False
        )
        default = self.env.ref("product.product_category_all", raise_if_not_found=False)
        if category:
            products = self.env["product.product"].sudo()
            for xmlid in B2B_PRODUCTS:
                products |= self.env.ref(xmlid, raise_if_not_found=False) or products
            products.filtered(
                lambda p: not p.categ_id or p.categ_id == default
            ).categ_id = category
        return res
