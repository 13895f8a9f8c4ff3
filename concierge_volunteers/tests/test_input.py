# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date, timedelta

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import VolunteerCase


@tagged("post_install", "-at_install")
class TestInput(VolunteerCase):
    """What a concierge types on shifts, attendances and volunteers is checked;
    a refused valuation posts nothing."""

    def test_shift_fits_in_a_day(self):
        shift = self._shift(hours=24)
        self.assertEqual(shift.duration, 24.0)
        with self.assertRaisesRegex(
            ValidationError, "lasts more than 24 hours: check its start and end"
        ):
            shift.date_end = shift.date_start + timedelta(hours=24, minutes=1)
        with self.assertRaisesRegex(ValidationError, "lasts more than 24 hours"):
            self._shift(hours=72)

    def test_attendance_hours_at_most_a_day(self):
        attendance = self._attend(self._shift(hours=8), self.alice)
        # a manager confirms more than the shift, within a day
        attendance.with_user(self.manager).write({"hours": 10, "hours_override": True})
        self.assertEqual(attendance.hours, 10)
        with self.assertRaisesRegex(ValidationError, "25.0 hours is more than a day"):
            attendance.with_user(self.manager).write({"hours": 25})

    def test_volunteer_contact_data(self):
        with self.assertRaisesRegex(
            ValidationError, "phone number 06 of Eva Bénévole is not a phone"
        ):
            self.env["res.partner"].create(
                {"name": "Eva Bénévole", "concierge_is_volunteer": True, "phone": "06"}
            )
        contact = self.env["res.partner"].create(
            {"name": "Félix", "email": "felix.example.com"}
        )
        with self.assertRaisesRegex(ValidationError, "felix.example.com of Félix"):
            contact.concierge_is_volunteer = True
        contact.write({"email": "felix@example.com", "concierge_is_volunteer": True})
        self.assertTrue(contact.concierge_is_volunteer)

    def test_refused_valuation_posts_no_entry(self):
        shift = self._shift(start=self._at(2031, 3, 4), hours=3)
        self._attend(shift, self.alice)
        Valuation = self.env["concierge.volunteer.valuation"]
        march = Valuation.create(
            {"date_from": date(2031, 3, 1), "date_to": date(2031, 3, 31)}
        )
        empty = Valuation.create(
            {"date_from": date(2031, 4, 1), "date_to": date(2031, 4, 30)}
        )
        Move = self.env["account.move"]
        moves = Move.search_count([])
        # called as a script does, without a savepoint around the call: what
        # the refused call wrote would stay visible here
        try:
            (march | empty).with_user(self.manager).action_post()
        except UserError as error:
            self.assertRegex(str(error), "no volunteer time to value")
        else:
            self.fail("a valuation without volunteer time was posted")
        self.assertEqual(Move.search_count([]), moves)
        self.assertFalse(march.move_id)
        march.with_user(self.manager).action_post()
        self.assertEqual(march.state, "posted")
        self.assertEqual(Move.search_count([]), moves + 1)
