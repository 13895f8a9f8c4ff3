# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.concierge_base.tests.race import RaceMixin

from ..models.concierge_pickup_code import LIVE_COMPARTMENT_KEY


@tagged("post_install", "-at_install")
class TestLockerRace(RaceMixin, TransactionCase):
    """Two concierges put two requests in the same free compartment at the
    same moment: the database gives it to one of them."""

    def setUp(self):
        super().setUp()
        self.cleanup_committed(
            "mail.mail",
            "concierge.pickup.code",
            "concierge.service.request",
            "product.product",
            "product.template",
            "concierge.service.category",
            "concierge.locker.compartment",
            "stock.location",
            "concierge.site",
            "res.partner",
        )
        with self.committed_env() as env:
            site = env["concierge.site"].create({"name": "Casiers de course"})
            compartment = env["concierge.locker.compartment"].create(
                {"site_id": site.id, "code": "R1"}
            )
            category = env["concierge.service.category"].create(
                {"name": "Colis (course)", "code": "TRACE"}
            )
            product = env["product.product"].create(
                {
                    "name": "Colis de course",
                    "type": "service",
                    "concierge_category_id": category.id,
                }
            )
            partner = env["res.partner"].create({"name": "Coureur"})
            requests = env["concierge.service.request"].create(
                [
                    {
                        "partner_id": partner.id,
                        "site_id": site.id,
                        "line_ids": [Command.create({"product_id": product.id})],
                    }
                    for __ in range(2)
                ]
            )
            self.compartment_id = compartment.id
            self.request_ids = requests.ids

    def _issue(self, request_id):
        def issue(env):
            compartment = env["concierge.locker.compartment"].browse(
                self.compartment_id
            )
            request = env["concierge.service.request"].browse(request_id)
            code = env["concierge.pickup.code"]._concierge_issue(
                request, compartment, env["concierge.custody.item"]
            )
            return code.id

        return issue

    def test_key_is_in_the_database(self):
        self.env.cr.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
            [LIVE_COMPARTMENT_KEY],
        )
        definition = self.env.cr.fetchone()[0]
        self.assertIn("UNIQUE", definition)
        self.assertIn("WHERE", definition)

    def test_one_compartment_given_twice_at_once(self):
        first, second = self.request_ids
        with mute_logger("odoo.sql_db"):
            outcomes = self.race(self._issue(first), self._issue(second))
        won = [result for result, error in outcomes if not error]
        lost = [error for result, error in outcomes if error]
        self.assertEqual(len(won), 1, outcomes)
        self.assertEqual(len(lost), 1, outcomes)
        self.assertIsInstance(lost[0], UserError, outcomes)
        self.assertIn("was just given to another request", str(lost[0]))
        with self.committed_env() as env:
            live = env["concierge.pickup.code"].search(
                [("compartment_id", "=", self.compartment_id), ("state", "=", "active")]
            )
            self.assertEqual(live.ids, won)
            compartment = env["concierge.locker.compartment"].browse(
                self.compartment_id
            )
            self.assertEqual(compartment.state, "occupied")
