# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import Command

from odoo.addons.concierge_base.tests.common import ConciergeCase


class ServicesCase(ConciergeCase):
    """Catalogue, beneficiaries and a helper to take requests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.category = cls.env["concierge.service.category"].create(
            {"name": "Pressing test", "code": "TPRESS"}
        )
        cls.provider = cls.env["res.partner"].create(
            {"name": "Pressing du bourg", "is_company": True}
        )
        cls.cleaning = cls.env["product.product"].create(
            {
                "name": "Nettoyage veste",
                "type": "service",
                "list_price": 12.0,
                "concierge_category_id": cls.category.id,
                "concierge_provider_id": cls.provider.id,
                "concierge_lead_days": 2,
                "concierge_custody": True,
            }
        )
        cls.paperwork = cls.env["product.product"].create(
            {
                "name": "Aide aux démarches",
                "type": "service",
                "list_price": 10.0,
                "concierge_category_id": cls.category.id,
            }
        )
        cls.beneficiary = cls.env["res.partner"].create(
            {
                "name": "Jeanne Test",
                "email": "jeanne.test@example.com",
                "concierge_beneficiary_type": "inhabitant",
                "concierge_site_id": cls.site.id,
            }
        )

    @classmethod
    def _request(cls, products=None, partner=None, **vals):
        products = products if products is not None else [cls.cleaning]
        return cls.env["concierge.service.request"].create(
            {
                "partner_id": (partner or cls.beneficiary).id,
                "line_ids": [
                    Command.create({"product_id": product.id}) for product in products
                ],
                **vals,
            }
        )
