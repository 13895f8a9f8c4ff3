# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import timedelta

from odoo import Command, fields, http
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

NOTE = "Mme Martin, 3 rue des Lilas, digicode 4512B"


@tagged("post_install", "-at_install")
class TestPortalPrivacy(HttpCase):
    """A delivery shift's private note and request, tried over JSON-RPC by
    portal users who may not read them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        site = cls.env["concierge.site"].create(
            {"name": "Site des livraisons privées", "site_type": "shop"}
        )
        driving = cls.env["concierge.volunteer.skill"].create(
            {"name": "Conduite (vie privée)"}
        )
        mission = cls.env["concierge.volunteer.mission"].create(
            {
                "name": "Livraison à domicile (vie privée)",
                "mission_type": "delivery",
                "site_id": site.id,
                "skill_ids": [Command.set(driving.ids)],
            }
        )
        served = cls.env["res.partner"].create(
            {"name": "Odette Martin", "concierge_beneficiary_type": "inhabitant"}
        )
        cls.request = cls.env["concierge.service.request"].create(
            {"partner_id": served.id, "site_id": site.id}
        )
        start = (fields.Datetime.now() + timedelta(days=8)).replace(microsecond=0)
        cls.shift = cls.env["concierge.volunteer.shift"].create(
            {
                "mission_id": mission.id,
                "date_start": start,
                "date_end": start + timedelta(hours=2),
                "capacity": 2,
                "note": NOTE,
                "service_request_id": cls.request.id,
            }
        )
        cls.outsider = new_test_user(
            cls.env,
            login="portal_pas_benevole",
            password="portal_pas_benevole",
            groups="base.group_portal",
            name="Paul Curieux",
        )
        cls.driver = new_test_user(
            cls.env,
            login="portal_chauffeur",
            password="portal_chauffeur",
            groups="base.group_portal",
            name="Claire Chauffeur",
        )
        cls.driver.partner_id.write(
            {
                "concierge_is_volunteer": True,
                "concierge_volunteer_skill_ids": [Command.set(driving.ids)],
            }
        )

    @mute_logger("odoo.http")
    def _call(self, model, method, *args, **kwargs):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def _assert_refused(self, model, method, *args, **kwargs):
        with self.assertRaises(JsonRpcException) as catcher:
            self._call(model, method, *args, **kwargs)
        self.assertEqual(catcher.exception.args[0], "odoo.exceptions.AccessError")

    def test_portal_user_not_volunteer_reads_nothing_of_the_shift(self):
        self.authenticate("portal_pas_benevole", "portal_pas_benevole")
        shifts = self._call(
            "concierge.volunteer.shift", "search_read", [], fields=["name"]
        )
        self.assertEqual(shifts, [])
        self._assert_refused(
            "concierge.volunteer.shift", "read", [self.shift.id], ["name"]
        )
        self._assert_refused(
            "concierge.volunteer.shift", "read", [self.shift.id], ["note"]
        )
        self._assert_refused(
            "concierge.service.request", "read", [self.request.id], ["name"]
        )
        page = self.url_open("/my/volunteer/shifts")
        self.assertNotIn("digicode", page.text)

    def test_volunteer_sees_the_open_shift_without_note_or_request(self):
        self.authenticate("portal_chauffeur", "portal_chauffeur")
        shifts = self._call(
            "concierge.volunteer.shift",
            "search_read",
            [],
            fields=["name", "date_start", "seats_available"],
        )
        self.assertIn(self.shift.id, [shift["id"] for shift in shifts])
        self._assert_refused(
            "concierge.volunteer.shift", "read", [self.shift.id], ["note"]
        )
        self._assert_refused(
            "concierge.volunteer.shift",
            "read",
            [self.shift.id],
            ["service_request_id"],
        )
        self._assert_refused(
            "concierge.service.request", "read", [self.request.id], ["name"]
        )
        page = self.url_open("/my/volunteer/shifts")
        self.assertIn("Livraison à domicile (vie privée)", page.text)
        self.assertNotIn("digicode", page.text)

    def test_note_shown_once_signed_up(self):
        self.authenticate("portal_chauffeur", "portal_chauffeur")
        response = self.url_open(
            f"/my/volunteer/shifts/{self.shift.id}/signup",
            data={"csrf_token": http.Request.csrf_token(self)},
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.shift.attendance_ids.partner_id, self.driver.partner_id)
        self.assertIn("digicode 4512B", response.text)
        # still not through the ORM: the portal shows it, the API does not
        self._assert_refused(
            "concierge.volunteer.shift", "read", [self.shift.id], ["note"]
        )

    def test_skills_no_longer_matching_hide_the_shift(self):
        self.driver.partner_id.concierge_volunteer_skill_ids = [Command.clear()]
        self.authenticate("portal_chauffeur", "portal_chauffeur")
        shifts = self._call(
            "concierge.volunteer.shift", "search_read", [], fields=["name"]
        )
        self.assertNotIn(self.shift.id, [shift["id"] for shift in shifts])
        self._assert_refused(
            "concierge.volunteer.shift", "read", [self.shift.id], ["name"]
        )
