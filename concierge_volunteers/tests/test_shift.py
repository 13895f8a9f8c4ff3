# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date, timedelta

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import VolunteerCase


@tagged("post_install", "-at_install")
class TestShift(VolunteerCase):
    def test_duration_and_site_from_mission(self):
        shift = self.env["concierge.volunteer.shift"].create(
            {
                "mission_id": self.mission_desk.id,
                "date_start": self._at(2030, 3, 5, 8),
                "date_end": self._at(2030, 3, 5, 11) + timedelta(minutes=30),
            }
        )
        self.assertEqual(shift.site_id, self.site)
        self.assertAlmostEqual(shift.duration, 3.5)
        self.assertEqual(shift.state, "open")
        self.assertEqual(shift.seats_available, 1)

    def test_shift_ending_before_start_refused(self):
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self._shift(start=self._at(2030, 3, 5), hours=-2)
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self._shift(start=self._at(2030, 3, 5), hours=0)

    def test_zero_or_negative_capacity_refused(self):
        for capacity in (0, -3):
            with self.assertRaisesRegex(ValidationError, "greater than zero"):
                self._shift(capacity=capacity)

    def test_capacity_cannot_drop_below_registrations(self):
        shift = self._shift(capacity=2)
        self._attend(shift, self.alice, "registered")
        self._attend(shift, self.bruno, "registered")
        with self.assertRaisesRegex(ValidationError, "already has 2 volunteers"):
            shift.capacity = 1

    def test_done_marks_registered_as_attended(self):
        shift = self._shift(start=self._at(2030, 3, 5), hours=3)
        present = self._attend(shift, self.alice, "registered")
        absent = self._attend(shift, self.bruno, "absent")
        shift.action_done()
        self.assertEqual(shift.state, "done")
        self.assertEqual(present.state, "attended")
        self.assertEqual(present.hours, 3.0)
        self.assertEqual(absent.state, "absent")
        self.assertEqual(absent.hours, 0.0)

    def test_cancel_excuses_registered_volunteers(self):
        shift = self._shift()
        attendance = self._attend(shift, self.alice, "registered")
        shift.action_cancel()
        self.assertEqual(shift.state, "cancelled")
        self.assertEqual(attendance.state, "excused")
        self.assertEqual(shift.seats_taken, 0)

    def test_illegal_transitions_refused(self):
        """What the form hides in a state, the model refuses in that state."""
        draft = self._shift(state="draft")
        done, cancelled = self._shift(), self._shift()
        done.action_done()
        cancelled.action_cancel()
        refused = [
            (draft, "action_done", "Marking as done"),
            (draft, "action_draft", "Resetting to draft"),
            (done, "action_open", "Opening for sign-up"),
            (done, "action_cancel", "Cancelling"),
            (done, "action_draft", "Resetting to draft"),
            (cancelled, "action_done", "Marking as done"),
            (cancelled, "action_open", "Opening for sign-up"),
        ]
        self.assertTransitionsRefused(refused)
        # the allowed way back: cancelled -> draft -> open
        self.assertIs(cancelled.action_draft(), True)
        self.assertIs(cancelled.action_open(), True)
        self.assertEqual(cancelled.state, "open")

    def test_attendance_of_a_cancelled_shift_cannot_be_marked(self):
        shift = self._shift()
        attendance = self._attend(shift, self.alice, "registered")
        shift.action_cancel()
        for method in ("action_attended", "action_absent", "action_excused"):
            with self.subTest(method=method):
                with self.assertRaisesRegex(UserError, "is cancelled"):
                    getattr(attendance, method)()
        self.assertEqual(attendance.state, "excused")

    def _recurrence(self, **vals):
        return self.env["concierge.volunteer.shift.recurrence"].create(
            {
                "mission_id": self.mission_desk.id,
                "site_id": self.site.id,
                "date_from": date(2030, 1, 1),
                "date_to": date(2030, 1, 31),
                "hour_from": 9.0,
                "hour_to": 12.5,
                "capacity": 3,
                **vals,
            }
        )

    def test_recurring_shifts_from_weekly_pattern(self):
        self.concierge.tz = "Europe/Paris"
        wizard = self._recurrence(tue=True, sat=True)
        vals_list = wizard.with_user(self.concierge)._prepare_shift_vals()
        # January 2030: 5 Tuesdays (1, 8, 15, 22, 29) and 4 Saturdays
        self.assertEqual(len(vals_list), 9)
        action = wizard.with_user(self.concierge).action_create_shifts()
        shifts = self.env["concierge.volunteer.shift"].browse(action["domain"][0][2])
        self.assertEqual(len(shifts), 9)
        self.assertEqual(set(shifts.mapped("capacity")), {3})
        self.assertEqual({s.date_start.weekday() for s in shifts}, {1, 5})
        for shift in shifts:
            self.assertAlmostEqual(shift.duration, 3.5)
        # the concierge's timezone is Europe/Paris: 09:00 in winter is 08:00 UTC
        first = shifts.sorted("date_start")[0]
        self.assertEqual(first.date_start, self._at(2030, 1, 1, 8))

    def test_recurrence_needs_a_weekday_and_valid_hours(self):
        with self.assertRaisesRegex(UserError, "at least one day"):
            self._recurrence()._prepare_shift_vals()
        with self.assertRaisesRegex(ValidationError, "end after they start"):
            self._recurrence(mon=True, hour_from=14.0, hour_to=10.0)
        with self.assertRaisesRegex(ValidationError, "greater than zero"):
            self._recurrence(mon=True, capacity=0)
