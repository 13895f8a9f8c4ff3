# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import base64

from odoo import Command, http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged

from .round_common import RoundCase

# a 1x1 PNG, as the signature box sends it
PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
    "60e6kgAAAABJRU5ErkJggg=="
)
INSTRUCTIONS = "Code porte 4821, 2e étage"


class HandoverCase(RoundCase):
    """A planned round: Germaine (vulnerable, served at home) and Marc and
    Léa (at the Brindas stop) get their ironing back; Léa also a basket
    of vegetables (a service without item)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.germaine = cls._beneficiary(
            "Germaine Brindas", "Brindas", vulnerable=True, point=(45.7190, 4.7001)
        )
        cls.germaine.write(
            {
                "email": "germaine@example.com",
                "street": "3 chemin des Vignes",
                "concierge_round_instructions": INSTRUCTIONS,
            }
        )
        cls.marc = cls._beneficiary("Marc Brindas", "Brindas")
        cls.lea = cls._beneficiary("Léa Brindas", "Brindas")
        cls.req_germaine = cls._requests(cls.germaine)
        cls.req_marc = cls._requests(cls.marc)
        cls.req_lea = cls._requests(cls.lea, product=cls.groceries)
        cls.round = cls._round()
        cls.round._plan_from_requests()
        cls.round.action_confirm()
        cls.home = cls.round.stop_ids.filtered(lambda s: s.kind == "home")
        cls.brindas = cls.round.stop_ids.filtered(
            lambda s: s.kind == "commune" and s.commune == "Brindas"
        )
        cls.van = cls.vehicle.stock_location_id
        cls.desk = cls.site._concierge_custody_location()
        cls.customers = cls.env.ref("stock.stock_location_customers")
        cls.other_user = new_test_user(
            cls.env,
            login="round_other_driver",
            groups="base.group_portal",
            name="Étienne Autre",
            company_ids=[Command.set(cls.company.ids)],
        )

    def _quantity(self, location, owner):
        quants = self.env["stock.quant"].search(
            [("location_id", "=", location.id), ("owner_id", "=", owner.id)]
        )
        return sum(quants.mapped("quantity"))

    def _start(self):
        """Leave on the round; {beneficiary: their code} (issued anew, as
        the codes sent are kept nowhere)."""
        self.round.action_start()
        codes = self.round.handover_ids._concierge_issue_codes()
        return {handover.partner_id: code for handover, code in codes.items()}


@tagged("post_install", "-at_install")
class TestRoundHandover(HandoverCase):
    def test_vehicle_gets_its_stock_location(self):
        self.assertTrue(self.van)
        self.assertEqual(self.van.usage, "internal")
        self.assertEqual(self.van.location_id, self.site._concierge_parent_location())
        self.assertEqual(self.van.company_id, self.vehicle.company_id)
        self.vehicle.name = "Kangoo (test)"
        self.assertEqual(self.van.name, "Kangoo (test)")

    def test_departure_loads_the_items_to_deliver_in_the_vehicle(self):
        items = (self.req_germaine | self.req_marc).custody_item_ids
        self.assertEqual(len(items), 2)
        self.assertEqual(self._quantity(self.desk, self.germaine), 1)
        self._start()
        self.assertEqual(self.round.state, "on_road")
        self.assertTrue(self.round.actual_start)
        self.assertEqual(items.mapped("concierge_van_location_id"), self.van)
        self.assertEqual(items.mapped("location_id"), self.van)
        for partner in (self.germaine, self.marc):
            self.assertEqual(self._quantity(self.van, partner), 1)
            self.assertEqual(self._quantity(self.desk, partner), 0)
        # one transfer for the round, done
        picking = self.round.picking_ids
        self.assertEqual(len(picking), 1)
        self.assertEqual(picking.state, "done")
        self.assertEqual(picking.location_dest_id, self.van)
        self.assertEqual(picking.move_ids.concierge_custody_item_id, items)
        # one handover per beneficiary met, each sent a code
        self.assertEqual(
            self.round.handover_ids.partner_id, self.germaine | self.marc | self.lea
        )
        self.assertEqual(len(self.brindas.handover_ids), 2)
        mail = self.env["mail.mail"].search([("email_to", "ilike", "germaine@")])
        self.assertTrue(mail)
        self.assertRegex(mail[-1].body_html, r"\d{6}")

    def test_handover_by_code_closes_the_request_and_moves_the_stock(self):
        codes = self._start()
        handover = self.home._concierge_hand_over_code(codes[self.germaine])
        self.assertEqual(handover.partner_id, self.germaine)
        self.assertEqual(handover.state, "done")
        self.assertEqual(handover.method, "code")
        self.assertTrue(handover.done_date)
        self.assertEqual(self.req_germaine.state, "done")
        item = self.req_germaine.custody_item_ids
        self.assertEqual(item.state, "returned")
        self.assertEqual(item.handover_method, "round")
        self.assertEqual(item.location_id, self.customers)
        self.assertFalse(item.concierge_van_location_id)
        self.assertEqual(self._quantity(self.van, self.germaine), 0)
        self.assertEqual(self.home.state, "done")
        self.assertTrue(self.home.done_date)
        # the code is used once
        self.assertFalse(self.home.handover_ids.sudo().code_hash)
        # a service without item is delivered by the handover too
        self.brindas._concierge_hand_over_code(codes[self.lea])
        self.assertEqual(self.req_lea.state, "done")
        self.assertEqual(self.brindas.state, "todo", "Marc is still to be served")

    def test_wrong_code_is_refused_and_nothing_changes(self):
        codes = self._start()
        wrong = "000000" if codes[self.germaine] != "000000" else "111111"
        found = self.home._concierge_hand_over_code(wrong)
        self.assertFalse(found)
        self.assertEqual(self.home.code_failures, 1)
        self.assertIn("4", self.home._concierge_wrong_code_message())
        self.assertEqual(self.req_germaine.state, "ready")
        self.assertEqual(self.home.state, "todo")
        self.assertEqual(self._quantity(self.van, self.germaine), 1)
        # another stop's code is wrong here
        self.assertFalse(self.home._concierge_hand_over_code(codes[self.marc]))
        for __ in range(3):
            self.home._concierge_hand_over_code(wrong)
        with self.assertRaisesRegex(UserError, "sign on the screen"):
            self.home._concierge_hand_over_code(codes[self.germaine])
        self.assertEqual(self.req_germaine.state, "ready")

    def test_signature_handover_stores_the_image_and_closes(self):
        self._start()
        handover = self.home.handover_ids
        with self.assertRaisesRegex(UserError, "name"):
            self.home._concierge_hand_over_signature(handover, PNG, " ")
        self.home._concierge_hand_over_signature(handover, PNG, "Germaine B.")
        self.assertEqual(handover.state, "done")
        self.assertEqual(handover.method, "signature")
        self.assertEqual(handover.signer_name, "Germaine B.")
        self.assertTrue(handover.signature)
        self.assertTrue(base64.b64decode(handover.signature).startswith(b"\x89PNG"))
        self.assertEqual(self.req_germaine.state, "done")
        self.assertEqual(self.home.state, "done")
        with self.assertRaises(UserError):
            self.home._concierge_hand_over_signature(handover, PNG, "Encore")

    def test_absent_leaves_the_requests_open_for_the_next_round(self):
        codes = self._start()
        self.assertIs(self.home.action_absent(reason="Personne ne répond"), True)
        self.assertEqual(self.home.state, "skipped")
        self.assertEqual(self.home.absent_reason, "Personne ne répond")
        self.assertEqual(self.home.handover_ids.state, "absent")
        self.assertEqual(self.req_germaine.state, "ready")
        # Brindas served in part: Marc by code, Léa absent
        self.brindas._concierge_hand_over_code(codes[self.marc])
        self.brindas.action_absent()
        self.assertEqual(self.brindas.state, "done")
        self.assertEqual(self.brindas.deliver_request_ids, self.req_marc)
        lea = self.brindas.handover_ids.filtered(lambda h: h.partner_id == self.lea)
        self.assertEqual(lea.state, "absent")
        self.assertEqual(lea.deliver_request_ids, self.req_lea)
        self.assertEqual(self.req_lea.state, "ready")
        # back at the desk: Germaine's item leaves the vehicle
        self.round.action_done()
        self.assertTrue(self.round.actual_end)
        self.assertEqual(len(self.round.picking_ids), 2)
        item = self.req_germaine.custody_item_ids
        self.assertEqual(item.location_id, self.desk)
        self.assertFalse(item.concierge_van_location_id)
        self.assertEqual(self._quantity(self.van, self.germaine), 0)
        self.assertEqual(self._quantity(self.desk, self.germaine), 1)
        # both wait for the next round
        following = self._round()
        following._plan_from_requests()
        self.assertEqual(
            following.stop_ids.deliver_request_ids, self.req_germaine | self.req_lea
        )

    def test_stop_done_by_hand_is_refused_while_someone_waits(self):
        self._start()
        with self.assertRaisesRegex(UserError, "Germaine"):
            self.home.action_done()

    def test_actual_kilometres(self):
        self.round.odometer_start = 12000
        self._start()
        self.round.odometer_end = 12042.5
        self.assertEqual(self.round.km_driven, 42.5)
        with self.assertRaises(ValidationError):
            self.round.odometer_end = 11999
        self.round.odometer_end = 0
        self.assertEqual(self.round.km_driven, self.round.distance_km)
        self.assertTrue(self.round.distance_km > 0)
        self.round.odometer_end = 12042.5
        self.round.action_done()
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            self.round.odometer_end = 13000

    def test_another_portal_user_cannot_read_the_handovers_nor_instructions(self):
        self._start()
        handover = self.home.handover_ids
        with self.assertRaises(AccessError):
            handover.with_user(self.other_user).read(["partner_id"])
        self.assertFalse(
            self.env["concierge.round.handover"].with_user(self.other_user).search([])
        )
        with self.assertRaises(AccessError):
            self.germaine.with_user(self.other_user).read(
                ["concierge_round_instructions"]
            )
        # the driver reads the handovers of their round, not the partner's
        # instructions through the ORM (their page shows them)
        self.assertEqual(handover.with_user(self.portal_user).partner_id, self.germaine)
        with self.assertRaises(AccessError):
            self.germaine.with_user(self.portal_user).read(
                ["concierge_round_instructions"]
            )


@tagged("post_install", "-at_install")
class TestRoundPortal(HandoverCase, HttpCase):
    def _post(self, url, **data):
        response = self.url_open(
            url, data={"csrf_token": http.Request.csrf_token(self), **data}
        )
        self.env.invalidate_all()
        return response

    def test_driver_page_and_handover_by_code(self):
        self.authenticate("volunteer_portal_test", "volunteer_portal_test")
        listing = self.url_open("/my/rounds")
        self.assertEqual(listing.status_code, 200)
        self.assertIn(f"/my/rounds/{self.round.id}", listing.text)
        page = self.url_open(f"/my/rounds/{self.round.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(INSTRUCTIONS, page.text)
        self.assertIn("3 chemin des Vignes", page.text)
        self.assertIn(f"/my/rounds/{self.round.id}/start", page.text)
        response = self._post(f"/my/rounds/{self.round.id}/start", odometer="12000")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.round.state, "on_road")
        self.assertEqual(self.round.odometer_start, 12000)
        codes = self.round.handover_ids._concierge_issue_codes()
        code = next(c for h, c in codes.items() if h.partner_id == self.germaine)
        url = f"/my/rounds/{self.round.id}/stop/{self.home.id}/code"
        wrong = self._post(url, code="12")
        self.assertIn("alert-danger", wrong.text)
        self.assertEqual(self.home.code_failures, 1)
        self.assertEqual(self.req_germaine.state, "ready")
        right = self._post(url, code=code)
        self.assertIn("alert-success", right.text)
        self.assertEqual(self.req_germaine.state, "done")
        self.assertEqual(self._quantity(self.van, self.germaine), 0)
        # the signature of Marc, drawn on the screen
        marc = self.brindas.handover_ids.filtered(lambda h: h.partner_id == self.marc)
        self._post(
            f"/my/rounds/{self.round.id}/handover/{marc.id}/sign",
            signature="data:image/png;base64," + PNG,
            signer_name="Marc",
        )
        self.assertEqual(marc.method, "signature")
        self.assertEqual(self.req_marc.state, "done")
        self._post(f"/my/rounds/{self.round.id}/stop/{self.brindas.id}/absent")
        response = self._post(f"/my/rounds/{self.round.id}/done", odometer="12030")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.round.state, "done")
        self.assertEqual(self.round.km_driven, 30)

    def test_other_portal_user_gets_404(self):
        self.round.action_start()
        codes = self.round.handover_ids._concierge_issue_codes()
        code = next(c for h, c in codes.items() if h.partner_id == self.germaine)
        self.authenticate("round_other_driver", "round_other_driver")
        page = self.url_open(f"/my/rounds/{self.round.id}")
        self.assertEqual(page.status_code, 404)
        self.assertNotIn(INSTRUCTIONS, page.text)
        self.assertNotIn(
            f"/my/rounds/{self.round.id}", self.url_open("/my/rounds").text
        )
        response = self._post(
            f"/my/rounds/{self.round.id}/stop/{self.home.id}/code", code=code
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.req_germaine.state, "ready")
        response = self._post(f"/my/rounds/{self.round.id}/done")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.round.state, "on_road")
