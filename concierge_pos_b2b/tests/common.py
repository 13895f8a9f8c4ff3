# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import Command, fields

from odoo.addons.concierge_b2b_contracts.tests.common import B2bCase
from odoo.addons.concierge_pos.tests.common import PosCase


class PosEmployeeCase(PosCase, B2bCase):
    """The till of the test site and a client company whose plan, running
    since the first of this month, pays the parcels and the ironing of its
    employees; its pricelist sells the honey at 7.00 instead of 9.00."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.paid, cls.parcel = cls._category_and_service(
            "Colis test", "TPB2BPAID", "Réception de colis", 3.0
        )
        cls.parcel.available_in_pos = True
        cls.ironing = cls.env["product.product"].create(
            {
                "name": "Repassage salarié",
                "type": "service",
                "list_price": 6.0,
                "available_in_pos": True,
                "concierge_category_id": cls.paid.id,
                "concierge_provider_id": cls.provider.id,
                "concierge_custody": True,
                "taxes_id": [Command.clear()],
            }
        )
        cls.other, cls.sewing = cls._category_and_service(
            "Retouches test", "TPB2BOTHER", "Ourlet", 15.0
        )
        cls.plan.category_ids = cls.paid
        cls.pricelist = cls.env["product.pricelist"].create(
            {
                "name": "Tarif Clinique",
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "0_product_variant",
                            "product_id": cls.honey.id,
                            "compute_price": "fixed",
                            "fixed_price": 7.0,
                        }
                    )
                ],
            }
        )
        cls.client.property_product_pricelist = cls.pricelist
        cls.month_start = fields.Date.context_today(cls.env.user).replace(day=1)
        cls.contract = cls._create_contract(date_start=cls.month_start)
        cls.employees[0].barcode = "0420000000017"
