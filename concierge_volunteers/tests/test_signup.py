# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import VolunteerCase


@tagged("post_install", "-at_install")
class TestSignup(VolunteerCase):
    def test_signup_and_withdraw(self):
        shift = self._shift(capacity=2)
        attendance = shift._concierge_signup(self.alice)
        self.assertEqual(attendance.state, "registered")
        self.assertEqual(shift.seats_taken, 1)
        self.assertEqual(shift.seats_available, 1)
        shift._concierge_withdraw(self.alice)
        self.assertFalse(attendance.exists())
        self.assertEqual(shift.seats_available, 2)

    def test_cannot_sign_up_twice(self):
        shift = self._shift(capacity=3)
        shift._concierge_signup(self.alice)
        with self.assertRaisesRegex(
            ValidationError, "already registered for the shift"
        ):
            shift._concierge_signup(self.alice)

    def test_cannot_sign_up_beyond_capacity(self):
        shift = self._shift(capacity=1)
        shift._concierge_signup(self.alice)
        with self.assertRaisesRegex(ValidationError, "is full"):
            shift._concierge_signup(self.bruno)
        self.assertEqual(shift.seats_taken, 1)

    def test_cannot_sign_up_for_overlapping_shifts(self):
        start = (fields.Datetime.now() + timedelta(days=5)).replace(microsecond=0)
        first = self._shift(start=start, hours=3)
        overlapping = self._shift(start=start + timedelta(hours=2), hours=3)
        before = self._shift(start=start - timedelta(hours=2), hours=2)
        first._concierge_signup(self.alice)
        with self.assertRaisesRegex(ValidationError, "at the same time"):
            overlapping._concierge_signup(self.alice)
        # back-to-back shifts do not overlap
        before._concierge_signup(self.alice)
        # an excused registration frees the volunteer
        first.attendance_ids.action_excused()
        overlapping._concierge_signup(self.alice)

    def test_cannot_sign_up_or_withdraw_after_deadline(self):
        shift = self._shift(start=fields.Datetime.now() + timedelta(hours=30))
        shift._concierge_signup(self.alice)
        self.company.concierge_volunteer_signup_delay = 48
        with self.assertRaisesRegex(UserError, "deadline"):
            shift._concierge_signup(self.bruno)
        with self.assertRaisesRegex(UserError, "deadline"):
            shift._concierge_withdraw(self.alice)
        self.assertEqual(shift.seats_taken, 1)

    def test_signup_requires_skills_open_shift_and_volunteer(self):
        delivery = self._shift(mission=self.mission_delivery)
        with self.assertRaisesRegex(UserError, "skills"):
            delivery._concierge_signup(self.alice)
        delivery._concierge_signup(self.bruno)
        draft = self._shift(state="draft")
        with self.assertRaisesRegex(UserError, "not open"):
            draft._concierge_signup(self.alice)
        not_volunteer = self.env["res.partner"].create({"name": "Simple client"})
        with self.assertRaisesRegex(UserError, "not registered as a volunteer"):
            self._shift()._concierge_signup(not_volunteer)

    def test_open_shifts_match_skills(self):
        desk = self._shift()
        delivery = self._shift(mission=self.mission_delivery)
        event = self._shift(mission=self.mission_event)
        past = self._shift(start=fields.Datetime.now() - timedelta(days=2))
        Shift = self.env["concierge.volunteer.shift"]
        alice_shifts = Shift._concierge_open_for(self.alice)
        self.assertIn(desk, alice_shifts)
        self.assertIn(event, alice_shifts)
        self.assertNotIn(delivery, alice_shifts)
        self.assertNotIn(past, alice_shifts)
        self.assertIn(delivery, Shift._concierge_open_for(self.bruno))
        chloe_shifts = Shift._concierge_open_for(self.chloe)
        self.assertIn(event, chloe_shifts)
        self.assertNotIn(desk, chloe_shifts)

    def test_withdraw_without_registration(self):
        shift = self._shift()
        with self.assertRaisesRegex(UserError, "not registered for the shift"):
            shift._concierge_withdraw(self.alice)
