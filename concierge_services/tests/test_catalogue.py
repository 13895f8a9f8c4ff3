# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.concierge_base.tests.common import ConciergeCase


@tagged("post_install", "-at_install")
class TestCatalogue(ConciergeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.category = cls.env["concierge.service.category"].create(
            {"name": "Cordonnerie test", "code": "TCORDO"}
        )
        cls.provider = cls.env["res.partner"].create(
            {"name": "Cordonnier du bourg", "is_company": True}
        )

    def test_catalogue_product(self):
        template = self.env["product.template"].create(
            {
                "name": "Patins",
                "type": "service",
                "concierge_category_id": self.category.id,
                "concierge_provider_id": self.provider.id,
                "concierge_lead_days": 3,
                "concierge_custody": True,
            }
        )
        self.assertEqual(self.category.product_count, 1)
        action = self.category.action_view_products()
        self.assertEqual(
            self.env["product.template"].search(action["domain"]), template
        )
        catalogue = self.env.ref("concierge_services.action_concierge_catalogue")
        self.assertIn(
            template,
            self.env["product.template"].search(
                [("concierge_category_id", "!=", False)]
            ),
        )
        self.assertEqual(catalogue.res_model, "product.template")

    def test_categories_get_a_visible_color(self):
        # kanban cards (providers' categories served) hide tags of color 0
        self.assertTrue(1 <= self.category.color <= 11)
        self.assertTrue(self.env.ref("concierge_services.category_pressing").color)

    def test_negative_lead_time_refused(self):
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.env["product.template"].create(
                {
                    "name": "Impossible",
                    "concierge_category_id": self.category.id,
                    "concierge_lead_days": -1,
                }
            )

    def test_category_code_unique(self):
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self.env["concierge.service.category"].create(
                {"name": "Doublon", "code": "TCORDO"}
            )

    def test_only_managers_edit_categories(self):
        self.assertTrue(self.category.with_user(self.concierge).name)
        with self.assertRaises(AccessError):
            self.category.with_user(self.concierge).write({"name": "x"})
        self.category.with_user(self.manager).write({"name": "Cordonnerie"})
        self.assertEqual(self.category.name, "Cordonnerie")
