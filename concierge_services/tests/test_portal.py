# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import re

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPortal(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.site = cls.env["concierge.site"].create(
            {"name": "Comptoir du portail", "code": "PRT", "site_type": "shop"}
        )
        category = cls.env["concierge.service.category"].create(
            {"name": "Portail test", "code": "TPORT"}
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "Ourlet de pantalon",
                "type": "service",
                "list_price": 9.0,
                "concierge_category_id": category.id,
                "concierge_custody": True,
            }
        )
        cls.stray = cls.env["product.product"].create(
            {"name": "Hors catalogue portail", "type": "service"}
        )
        cls.alice = new_test_user(
            cls.env, login="portal_alice", groups="base.group_portal"
        )
        cls.bob = new_test_user(cls.env, login="portal_bob", groups="base.group_portal")
        cls.alice.partner_id.write(
            {
                "concierge_beneficiary_type": "inhabitant",
                "concierge_site_id": cls.site.id,
            }
        )
        cls.alice_request = cls.env["concierge.service.request"].create(
            {
                "partner_id": cls.alice.partner_id.id,
                "note": "<p>Note interne confidentielle</p>",
                "line_ids": [Command.create({"product_id": cls.product.id})],
            }
        )
        cls.alice_request.action_confirm()
        cls.bob_request = cls.env["concierge.service.request"].create(
            {
                "partner_id": cls.bob.partner_id.id,
                "line_ids": [Command.create({"product_id": cls.product.id})],
            }
        )

    def _csrf_token(self):
        form = self.url_open("/my/requests/new")
        return re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)

    def test_portal_list_and_detail_own_only(self):
        self.authenticate("portal_alice", "portal_alice")
        page = self.url_open("/my/requests")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.alice_request.name, page.text)
        self.assertNotIn(self.bob_request.name, page.text)
        detail = self.url_open(f"/my/requests/{self.alice_request.id}")
        self.assertEqual(detail.status_code, 200)
        self.assertIn(self.alice_request.custody_item_ids.name, detail.text)
        self.assertIn("Ourlet de pantalon", detail.text)
        self.assertNotIn("Note interne confidentielle", detail.text)
        home = self.url_open("/my")
        self.assertIn("/my/requests", home.text)

    def test_second_portal_user_cannot_see_the_first(self):
        self.authenticate("portal_bob", "portal_bob")
        page = self.url_open("/my/requests")
        self.assertIn(self.bob_request.name, page.text)
        self.assertNotIn(self.alice_request.name, page.text)
        detail = self.url_open(f"/my/requests/{self.alice_request.id}")
        self.assertNotIn(self.alice_request.name, detail.text)
        self.assertTrue(detail.url.endswith("/my"), "redirected away")

    def test_portal_access_rules(self):
        Request = self.env["concierge.service.request"].with_user(self.bob)
        self.assertEqual(Request.search([]), self.bob_request)
        with self.assertRaises(AccessError):
            self.alice_request.with_user(self.bob).read(["name"])
        with self.assertRaises(AccessError):
            self.alice_request.with_user(self.alice).read(["note"])
        with self.assertRaises(AccessError):
            self.alice_request.with_user(self.alice).read(["vulnerable"])
        items = self.env["concierge.custody.item"].with_user(self.bob).search([])
        self.assertFalse(items)
        with self.assertRaises(AccessError):
            Request.create({"partner_id": self.bob.partner_id.id})

    def test_portal_creates_a_request(self):
        self.authenticate("portal_alice", "portal_alice")
        form = self.url_open("/my/requests/new")
        self.assertIn("Ourlet de pantalon", form.text)
        self.assertNotIn("Hors catalogue portail", form.text)
        response = self.url_open(
            "/my/requests/new",
            data={
                "product_id": self.product.id,
                "quantity": "2",
                "description": "Deux pantalons à raccourcir",
                "csrf_token": self._csrf_token(),
            },
        )
        self.assertEqual(response.status_code, 200)
        created = self.env["concierge.service.request"].search(
            [("partner_id", "=", self.alice.partner_id.id), ("channel", "=", "portal")]
        )
        self.assertEqual(len(created), 1)
        self.assertEqual(created.site_id, self.site)
        self.assertEqual(created.line_ids.quantity, 2)
        self.assertEqual(created.state, "draft")
        self.assertIn(created.name, response.text)

    def test_portal_bad_input_refused(self):
        self.authenticate("portal_alice", "portal_alice")
        for data in (
            {"product_id": self.stray.id, "quantity": "1"},
            {"product_id": self.product.id, "quantity": "0"},
            {"product_id": "", "quantity": "1"},
        ):
            response = self.url_open(
                "/my/requests/new", data={**data, "csrf_token": self._csrf_token()}
            )
            self.assertIn("o_concierge_error", response.text)
        self.assertFalse(
            self.env["concierge.service.request"].search(
                [
                    ("channel", "=", "portal"),
                    ("partner_id", "=", self.alice.partner_id.id),
                ]
            )
        )

    def test_portal_refusal_leaves_nothing_behind(self):
        """A form the model refuses (after the request was inserted) shows
        the sentence and keeps no request, line, item nor stock move."""
        self.authenticate("portal_alice", "portal_alice")
        form = self.url_open("/my/requests/new")
        # the browser stops most of it first
        self.assertIn('max="10000"', form.text)
        self.assertIn('maxlength="4000"', form.text)
        models = (
            "concierge.service.request",
            "concierge.service.request.line",
            "concierge.custody.item",
            "stock.move",
            "mail.followers",
        )
        before = {model: self.env[model].search_count([]) for model in models}
        for data, message in (
            # refused by the request line, inside the savepoint
            ({"quantity": "20000"}, "is more than 10000 units"),
            # refused by the form
            ({"quantity": "nan"}, "type a number as quantity"),
            ({"quantity": "inf"}, "type a number as quantity"),
            ({"quantity": "deux"}, "type a number as quantity"),
            (
                {"quantity": "1", "description": "x" * 4001},
                "keep them under 4000 characters",
            ),
        ):
            with self.subTest(data=data):
                response = self.url_open(
                    "/my/requests/new",
                    data={
                        "product_id": self.product.id,
                        **data,
                        "csrf_token": self._csrf_token(),
                    },
                )
                self.assertEqual(response.status_code, 200)
                self.assertIn("o_concierge_error", response.text)
                self.assertIn(message, response.text)
        after = {model: self.env[model].search_count([]) for model in models}
        self.assertEqual(after, before)

    def test_portal_catalogue_of_the_users_company_only(self):
        other_company = self.env["res.company"].create(
            {"name": "Conciergerie voisine du portail"}
        )
        foreign = self.env["product.product"].create(
            {
                "name": "Service de la voisine",
                "type": "service",
                "list_price": 5.0,
                "company_id": other_company.id,
                "concierge_category_id": self.product.concierge_category_id.id,
            }
        )
        own = self.env["product.product"].create(
            {
                "name": "Service de la maison",
                "type": "service",
                "list_price": 5.0,
                "company_id": self.site.company_id.id,
                "concierge_category_id": self.product.concierge_category_id.id,
            }
        )
        self.authenticate("portal_alice", "portal_alice")
        form = self.url_open("/my/requests/new")
        self.assertIn("Service de la maison", form.text)
        self.assertIn("Ourlet de pantalon", form.text, "shared services stay")
        self.assertNotIn("Service de la voisine", form.text)
        response = self.url_open(
            "/my/requests/new",
            data={
                "product_id": foreign.id,
                "quantity": "1",
                "csrf_token": self._csrf_token(),
            },
        )
        self.assertIn("o_concierge_error", response.text)
        requests = self.env["concierge.service.request"].search(
            [("partner_id", "=", self.alice.partner_id.id), ("channel", "=", "portal")]
        )
        self.assertFalse(requests)
        self.assertEqual(own.company_id, self.site.company_id)
