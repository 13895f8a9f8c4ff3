# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import VolunteerCase


@tagged("post_install", "-at_install")
class TestSecurity(VolunteerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.denise = cls.portal_user.partner_id
        cls.open_shift = cls._shift()
        cls.draft_shift = cls._shift(state="draft")
        cls.own = cls._attend(cls.open_shift, cls.denise, "registered")
        cls.other = cls._attend(cls.open_shift, cls.alice, "registered")
        cls.done_shift = cls._shift(start=cls._at(2030, 5, 6), state="done")
        cls.own_done = cls._attend(cls.done_shift, cls.denise)
        other_mission = cls.env["concierge.volunteer.mission"].create(
            {"name": "Mission ailleurs", "company_id": cls.other_company.id}
        )
        cls.foreign_shift = cls.env["concierge.volunteer.shift"].create(
            {
                "mission_id": other_mission.id,
                "site_id": cls.other_site.id,
                "company_id": cls.other_company.id,
                "date_start": cls._at(2030, 5, 6),
                "date_end": cls._at(2030, 5, 6, 12),
            }
        )

    def test_portal_sees_own_attendance_only(self):
        Attendance = self.env["concierge.volunteer.attendance"].with_user(
            self.portal_user
        )
        self.assertEqual(Attendance.search([]), self.own | self.own_done)
        with self.assertRaises(AccessError):
            self.other.with_user(self.portal_user).read(["hours"])
        with self.assertRaises(AccessError):
            self.own.with_user(self.portal_user).write({"state": "attended"})
        with self.assertRaises(AccessError):
            Attendance.create(
                {"shift_id": self.open_shift.id, "partner_id": self.denise.id}
            )

    def test_portal_sees_open_shifts_and_own(self):
        Shift = self.env["concierge.volunteer.shift"].with_user(self.portal_user)
        shifts = Shift.search([])
        self.assertIn(self.open_shift, shifts)
        self.assertIn(self.done_shift, shifts)
        self.assertNotIn(self.draft_shift, shifts)
        self.assertNotIn(self.foreign_shift, shifts)
        with self.assertRaises(AccessError):
            self.open_shift.with_user(self.portal_user).write({"capacity": 9})

    def test_portal_cannot_read_volunteer_personal_data(self):
        self.alice.concierge_emergency_contact = "Fils : 06 11 22 33 44"
        with self.assertRaises(AccessError):
            self.alice.with_user(self.portal_user).read(["concierge_emergency_contact"])

    def test_multi_company(self):
        Shift = self.env["concierge.volunteer.shift"].with_user(self.concierge)
        self.assertNotIn(self.foreign_shift, Shift.search([]))
        self.concierge.write({"company_ids": [Command.link(self.other_company.id)]})
        visible = Shift.with_context(
            allowed_company_ids=[self.company.id, self.other_company.id]
        ).search([])
        self.assertIn(self.foreign_shift, visible)

    def test_valuation_read_only_for_concierges(self):
        Valuation = self.env["concierge.volunteer.valuation"].with_user(self.concierge)
        with self.assertRaises(AccessError):
            Valuation.create({"date_from": "2030-01-01", "date_to": "2030-01-31"})
        with self.assertRaises(AccessError):
            self.env["concierge.volunteer.valuation"].with_user(
                self.portal_user
            ).search([])
