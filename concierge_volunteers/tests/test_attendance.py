# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import VolunteerCase


@tagged("post_install", "-at_install")
class TestAttendance(VolunteerCase):
    def test_hours_follow_state_and_shift(self):
        shift = self._shift(start=self._at(2030, 2, 4), hours=3)
        attendance = self._attend(shift, self.alice, "registered")
        self.assertEqual(attendance.hours, 0.0)
        attendance.action_attended()
        self.assertEqual(attendance.hours, 3.0)
        self.assertEqual(attendance.date.isoformat(), "2030-02-04")
        shift.date_end = self._at(2030, 2, 4, 13)
        self.assertEqual(attendance.hours, 4.0)
        attendance.action_absent()
        self.assertEqual(attendance.hours, 0.0)

    def test_concierge_can_lower_hours(self):
        shift = self._shift(start=self._at(2030, 2, 4), hours=3)
        attendance = self._attend(shift, self.alice).with_user(self.concierge)
        attendance.hours = 1.5
        self.assertEqual(attendance.hours, 1.5)

    def test_hours_above_shift_length_need_a_manager(self):
        shift = self._shift(start=self._at(2030, 2, 4), hours=3)
        attendance = self._attend(shift, self.alice)
        with self.assertRaisesRegex(ValidationError, "A manager must confirm"):
            attendance.with_user(self.concierge).hours = 5
        with self.assertRaises(AccessError):
            attendance.with_user(self.concierge).write(
                {"hours": 5, "hours_override": True}
            )
        attendance.with_user(self.manager).write({"hours": 5, "hours_override": True})
        self.assertEqual(attendance.hours, 5.0)

    def test_negative_hours_refused(self):
        shift = self._shift(start=self._at(2030, 2, 4), hours=3)
        attendance = self._attend(shift, self.alice)
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            attendance.hours = -1

    def test_only_volunteers_attend(self):
        shift = self._shift(start=self._at(2030, 2, 4))
        client = self.env["res.partner"].create({"name": "Client"})
        with self.assertRaisesRegex(ValidationError, "not registered as a volunteer"):
            self._attend(shift, client)
