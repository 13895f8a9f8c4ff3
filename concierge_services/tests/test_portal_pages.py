# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import re

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.concierge_base.tests.common import QueryCountMixin
from odoo.addons.mail.tests.common import MockEmail

from .common import ServicesCase

ICON = "/concierge_services/static/src/img/concierge_requests.svg"


def service_block(html, product):
    """The choice of ``product`` on the new-request page."""
    start = html.index(f'data-product-id="{product.id}"')
    return html[start : html.index("</label>", start)]


@tagged("post_install", "-at_install")
class TestPortalPages(ServicesCase, QueryCountMixin, MockEmail, HttpCase):
    """The beneficiary's portal pages, as a portal user: the home card, the
    list with its search bar, the new-request page (prices, site, custody)
    and the mail telling the request is received."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.site.write(
            {
                "street": "5 place de l'Église",
                "zip": "69670",
                "city": "Vaugneray",
                "phone": "+33478000000",
            }
        )
        cls.env["concierge.locker.compartment"].create(
            {"site_id": cls.site.id, "code": "A1", "size": "medium"}
        )
        cls.alice = cls._portal_user(
            "pages_alice", concierge_beneficiary_type="inhabitant"
        )
        # an employee of a company with prices of its own
        cls.employer_pricelist = cls.env["product.pricelist"].create(
            {
                "name": "Tarif entreprise cliente",
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "0_product_variant",
                            "product_id": cls.paperwork.id,
                            "compute_price": "fixed",
                            "fixed_price": 7.0,
                        }
                    )
                ],
            }
        )
        cls.employer.property_product_pricelist = cls.employer_pricelist
        cls.employee = cls._portal_user(
            "pages_employee",
            concierge_beneficiary_type="employee",
            concierge_employer_id=cls.employer.id,
        )
        cls.bob = new_test_user(
            cls.env, login="pages_bob", password="pages_bob", groups="base.group_portal"
        )
        Request = cls.env["concierge.service.request"]
        cls.old = Request.create(
            {
                "partner_id": cls.alice.partner_id.id,
                "request_date": "2026-01-05 10:00:00",
                "line_ids": [Command.create({"product_id": cls.paperwork.id})],
            }
        )
        cls.old.action_confirm()
        cls.old.action_start()
        cls.old.action_ready()
        cls.old.line_ids.action_deliver()
        cls.old.action_done()
        cls.recent = Request.create(
            {
                "partner_id": cls.alice.partner_id.id,
                "request_date": "2026-03-05 10:00:00",
                "line_ids": [Command.create({"product_id": cls.cleaning.id})],
            }
        )

    @classmethod
    def _portal_user(cls, login, **partner_vals):
        """A portal user whose contact has a mail and the test site as home
        site, with ``partner_vals``."""
        user = new_test_user(
            cls.env,
            login=login,
            password=login,
            groups="base.group_portal",
            email=f"{login}@example.com",
        )
        user.partner_id.write({"concierge_site_id": cls.site.id, **partner_vals})
        return user

    def _csrf_token(self):
        form = self.url_open("/my/requests/new")
        return re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)

    def test_home_card_small_icon_and_count(self):
        self.authenticate("pages_alice", "pages_alice")
        home = self.url_open("/my")
        self.assertEqual(home.status_code, 200)
        self.assertIn(ICON, home.text)
        self.assertNotIn("/concierge_services/static/description/icon.png", home.text)
        self.assertIn('data-placeholder_count="concierge_request_count"', home.text)
        icon = self.url_open(ICON)
        self.assertEqual(icon.status_code, 200)
        self.assertIn("<svg", icon.text)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["concierge_request_count"]}
        )
        self.assertEqual(counters["concierge_request_count"], 2)
        self.authenticate("pages_bob", "pages_bob")
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["concierge_request_count"]}
        )
        self.assertEqual(counters["concierge_request_count"], 0)

    def test_list_sort_filter_search(self):
        self.authenticate("pages_alice", "pages_alice")
        page = self.url_open("/my/requests")
        self.assertIn("o_portal_navbar", page.text)
        self.assertIn("portal_searchbar_sortby", page.text)
        self.assertIn("portal_searchbar_filters", page.text)
        # newest first by default, oldest last
        self.assertLess(
            page.text.index(self.recent.name), page.text.index(self.old.name)
        )
        by_name = self.url_open("/my/requests?sortby=name")
        first, second = sorted([self.old.name, self.recent.name], reverse=True)
        self.assertLess(by_name.text.index(first), by_name.text.index(second))
        # by status: "done" before "draft"
        by_state = self.url_open("/my/requests?sortby=state")
        self.assertLess(
            by_state.text.index(self.old.name), by_state.text.index(self.recent.name)
        )
        done = self.url_open("/my/requests?filterby=done")
        self.assertIn(self.old.name, done.text)
        self.assertNotIn(self.recent.name, done.text)
        open_ = self.url_open("/my/requests?filterby=open")
        self.assertIn(self.recent.name, open_.text)
        self.assertNotIn(self.old.name, open_.text)
        found = self.url_open(f"/my/requests?search_in=name&search={self.old.name}")
        self.assertIn(self.old.name, found.text)
        self.assertNotIn(self.recent.name, found.text)
        found = self.url_open("/my/requests?search_in=service&search=veste")
        self.assertIn(self.recent.name, found.text)
        self.assertNotIn(self.old.name, found.text)
        none = self.url_open("/my/requests?search=introuvable")
        self.assertIn("No request matches your search.", none.text)
        # a made-up sorting falls back on the newest first
        self.assertEqual(self.url_open("/my/requests?sortby=nope").status_code, 200)

    def test_new_request_page_prices_site_custody(self):
        self.authenticate("pages_alice", "pages_alice")
        page = self.url_open("/my/requests/new").text
        self.assertIn("Pressing test", page, "the category heads its services")
        paperwork = service_block(page, self.paperwork)
        self.assertIn("10.00", paperwork)
        self.assertNotIn("You leave an item with us", paperwork)
        cleaning = service_block(page, self.cleaning)
        self.assertIn("12.00", cleaning)
        self.assertIn("Ready in 2 opening days", cleaning)
        self.assertIn(
            "You leave an item with us: at the desk or in a locker.", cleaning
        )
        # where to bring and collect the items, and when
        self.assertIn("Épicerie de test", page)
        self.assertIn("5 place de l&#39;Église", page)
        self.assertIn(self.site.opening_summary, page)
        self.assertIn("drop an item off at any hour", page)
        self.assertIn('<label class="form-label" for="quantity">', page)
        # the employee pays the employer's price
        self.authenticate("pages_employee", "pages_employee")
        page = self.url_open("/my/requests/new").text
        self.assertIn("7.00", service_block(page, self.paperwork))
        self.assertNotIn("10.00", service_block(page, self.paperwork))
        self.assertIn("12.00", service_block(page, self.cleaning))

    def test_catalogue_prices_in_one_computation(self):
        """The prices of six services cost no more queries than those of
        one (one pricelist computation for the whole catalogue)."""
        Product = self.env["product.product"]
        more = Product.create(
            [
                {
                    "name": f"Service en lot {index}",
                    "type": "service",
                    "list_price": 4.0 + index,
                    "concierge_category_id": self.category.id,
                }
                for index in range(5)
            ]
        )
        draft = (
            self.env["concierge.service.request"]
            .sudo()
            .new(
                {
                    "partner_id": self.employee.partner_id.id,
                    "company_id": self.company.id,
                }
            )
        )
        offers = draft._concierge_portal_offers(self.paperwork | more)
        self.assertEqual(offers[self.paperwork.id]["price"], 7.0)
        self.assertEqual(offers[more[0].id]["price"], 4.0)
        self.assertFalse(offers[more[0].id]["employer_pays"])
        one = self._count(draft._concierge_portal_offers, self.paperwork)
        six = self._count(draft._concierge_portal_offers, self.paperwork | more)
        self.assertLessEqual(six, one)

    def test_posting_creates_the_request_and_mails_it(self):
        self.authenticate("pages_alice", "pages_alice")
        with self.mock_mail_gateway():
            response = self.url_open(
                "/my/requests/new",
                data={
                    "product_id": self.cleaning.id,
                    "quantity": "1",
                    "description": "Une veste bleue",
                    "csrf_token": self._csrf_token(),
                },
            )
        self.assertEqual(response.status_code, 200)
        created = self.env["concierge.service.request"].search(
            [("partner_id", "=", self.alice.partner_id.id), ("channel", "=", "portal")]
        )
        self.assertEqual(len(created), 1)
        self.assertEqual(created.site_id, self.site)
        self.assertMailMail(
            self.alice.partner_id,
            "outgoing",
            fields_values={
                "subject": f"We have received your request {created.name}",
                "model": "concierge.service.request",
                "res_id": created.id,
            },
            content="Vaugneray",
        )
        # the request page: its state, where to bring the item and when
        self.assertIn(created.name, response.text)
        self.assertIn("Where to drop off and collect", response.text)
        self.assertIn(self.site.opening_summary, response.text)
        self.assertIn("Bring your items to the desk", response.text)
        # another portal user sees nothing of it
        self.authenticate("pages_bob", "pages_bob")
        detail = self.url_open(f"/my/requests/{created.id}")
        self.assertTrue(detail.url.endswith("/my"))
        self.assertNotIn(created.name, detail.text)
        self.assertNotIn(created.name, self.url_open("/my/requests").text)

    def test_site_chosen_when_no_home_site(self):
        """Without a home site, the person picks one of the company's
        sites; a site of another company is refused."""
        second = self.env["concierge.site"].create(
            {"name": "Comptoir de la gare", "code": "GAR", "site_type": "shop"}
        )
        self.authenticate("pages_bob", "pages_bob")
        page = self.url_open("/my/requests/new").text
        self.assertIn("Choose your conciergerie", page)
        self.assertIn(f'id="site_{second.id}"', page)
        self.assertNotIn(f'id="site_{self.other_site.id}"', page)
        Request = self.env["concierge.service.request"]
        domain = [("partner_id", "=", self.bob.partner_id.id)]
        refused = self.url_open(
            "/my/requests/new",
            data={
                "product_id": self.paperwork.id,
                "site_id": self.other_site.id,
                "csrf_token": self._csrf_token(),
            },
        )
        self.assertIn("o_concierge_error", refused.text)
        self.assertFalse(Request.search(domain))
        self.url_open(
            "/my/requests/new",
            data={
                "product_id": self.paperwork.id,
                "site_id": second.id,
                "csrf_token": self._csrf_token(),
            },
        )
        self.assertEqual(Request.search(domain).site_id, second)

    def test_portal_request_tour(self):
        """In Chromium: from the home card to the request sent."""
        self._request_tour()

    def test_portal_request_tour_phone(self):
        """The same on a phone: 390 x 844, touch."""
        self.browser_size = "390x844"
        self.touch_enabled = True
        self._request_tour()

    def _request_tour(self):
        self.cleaning.name = "Retouche portail"
        self.start_tour("/my", "concierge_portal_request_tour", login="pages_alice")
        created = self.env["concierge.service.request"].search(
            [("partner_id", "=", self.alice.partner_id.id), ("channel", "=", "portal")]
        )
        self.assertEqual(created.line_ids.product_id, self.cleaning)
        self.assertEqual(created.description, "Un pantalon à raccourcir")
