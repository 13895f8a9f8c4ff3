# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import timedelta
from unittest.mock import patch

from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged

from .locker_common import LockerCase


@tagged("post_install", "-at_install")
class TestPickupKiosk(LockerCase, HttpCase):
    """The kiosk page beside the lockers, as the beneficiary uses it (and
    as someone trying codes would)."""

    def setUp(self):
        super().setUp()
        self.authenticate(None, None)
        self.url = f"/concierge/pickup/{self.site.id}"

    def _type(self, code=None, token=None):
        data = {"csrf_token": http.Request.csrf_token(self)}
        data.update({"code": code} if code is not None else {"token": token})
        response = self.url_open(self.url, data=data)
        self.assertEqual(response.status_code, 200)
        return response.text

    def test_code_typed_opens_the_compartment(self):
        request, code = self._in_locker()
        page = self.url_open(self.url).text
        self.assertIn("Your code (6 digits)", page)
        opened = self._type(code)
        self.assertIn("o_concierge_pickup_opened", opened)
        self.assertIn(">A2<", opened)
        # nothing personal on the kiosk
        for private in (self.beneficiary.name, request.name, "Nettoyage"):
            self.assertNotIn(private, page + opened)
        self.assertEqual(request.state, "done")
        item = request.custody_item_ids
        self.assertEqual(item.handover_method, "locker_code")
        self.assertEqual(item.handover_user_id, self.env.ref("base.public_user"))
        self.assertEqual(self.medium.state, "free")
        # used once
        self.assertIn("opens no compartment", self._type(code))

    def test_qr_link_opens_the_compartment(self):
        request, __ = self._in_locker()
        token = request.pickup_code_ids._concierge_token()
        page = self.url_open(f"{self.url}?token={token}").text
        self.assertIn("Open my compartment", page)
        self.assertIn(">A2<", self._type(token=token))
        self.assertEqual(request.custody_item_ids.handover_method, "locker_qr")

    def test_site_without_lockers_has_no_kiosk(self):
        self.assertEqual(
            self.url_open(f"/concierge/pickup/{self.other_site.id}").status_code, 404
        )

    def test_brute_force_is_stopped(self):
        request, code = self._in_locker()
        # someone tries the code space in a row: the right code is the
        # eleventh of thirty tries, the kiosk stops them after five
        real = int(code)
        refused = 0
        for offset in range(-10, 20):
            guess = (real + offset) % 10**6
            page = self._type(f"{guess:06d}")
            if "Too many wrong codes" in page:
                refused += 1
            self.assertNotIn("o_concierge_pickup_opened", page, guess)
        self.assertGreaterEqual(refused, 30 - 5 - 1)
        self.assertEqual(request.custody_item_ids.state, "ready")
        Attempt = self.env["concierge.pickup.attempt"]
        failures = Attempt.search(
            [("site_id", "=", self.site.id), ("success", "=", False)]
        )
        self.assertEqual(len(failures), 5, "refused tries are not even looked up")
        # after the cool-down the beneficiary's own code works
        self.env.cr.execute(
            "UPDATE concierge_pickup_attempt SET create_date = create_date - %s",
            [timedelta(minutes=16)],
        )
        Attempt.invalidate_model()
        self.assertIn(">A2<", self._type(code))
        self.assertEqual(request.custody_item_ids.state, "returned")


@tagged("post_install", "-at_install")
class TestLockerTours(LockerCase, HttpCase):
    """In Chromium, as the beneficiary: the code typed on the kiosk, the
    drop-off reserved on the portal."""

    CODE = "482915"

    def _known_code(self):
        Code = type(self.env["concierge.pickup.code"])
        return patch.object(Code, "_concierge_new_code", return_value=self.CODE)

    def test_kiosk_tour(self):
        request = self._ready_request()
        with self._known_code():
            request.action_put_in_locker()
        self.start_tour(
            f"/concierge/pickup/{self.site.id}", "concierge_locker_kiosk_tour"
        )
        item = request.custody_item_ids
        self.assertEqual(
            (item.state, item.handover_method), ("returned", "locker_code")
        )
        self.assertEqual(self.medium.state, "free")
        self.assertEqual(request.state, "done")

    def test_dropoff_tour(self):
        self._dropoff_tour()

    def test_dropoff_tour_phone(self):
        """The same on the beneficiary's phone (390 x 844, touch): the portal
        page, then the kiosk page the QR link opens."""
        self.browser_size = "390x844"
        self.touch_enabled = True
        self._dropoff_tour()

    def _dropoff_tour(self):
        user = new_test_user(
            self.env,
            login="jeanne_portal",
            groups="base.group_portal",
            partner_id=self.beneficiary.id,
        )
        request = self._request(site_id=self.site.id, channel="portal")
        with self._known_code():
            self.start_tour(
                f"/my/requests/{request.id}",
                "concierge_locker_dropoff_tour",
                login=user.login,
            )
        pickup = request.pickup_code_ids
        self.assertEqual((pickup.kind, pickup.state), ("dropoff", "active"))
        self.assertEqual(self.medium.state, "reserved")
        # then at the lockers, out of hours: the coat is received in A2
        self.start_tour(
            f"/concierge/pickup/{self.site.id}", "concierge_locker_kiosk_tour"
        )
        item = request.custody_item_ids
        self.assertEqual((item.state, item.compartment_id), ("received", self.medium))
        self.assertEqual(item.location_id, self.medium.location_id)
        self.assertEqual(request.state, "confirmed")
