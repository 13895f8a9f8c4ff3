# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.concierge_services.tests.test_portal_pages import service_block

from .common import B2bCase


@tagged("post_install", "-at_install")
class TestPortalCatalogue(B2bCase, HttpCase):
    """The new-request page of an employee whose employer has a plan: the
    plan's services are paid by the employer, the others at the employer's
    prices; an inhabitant pays the usual prices."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.paid, cls.parcel = cls._category_and_service(
            "Colis catalogue", "TB2BCAT", "Colis au bureau", 3.0
        )
        cls.other, cls.sewing = cls._category_and_service(
            "Retouches catalogue", "TB2BCAT2", "Ourlet au bureau", 15.0
        )
        cls.plan.category_ids = cls.paid
        pricelist = cls.env["product.pricelist"].create(
            {
                "name": "Tarif Clinique portail",
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "0_product_variant",
                            "product_id": cls.sewing.id,
                            "compute_price": "fixed",
                            "fixed_price": 11.0,
                        }
                    )
                ],
            }
        )
        cls.contract = cls._create_contract(pricelist_id=pricelist.id)
        cls.employees[0].concierge_site_id = cls.site
        new_test_user(
            cls.env,
            login="b2b_catalogue_employee",
            password="b2b_catalogue_employee",
            groups="base.group_portal",
            partner_id=cls.employees[0].id,
        )
        inhabitant = cls.env["res.partner"].create(
            {
                "name": "Habitant catalogue",
                "concierge_beneficiary_type": "inhabitant",
                "concierge_site_id": cls.site.id,
            }
        )
        new_test_user(
            cls.env,
            login="b2b_catalogue_inhabitant",
            password="b2b_catalogue_inhabitant",
            groups="base.group_portal",
            partner_id=inhabitant.id,
        )

    def test_employee_sees_what_the_employer_pays(self):
        self.authenticate("b2b_catalogue_employee", "b2b_catalogue_employee")
        page = self.url_open("/my/requests/new").text
        parcel = service_block(page, self.parcel)
        self.assertIn("Paid by your employer", parcel)
        self.assertNotIn("3.00", parcel)
        sewing = service_block(page, self.sewing)
        self.assertIn("11.00", sewing)
        self.assertNotIn("Paid by your employer", sewing)
        # and on the page of a request of the plan
        request = self.env["concierge.service.request"].create(
            {
                "partner_id": self.employees[0].id,
                "line_ids": [Command.create({"product_id": self.parcel.id})],
            }
        )
        self.assertEqual(request.concierge_payer, "employer")
        page = self.url_open(f"/my/requests/{request.id}").text
        self.assertIn("Paid by your employer: Clinique des Monts", page)

    def test_inhabitant_pays_the_usual_prices(self):
        self.authenticate("b2b_catalogue_inhabitant", "b2b_catalogue_inhabitant")
        page = self.url_open("/my/requests/new").text
        self.assertNotIn("Paid by your employer", page)
        self.assertIn("3.00", service_block(page, self.parcel))
        self.assertIn("15.00", service_block(page, self.sewing))

    def test_no_plan_pays_once_the_contract_has_ended(self):
        self.contract.date_end = "2026-01-31"
        self.authenticate("b2b_catalogue_employee", "b2b_catalogue_employee")
        page = self.url_open("/my/requests/new").text
        self.assertNotIn("Paid by your employer", page)
        self.assertIn("3.00", service_block(page, self.parcel))
