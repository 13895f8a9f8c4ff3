# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .round_common import RoundCase


@tagged("post_install", "-at_install")
class TestRoundSecurity(RoundCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.germaine = cls._beneficiary(
            "Germaine Brindas", "Brindas", vulnerable=True, point=(45.7190, 4.7001)
        )
        cls.request = cls._requests(cls.germaine)
        cls.own = cls._round()
        cls.own._plan_from_requests()
        cls.own.action_confirm()
        cls.draft_own = cls._round()
        cls.other_user = new_test_user(
            cls.env,
            login="volunteer_driver_other",
            groups="base.group_portal",
            name="Étienne Portail",
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.other_user.partner_id.concierge_is_volunteer = True
        cls.others = cls._round(driver_id=cls.other_user.partner_id.id)
        cls.others.action_confirm()
        cls.home = cls.own.stop_ids.filtered(lambda s: s.kind == "home")

    def test_driver_sees_the_stops_of_their_own_rounds(self):
        Round = self.env["concierge.round"].with_user(self.portal_user)
        Stop = self.env["concierge.round.stop"].with_user(self.portal_user)
        self.assertEqual(Round.search([]), self.own)
        self.assertEqual(Stop.search([]), self.own.stop_ids)
        home = self.home.with_user(self.portal_user)
        self.assertEqual(home.name, "Germaine Brindas - Brindas")
        with self.assertRaises(AccessError):
            home.write({"place": "Ailleurs"})
        with self.assertRaises(AccessError):
            self.own.with_user(self.portal_user).action_start()

    def test_other_volunteer_cannot_read_the_beneficiaries(self):
        Stop = self.env["concierge.round.stop"].with_user(self.other_user)
        self.assertEqual(Stop.search([]), self.others.stop_ids)
        self.assertFalse(Stop.search([("partner_id", "=", self.germaine.id)]))
        with self.assertRaises(AccessError):
            self.home.with_user(self.other_user).read(["partner_id", "name"])
        with self.assertRaises(AccessError):
            self.own.with_user(self.other_user).read(["stop_ids"])

    def test_draft_rounds_are_not_shown_to_drivers(self):
        with self.assertRaises(AccessError):
            self.draft_own.with_user(self.portal_user).read(["name"])

    def test_internal_users_outside_the_conciergerie_have_no_access(self):
        with self.assertRaises(AccessError):
            self.own.with_user(self.salesman).read(["name"])
        with self.assertRaises(AccessError):
            self.home.with_user(self.salesman).read(["name"])

    def test_concierge_manages_rounds(self):
        round_ = self.draft_own.with_user(self.concierge)
        round_.write({"stop_ids": [Command.create(self._stop_vals("Yzeron"))]})
        self.assertIs(round_.action_plan(), True)
        self.assertIs(round_.action_confirm(), True)
