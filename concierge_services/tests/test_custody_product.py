# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import Command
from odoo.modules.migration import load_script
from odoo.tests import tagged

from .common import ServicesCase


@tagged("post_install", "-at_install")
class TestCustodyProduct(ServicesCase):
    """The custody product is created on demand, one per company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.companies = cls.company | cls.other_company
        # start from companies without custody product (demo data may have one)
        cls.companies.write({"concierge_custody_product_id": False})

    def _stock_action_quants(self):
        action = self.env.ref("concierge_services.action_concierge_custody_stock")
        domain = eval(action.domain)
        return self.env["stock.quant"].search(domain)

    def _confirmed_request_in_other_company(self):
        partner = self.env["res.partner"].create(
            {"name": "Habitant ailleurs", "company_id": self.other_company.id}
        )
        env = self.env(
            context=dict(
                self.env.context,
                allowed_company_ids=[self.other_company.id, self.company.id],
            )
        )
        request = env["concierge.service.request"].create(
            {
                "partner_id": partner.id,
                "company_id": self.other_company.id,
                "site_id": self.other_site.id,
                "line_ids": [Command.create({"product_id": self.cleaning.id})],
            }
        )
        request.action_confirm()
        return request

    def test_two_companies_get_two_products(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.companies._concierge_ensure_custody_product()
        products = self.companies.concierge_custody_product_id
        self.assertEqual(len(products), 2, "one product per company")
        for company in self.companies:
            product = company.concierge_custody_product_id
            self.assertEqual(product.company_id, company)
            self.assertEqual(product.concierge_custody_company_ids, company)
            self.assertFalse(product.sale_ok)
            self.assertFalse(product.purchase_ok)
            self.assertTrue(product.is_storable)
            self.assertEqual(product.with_context(lang="en_US").name, "Item in custody")
            self.assertEqual(product.with_context(lang="fr_FR").name, "Objet en dépôt")
            self.assertIn(
                "reste propriétaire",
                product.with_context(lang="fr_FR").description,
            )
            self.assertFalse(product.get_external_id()[product.id])

    def test_second_call_reuses_the_product(self):
        product = self.company._concierge_custody_product()
        self.assertTrue(product)
        count = self.env["product.product"].search_count([])
        self.assertEqual(self.company._concierge_custody_product(), product)
        self.companies._concierge_ensure_custody_product()
        self.assertEqual(self.company.concierge_custody_product_id, product)
        self.assertEqual(
            self.env["product.product"].search_count([]),
            count + 1,
            "only the other company's product was created",
        )

    def test_custody_moves_use_the_product_of_their_company(self):
        request = self._request()
        request.action_confirm()
        item = request.custody_item_ids
        product = self.company.concierge_custody_product_id
        self.assertTrue(product, "created by the first custody move")
        self.assertEqual(item.move_ids.product_id, product)
        self.assertEqual(item.location_id, self.site.concierge_custody_location_id)

        other_request = self._confirmed_request_in_other_company()
        other_item = other_request.custody_item_ids
        other_product = self.other_company.concierge_custody_product_id
        self.assertTrue(other_product)
        self.assertNotEqual(other_product, product)
        self.assertEqual(other_item.move_ids.product_id, other_product)
        self.assertEqual(other_item.move_ids.company_id, self.other_company)
        self.assertEqual(
            other_item.location_id, self.other_site.concierge_custody_location_id
        )
        quants = self._stock_action_quants()
        self.assertIn(item.location_id, quants.location_id)
        self.assertIn(other_item.location_id, quants.location_id)
        self.assertEqual(quants.product_id, product | other_product)

        request.action_send_to_provider()
        request.action_ready()
        request.action_hand_back()
        self.assertEqual(item.state, "returned")
        self.assertEqual(set(item.move_ids.mapped("state")), {"done"})
        self.assertEqual(item.move_ids.product_id, product)
        self.assertNotIn(
            self.site.concierge_custody_location_id,
            self._stock_action_quants().location_id,
            "the item handed back leaves the custody stock",
        )


@tagged("post_install", "-at_install")
class TestCustodyProductMigration(ServicesCase):
    """18.0.1.1.0: the former shared XML product becomes the company's."""

    def _legacy_product(self):
        product = self.env["product.product"].create(
            {
                "name": "Item in custody",
                "is_storable": True,
                "sale_ok": False,
                "purchase_ok": False,
            }
        )
        self.env["ir.model.data"].create(
            [
                {
                    "module": "concierge_services",
                    "name": "product_custody_item",
                    "model": "product.product",
                    "res_id": product.id,
                    "noupdate": True,
                },
                {
                    "module": "concierge_services",
                    "name": "product_custody_item_product_template",
                    "model": "product.template",
                    "res_id": product.product_tmpl_id.id,
                    "noupdate": True,
                },
            ]
        )
        return product

    def _adopt_legacy_custody_product(self):
        """Run the 18.0.1.1.0 migration step on this test's environment."""
        script = load_script(
            "concierge_services/migrations/18.0.1.1.0/post-migrate.py",
            "concierge_services_post_migrate_18_0_1_1_0",
        )
        return script.adopt_legacy_custody_product(self.env)

    def _custody_with(self, product):
        """An item taken into custody under ``product`` (as before 18.0.1.1.0)."""
        self.company.concierge_custody_product_id = product
        request = self._request()
        request.action_confirm()
        self.company.concierge_custody_product_id = False
        return request

    def test_legacy_product_adopted_by_the_company_using_it(self):
        legacy = self._legacy_product()
        request = self._custody_with(legacy)
        other_own = self.other_company._concierge_custody_product()

        adopted = self._adopt_legacy_custody_product()

        self.assertEqual(adopted, legacy)
        self.assertEqual(self.company.concierge_custody_product_id, legacy)
        self.assertEqual(legacy.company_id, self.company)
        self.assertEqual(
            self.other_company.concierge_custody_product_id,
            other_own,
            "a company with its own product keeps it",
        )
        self.assertFalse(
            self.env.ref("concierge_services.product_custody_item", False),
            "no XML id left: an uninstall keeps the product",
        )
        self.assertFalse(
            self.env["ir.model.data"].search_count(
                [
                    ("module", "=", "concierge_services"),
                    ("model", "in", ("product.product", "product.template")),
                    ("res_id", "in", (legacy.id, legacy.product_tmpl_id.id)),
                ]
            )
        )
        # the existing item goes on with the same product and stock
        item = request.custody_item_ids
        request.action_send_to_provider()
        request.action_ready()
        request.action_hand_back()
        self.assertEqual(item.state, "returned")
        self.assertEqual(item.move_ids.product_id, legacy)
        self.assertEqual(len(item.move_ids), 4)
        self.assertEqual(set(item.move_ids.mapped("state")), {"done"})
        # running it again changes nothing
        self.assertFalse(self._adopt_legacy_custody_product())
        self.assertEqual(self.company.concierge_custody_product_id, legacy)

    def test_legacy_product_shared_by_companies_stays_shared(self):
        legacy = self._legacy_product()
        self._custody_with(legacy)
        self.other_company.concierge_custody_product_id = False
        self.env["stock.move"].create(
            {
                "name": "Ancien dépôt",
                "product_id": legacy.id,
                "product_uom_qty": 1.0,
                "product_uom": legacy.uom_id.id,
                "company_id": self.other_company.id,
                "location_id": self.env.ref("stock.stock_location_customers").id,
                "location_dest_id": self.other_site._concierge_custody_location().id,
            }
        )
        self._adopt_legacy_custody_product()
        self.assertFalse(legacy.company_id, "moves of both companies stay valid")
        self.assertEqual(self.company.concierge_custody_product_id, legacy)
        self.assertEqual(self.other_company.concierge_custody_product_id, legacy)

    def test_unused_legacy_product_goes_to_the_current_company(self):
        legacy = self._legacy_product()
        self.company.concierge_custody_product_id = False
        self._adopt_legacy_custody_product()
        self.assertEqual(legacy.company_id, self.company)
        self.assertEqual(self.company.concierge_custody_product_id, legacy)
        self.assertFalse(self.other_company.concierge_custody_product_id)
