# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import misc, mute_logger

from .locker_common import LockerCase


@tagged("post_install", "-at_install")
class TestLocker(LockerCase):
    def test_put_in_locker_moves_the_stock_and_sends_the_code(self):
        request = self._ready_request()
        item = request.custody_item_ids
        request.action_put_in_locker()
        # the smallest free compartment that holds a coat
        self.assertEqual(item.compartment_id, self.medium)
        self.assertEqual(self.medium.state, "occupied")
        self.assertEqual(self.small.state, "free")
        self.assertEqual(item.state, "ready")
        self.assertEqual(item.location_id, self.medium.location_id)
        self.assertEqual(
            self.medium.location_id.location_id,
            self.site.concierge_custody_location_id,
        )
        quant = self.env["stock.quant"].search(
            [("location_id", "=", self.medium.location_id.id)]
        )
        self.assertEqual((quant.quantity, quant.owner_id), (1.0, self.beneficiary))
        pickup = request.pickup_code_ids
        self.assertEqual(pickup.state, "active")
        self.assertTrue(request.in_locker)
        self.assertAlmostEqual(
            pickup.expiry_date,
            fields.Datetime.now() + timedelta(hours=72),
            delta=timedelta(minutes=5),
        )
        code, mail = self._sent_code(request)
        # kept only as a keyed hash
        self.assertEqual(
            pickup.sudo().code_hash,
            misc.hmac(
                self.env(su=True), "concierge-pickup-code", f"{self.site.id}:{code}"
            ),
        )
        self.assertNotIn(code, pickup.sudo().code_hash)
        self.assertTrue(
            mail.auto_delete, "the mail holding the code is deleted once sent"
        )
        self.assertEqual(mail.recipient_ids, self.beneficiary)
        body = str(mail.body_html)
        for text in (code, "A2", "Vaugneray", request.name, "token="):
            self.assertIn(text, body)
        sms = self.env["sms.sms"].search([("partner_id", "=", self.beneficiary.id)])
        self.assertEqual(len(sms), 1)
        self.assertEqual(sms.number, "+33612345678")
        self.assertLessEqual(len(sms.body), 160)
        for text in (code, "A2", "Vaugneray"):
            self.assertIn(text, sms.body)
        self.assertNotIn(code, str(request.message_ids.mapped("body")))

    def test_no_sms_unless_the_company_sends_them(self):
        self.company.concierge_pickup_sms = False
        self._in_locker()
        self.assertFalse(
            self.env["sms.sms"].search([("partner_id", "=", self.beneficiary.id)])
        )

    def test_code_collects_once(self):
        request, code = self._in_locker()
        item = request.custody_item_ids
        self.assertFalse(
            self.Code._concierge_find(
                self.site, code="000000" if code != "000000" else "111111"
            )
        )
        self.assertFalse(self.Code._concierge_find(self.other_site, code=code))
        pickup = self.Code._concierge_find(self.site, code=code[:3] + " " + code[3:])
        self.assertEqual(pickup, request.pickup_code_ids)
        compartment = pickup._concierge_collect("locker_code")
        self.assertEqual(compartment, self.medium)
        self.assertEqual(self.medium.state, "free")
        self.assertEqual(item.state, "returned")
        self.assertEqual(item.handover_method, "locker_code")
        self.assertEqual(
            item.location_id, self.env.ref("stock.stock_location_customers")
        )
        self.assertEqual(request.state, "done")
        self.assertEqual((pickup.state, pickup.used_method), ("used", "locker_code"))
        self.assertFalse(self.Code._concierge_find(self.site, code=code), "used once")

    def test_qr_token(self):
        request, __ = self._in_locker()
        pickup = request.pickup_code_ids
        token = pickup._concierge_token()
        self.assertEqual(self.Code._concierge_find(self.site, token=token), pickup)
        forged = token[:-1] + ("0" if token[-1] != "0" else "1")
        self.assertFalse(self.Code._concierge_find(self.site, token=forged))
        self.assertFalse(
            self.Code._concierge_find(self.site, token=f"{pickup.id + 1}.x")
        )
        pickup._concierge_collect("locker_qr")
        self.assertEqual(request.custody_item_ids.handover_method, "locker_qr")
        self.assertFalse(self.Code._concierge_find(self.site, token=token))

    def test_new_code_replaces_the_old_one(self):
        request, old = self._in_locker()
        first = request.pickup_code_ids
        request.action_send_new_pickup_code()
        new, __ = self._sent_code(request)
        self.assertEqual(first.state, "revoked")
        if old != new:  # one chance in a million to draw the same digits
            self.assertFalse(self.Code._concierge_find(self.site, code=old))
        second = self.Code._concierge_find(self.site, code=new)
        self.assertEqual(second.compartment_id, self.medium)
        self.assertEqual(self.medium.state, "occupied")
        # the coat did not move again
        item = request.custody_item_ids
        self.assertEqual(item.location_id, self.medium.location_id)
        self.assertEqual(
            len(
                item.move_ids.filtered(
                    lambda m: m.location_dest_id == self.medium.location_id
                )
            ),
            1,
        )

    def test_expired_code_brings_the_items_back(self):
        request, code = self._in_locker()
        pickup = request.pickup_code_ids
        pickup.sudo().expiry_date = fields.Datetime.now() - timedelta(minutes=1)
        self.assertFalse(self.Code._concierge_find(self.site, code=code))
        self.Code._cron_expire()
        item = request.custody_item_ids
        self.assertEqual(pickup.state, "expired")
        self.assertEqual(self.medium.state, "free")
        self.assertFalse(item.compartment_id)
        self.assertEqual(item.location_id, self.site.concierge_custody_location_id)
        self.assertEqual(item.state, "ready")
        self.assertIn("expired", str(request.message_ids[0].body))
        # it can go in a locker again
        request.action_put_in_locker()
        self.assertEqual(item.compartment_id, self.medium)

    def test_hand_back_at_the_desk_empties_the_compartment(self):
        request, __ = self._in_locker()
        request.action_hand_back()
        pickup = request.pickup_code_ids
        self.assertEqual((pickup.state, pickup.used_method), ("used", "counter"))
        self.assertEqual(self.medium.state, "free")
        self.assertEqual(request.custody_item_ids.handover_method, "desk")
        self.assertFalse(
            self.env["stock.quant"].search(
                [
                    ("location_id", "=", self.medium.location_id.id),
                    ("quantity", "!=", 0),
                ]
            )
        )

    def test_counter_wizard_takes_the_code(self):
        request, code = self._in_locker()
        wizard = self.env["concierge.pickup.collect.wizard"].create(
            {
                "site_id": self.site.id,
                "code": "999999" if code != "999999" else "111111",
            }
        )
        with self.assertRaisesRegex(UserError, "No items wait"):
            wizard.action_collect()
        wizard.code = code
        action = wizard.with_user(self.concierge).action_collect()
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(request.state, "done")
        self.assertEqual(self.medium.state, "free")

    def test_cancelled_request_frees_the_compartment(self):
        request, __ = self._in_locker()
        request.action_cancel()
        self.assertEqual(request.pickup_code_ids.state, "revoked")
        self.assertEqual(self.medium.state, "free")
        self.assertEqual(request.custody_item_ids.state, "returned")

    def test_no_compartment_free(self):
        self.medium.action_out_of_order()
        self.large.action_out_of_order()
        request = self._ready_request()
        with self.assertRaisesRegex(UserError, "No free compartment"):
            request.action_put_in_locker()
        self.assertEqual(
            request.custody_item_ids.location_id,
            self.site.concierge_custody_location_id,
        )
        self.large.action_back_in_service()
        request.action_put_in_locker()
        self.assertEqual(request.custody_item_ids.compartment_id, self.large)
        with self.assertRaisesRegex(UserError, "Marking out of order is not possible"):
            self.large.action_out_of_order()
        with self.assertRaisesRegex(UserError, "it is Draft"):
            self._request(site_id=self.site.id).action_put_in_locker()
        no_item = self._request([self.paperwork], site_id=self.site.id)
        no_item.action_confirm()
        no_item.action_ready()
        with self.assertRaisesRegex(UserError, "no item ready at the desk"):
            no_item.action_put_in_locker()

    def test_compartment_numbers_unique_per_site(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.Compartment.create({"site_id": self.site.id, "code": "A1"})
        # another site may have its A1
        self.assertTrue(
            self.Compartment.create({"site_id": self.other_site.id, "code": "A1"})
        )

    def test_open_event_sent_to_the_locker(self):
        received = []

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers["Content-Length"])
                received.append((self.path, json.loads(self.rfile.read(length))))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                return

        server = HTTPServer(("127.0.0.1", 0), Handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        self.addCleanup(server.server_close)
        self.addCleanup(server.shutdown)
        self.site.concierge_locker_open_url = (
            f"http://127.0.0.1:{server.server_address[1]}/open"
        )
        __, code = self._in_locker()
        self.Code._concierge_find(self.site, code=code)._concierge_collect(
            "locker_code"
        )
        self.assertEqual(
            received,
            [("/open", {"event": "open", "site": "TST", "compartment": "A2"})],
        )
        self.assertTrue(self.medium._concierge_send_open_event())
        server.shutdown()
        server.server_close()
        self.assertFalse(self.medium._concierge_send_open_event(), "no answer")
