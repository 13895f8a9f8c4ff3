# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Lockers around the pick-up: the reminder before the code expires, the
items held too long, the drop-off reserved on the portal, and their
indicators."""

from datetime import date, datetime, timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import freeze_time, new_test_user, tagged

from odoo.addons.sms.tests.common import SMSCase

from .locker_common import LockerCase

NUMBER = "+33612345678"


@tagged("post_install", "-at_install")
class TestLockerReminder(LockerCase, SMSCase):
    def _reminder_mail(self, pickup):
        return self.env["mail.mail"].search(
            [
                ("model", "=", "concierge.pickup.code"),
                ("res_id", "=", pickup.id),
                ("subject", "like", "Reminder"),
            ]
        )

    def test_reminder_before_the_code_expires(self):
        request, code = self._in_locker()
        pickup = request.pickup_code_ids
        with self.mockSMSGateway():
            self.Code._cron_expire()
        self.assertFalse(pickup.reminder_date, "72 h left: no reminder yet")
        self.assertFalse(self._reminder_mail(pickup))
        with (
            freeze_time(pickup.expiry_date - timedelta(hours=23)),
            self.mockSMSGateway(),
        ):
            self.Code._cron_expire()
            self.assertSMSOutgoing(self.beneficiary, NUMBER, content="Reminder")
            sms = self._find_sms_sms(self.beneficiary, NUMBER, "outgoing")
            body = sms.body
            # Odoo's SMS scheduler sends it; nothing reaches a real gateway
            sms._send()
            self.assertSMSIapSent([NUMBER], content="A2")
        self.assertTrue(pickup.reminder_date)
        self.assertEqual(pickup.state, "active")
        self.assertLessEqual(len(body), 160)
        for text in ("A2", "Vaugneray", "desk"):
            self.assertIn(text, body)
        self.assertNotIn(code, body, "the code is kept nowhere to remind it")
        mail = self._reminder_mail(pickup)
        self.assertEqual(len(mail), 1)
        self.assertTrue(mail.auto_delete)
        self.assertIn("A2", mail.subject)
        body = str(mail.body_html)
        self.assertIn("token=", body, "the QR link still opens the compartment")
        self.assertNotIn(code, body)
        # reminded once
        with freeze_time(pickup.expiry_date - timedelta(hours=2)):
            self.Code._cron_expire()
        self.assertEqual(len(self._reminder_mail(pickup)), 1)

    def test_short_codes_and_no_reminder_setting(self):
        self.company.concierge_pickup_code_hours = 12
        request, __ = self._in_locker()
        pickup = request.pickup_code_ids
        with freeze_time(pickup.expiry_date - timedelta(hours=1)):
            self.Code._cron_expire()
        self.assertFalse(pickup.reminder_date, "valid 12 h only: not reminded")
        self.company.concierge_pickup_code_hours = 72
        self.company.concierge_pickup_reminder_hours = 0
        request.action_send_new_pickup_code()
        pickup = request.pickup_code_ids.filtered(lambda c: c.state == "active")
        with freeze_time(pickup.expiry_date - timedelta(hours=1)):
            self.Code._cron_expire()
        self.assertFalse(pickup.reminder_date)

    def test_reminder_setting_refuses_negative_hours(self):
        with self.assertRaisesRegex(Exception, "0"):
            self.company.concierge_pickup_reminder_hours = -1

    def test_sms_of_the_code_in_the_beneficiarys_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"].search(
            [("name", "=", "concierge_services")]
        )._update_translations("fr_FR")
        self.beneficiary.lang = "fr_FR"
        request = self._ready_request()
        with self.mockSMSGateway():
            request.action_put_in_locker()
            self.assertSMSOutgoing(self.beneficiary, NUMBER, content="A2")
            sms = self._find_sms_sms(self.beneficiary, NUMBER, "outgoing")
        code, __ = self._sent_code(request)
        self.assertIn(code, sms.body)
        self.assertIn("casier", sms.body)
        self.assertLessEqual(len(sms.body), 160)


@tagged("post_install", "-at_install")
class TestLockerOverdue(LockerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            login="locker_manager",
            groups="concierge_base.group_concierge_manager",
        )
        cls.site.manager_id = cls.manager
        cls.overdue_type = cls.env.ref(
            "concierge_services.mail_activity_type_custody_overdue"
        )

    def _activities(self, request):
        return request.activity_ids.filtered(
            lambda a: a.activity_type_id == self.overdue_type
        )

    def test_items_held_too_long_get_one_activity_for_the_manager(self):
        request, __ = self._in_locker()
        recent = self._request(site_id=self.site.id)
        recent.action_confirm()
        item = request.custody_item_ids
        self.Item = self.env["concierge.custody.item"]
        self.Item._cron_flag_overdue()
        self.assertFalse(self._activities(request), "not held too long yet")
        item.received_date = fields.Datetime.now() - timedelta(days=40)
        self.Item._cron_flag_overdue()
        activity = self._activities(request)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.manager)
        self.assertIn(item.name, activity.summary)
        self.assertIn("40", str(activity.note))
        self.assertFalse(self._activities(recent))
        self.Item._cron_flag_overdue()
        self.assertEqual(len(self._activities(request)), 1, "flagged once")

    def test_take_the_items_out_of_the_compartment(self):
        request, code = self._in_locker()
        item = request.custody_item_ids
        self.medium.action_take_items_out()
        pickup = request.pickup_code_ids
        self.assertEqual(pickup.state, "revoked")
        self.assertEqual(self.medium.state, "free")
        self.assertFalse(item.compartment_id)
        self.assertEqual(item.location_id, self.site.concierge_custody_location_id)
        self.assertFalse(self.Code._concierge_find(self.site, code=code))
        with self.assertRaisesRegex(UserError, "no locker"):
            item.action_take_out_of_locker()


@tagged("post_install", "-at_install")
class TestLockerDropOff(LockerCase):
    def test_drop_off_received_in_the_compartment(self):
        request, pickup, code = self._reserve()
        self.assertEqual(pickup.kind, "dropoff")
        self.assertEqual(pickup.compartment_id, self.medium, "holds a coat")
        self.assertEqual(self.medium.state, "reserved")
        self.assertEqual(request.state, "draft")
        sent, mail = self._sent_code(request)
        self.assertEqual(sent, code)
        self.assertIn("reserved", mail.subject)
        self.assertIn("A2", str(mail.body_html))
        sms = self.env["sms.sms"].search([("partner_id", "=", self.beneficiary.id)])
        self.assertIn(code, sms.body)
        self.assertIn("reserved", sms.body)
        self.assertLessEqual(len(sms.body), 160)
        # a pick-up code at the desk does not take a drop-off code
        with self.assertRaisesRegex(UserError, "No items wait"):
            self.env["concierge.pickup.collect.wizard"].create(
                {"site_id": self.site.id, "code": code}
            ).action_collect()
        found = self.Code._concierge_find(self.site, code=code)
        compartment = found._concierge_collect("locker_code")
        self.assertEqual(compartment, self.medium)
        item = request.custody_item_ids
        self.assertEqual(request.state, "confirmed")
        self.assertEqual((item.state, item.compartment_id), ("received", self.medium))
        self.assertEqual(item.location_id, self.medium.location_id)
        quant = self.env["stock.quant"].search(
            [("location_id", "=", self.medium.location_id.id)]
        )
        self.assertEqual((quant.quantity, quant.owner_id), (1.0, self.beneficiary))
        self.assertEqual(self.medium.state, "occupied")
        self.assertEqual((pickup.state, pickup.used_method), ("used", "locker_code"))
        self.assertEqual(pickup.custody_item_ids, item)
        self.assertFalse(pickup.released_date)
        self.assertIn(
            "A2", " ".join(request.activity_ids.mapped("summary")), "to fetch"
        )
        self.assertFalse(self.Code._concierge_find(self.site, code=code), "used")
        # the concierge sends it on: taken out first, the compartment is free
        item.action_send_to_provider()
        self.assertEqual(item.state, "at_provider")
        self.assertFalse(item.compartment_id)
        self.assertEqual(self.medium.state, "free")
        self.assertTrue(pickup.released_date)
        self.assertEqual(
            item.move_ids.sorted("id").mapped("location_dest_id")[:2],
            self.medium.location_id + self.site.concierge_custody_location_id,
        )

    def test_drop_off_fetched_to_the_desk(self):
        request, __, code = self._reserve()
        self.Code._concierge_find(self.site, code=code)._concierge_collect("locker_qr")
        item = request.custody_item_ids
        item.action_take_out_of_locker()
        self.assertEqual(item.location_id, self.site.concierge_custody_location_id)
        self.assertEqual((item.state, self.medium.state), ("received", "free"))

    def test_drop_off_not_made_in_time_frees_the_compartment(self):
        request, pickup, code = self._reserve()
        with freeze_time(pickup.expiry_date + timedelta(minutes=1)):
            self.assertFalse(self.Code._concierge_find(self.site, code=code))
            self.Code._cron_expire()
        self.assertEqual(pickup.state, "expired")
        self.assertEqual(self.medium.state, "free")
        self.assertEqual(request.state, "draft")
        self.assertFalse(request.custody_item_ids)
        self.assertIn("Nothing was dropped off", str(request.message_ids[0].body))

    def test_cancelled_request_releases_the_reservation(self):
        request, pickup, __ = self._reserve()
        request.action_cancel()
        self.assertEqual((pickup.state, self.medium.state), ("revoked", "free"))

    def test_drop_off_refused(self):
        request, __, __ = self._reserve()
        with self.assertRaisesRegex(UserError, "no locker reserved yet"):
            request._concierge_reserve_dropoff()
        confirmed = self._request(site_id=self.site.id)
        confirmed.action_confirm()
        with self.assertRaisesRegex(UserError, "new request"):
            confirmed._concierge_reserve_dropoff()
        paperwork = self._request([self.paperwork], site_id=self.site.id)
        with self.assertRaisesRegex(UserError, "taken into custody"):
            paperwork._concierge_reserve_dropoff()
        self.large.action_out_of_order()
        # the opening hours of the test site: Tue 9-12, Thu 14-19
        with self.assertRaisesRegex(UserError, "No locker is free.*09:00-12:00"):
            self._reserve()


@tagged("post_install", "-at_install")
class TestLockerIndicators(LockerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the desk also opens on Mondays from 9:00 to 12:00 (Paris), besides
        # Tuesdays 9-12 and Thursdays 14-19
        cls.env["concierge.site.opening"].create(
            {"site_id": cls.site.id, "dayofweek": "0", "hour_from": 9, "hour_to": 12}
        )
        cls.Value = cls.env["concierge.indicator.value"]
        # the codes stay valid ten days: one is used a week after the issue
        cls.company.concierge_pickup_code_hours = 240

    def _collect_at(self, moment):
        """A coat put in a locker on 2 March 2026 at 8:00 UTC (a Monday),
        collected at ``moment`` (UTC)."""
        with freeze_time(datetime(2026, 3, 2, 8, 0)):
            request, code = self._in_locker()
        with freeze_time(moment):
            self.Code._concierge_find(self.site, code=code)._concierge_collect(
                "locker_code"
            )
        return request

    def test_is_open(self):
        # Monday 2 March 2026, Paris is UTC+1
        self.assertTrue(self.site._concierge_is_open(datetime(2026, 3, 2, 8, 30)))
        self.assertFalse(self.site._concierge_is_open(datetime(2026, 3, 2, 11, 30)))
        self.assertTrue(self.site._concierge_is_open(datetime(2026, 3, 3, 8, 30)))
        self.assertFalse(self.site._concierge_is_open(datetime(2026, 3, 4, 8, 30)))

    def test_pickups_after_hours_and_time_to_collect(self):
        # Tuesday 3 March 19:00 UTC: the desk is closed; 35 hours after ready
        evening = self._collect_at(datetime(2026, 3, 3, 19, 0))
        self.assertTrue(evening.pickup_code_ids.after_hours)
        # Monday 9 March 9:00 UTC (10:00 in Paris): open
        morning = self._collect_at(datetime(2026, 3, 9, 9, 0))
        self.assertFalse(morning.pickup_code_ids.after_hours)
        march = (date(2026, 3, 1), date(2026, 3, 31))
        after_hours = self.Value._indicator_locker_after_hours(*march, self.site)
        self.assertEqual(after_hours, {self.site.id: 1})
        ready = evening.custody_item_ids.ready_date
        self.assertEqual(ready, datetime(2026, 3, 2, 8, 0))
        self.assertEqual(evening.custody_item_ids.collect_hours, 35.0)
        wait = self.Value._indicator_avg_collect_hours(*march, self.site)
        self.assertAlmostEqual(wait[self.site.id], (35.0 + 169.0) / 2)
        self.assertAlmostEqual(wait["total"], (35.0 + 169.0) / 2)

    def test_occupancy(self):
        self._collect_at(datetime(2026, 3, 3, 8, 0))  # 24 hours in a locker
        with freeze_time(datetime(2026, 3, 30, 12, 0)):
            __, pickup, __ = self._reserve()
            # not dropped off: expires ten days later, on 9 April
        with freeze_time(datetime(2026, 4, 9, 13, 0)):
            self.Code._cron_expire()
        self.assertEqual(pickup.released_date, datetime(2026, 4, 9, 13, 0))
        march = self.Value._indicator_locker_occupancy(
            date(2026, 3, 1), date(2026, 3, 31), self.site
        )
        # 24 h + 36 h (30 March 12:00 to the end of March) of 3 compartments
        # over 31 days
        expected = 100.0 * (24 + 36) / (3 * 31 * 24)
        self.assertAlmostEqual(march[self.site.id], expected)
        self.assertAlmostEqual(march["total"], expected)
        april = self.Value._indicator_locker_occupancy(
            date(2026, 4, 1), date(2026, 4, 30), self.site
        )
        self.assertAlmostEqual(
            april[self.site.id], 100.0 * (8 * 24 + 13) / (3 * 30 * 24)
        )


@tagged("post_install", "-at_install")
class TestLockerAutomatic(LockerCase):
    def _ready_mail(self, request):
        return request.message_ids.filtered(lambda m: "is ready" in (m.subject or ""))

    def test_ready_items_go_to_a_locker_by_themselves(self):
        self.site.concierge_locker_auto = True
        request = self._ready_request()
        item = request.custody_item_ids
        self.assertEqual(item.compartment_id, self.medium)
        self.assertEqual(request.pickup_code_ids.state, "active")
        code, __ = self._sent_code(request)
        self.assertTrue(code)
        self.assertFalse(
            self._ready_mail(request), "the code's mail replaces the ready mail"
        )
        # no compartment free for the next coat: it waits at the desk
        self.medium.action_take_items_out()
        self.medium.action_out_of_order()
        self.large.action_out_of_order()
        other = self._ready_request()
        self.assertFalse(other.custody_item_ids.compartment_id)
        bodies = " ".join(str(body) for body in other.message_ids.mapped("body"))
        self.assertIn("wait at the desk", bodies)
        self.assertTrue(self._ready_mail(other), "told it is ready at the desk")

    def test_without_the_rule_the_concierge_decides(self):
        request = self._ready_request()
        self.assertFalse(request.custody_item_ids.compartment_id)
        self.assertFalse(request.pickup_code_ids)
        self.assertTrue(self._ready_mail(request))
