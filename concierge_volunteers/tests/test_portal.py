# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import timedelta

from odoo import Command, fields, http
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPortalTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        skill = cls.env["concierge.volunteer.skill"].create(
            {"name": "Accueil (visite)"}
        )
        site = cls.env["concierge.site"].create(
            {"name": "Site de la visite bénévole", "site_type": "shop"}
        )
        cls.mission = cls.env["concierge.volunteer.mission"].create(
            {
                "name": "Permanence de la visite",
                "mission_type": "desk",
                "site_id": site.id,
                "skill_ids": [Command.set(skill.ids)],
            }
        )
        other = cls.env["concierge.volunteer.mission"].create(
            {
                "name": "Mission sans la compétence",
                "mission_type": "delivery",
                "site_id": site.id,
                "skill_ids": [Command.create({"name": "Compétence absente (visite)"})],
            }
        )
        start = (fields.Datetime.now() + timedelta(days=9)).replace(microsecond=0)
        Shift = cls.env["concierge.volunteer.shift"]
        cls.shift = Shift.create(
            {
                "mission_id": cls.mission.id,
                "date_start": start,
                "date_end": start + timedelta(hours=3),
                "capacity": 2,
            }
        )
        cls.hidden = Shift.create(
            {
                "mission_id": other.id,
                "date_start": start,
                "date_end": start + timedelta(hours=3),
            }
        )
        cls.user = new_test_user(
            cls.env,
            login="benevole_visite",
            password="benevole_visite",
            groups="base.group_portal",
            name="Gaston Visite",
        )
        cls.user.partner_id.write(
            {
                "concierge_is_volunteer": True,
                "concierge_volunteer_skill_ids": [Command.set(skill.ids)],
            }
        )

    def test_volunteer_signs_up_on_portal(self):
        self.start_tour(
            "/my", "concierge_volunteers_portal_tour", login="benevole_visite"
        )
        attendance = self.shift.attendance_ids
        self.assertEqual(attendance.partner_id, self.user.partner_id)
        self.assertEqual(attendance.state, "registered")
        self.assertFalse(self.hidden.attendance_ids)

    def test_portal_pages_refuse_bad_sign_up(self):
        self.authenticate("benevole_visite", "benevole_visite")
        page = self.url_open("/my/volunteer/shifts")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Permanence de la visite", page.text)
        self.assertNotIn("Mission sans la compétence", page.text)
        response = self.url_open(
            "/my/volunteer/shifts/%s/signup" % self.hidden.id,
            data={"csrf_token": http.Request.csrf_token(self)},
        )
        self.assertIn("skills", response.url + response.text)
        self.assertFalse(self.hidden.attendance_ids)
        hours = self.url_open("/my/volunteer/hours")
        self.assertEqual(hours.status_code, 200)
        self.assertIn("o_volunteer_hours_total", hours.text)

    def test_refused_sign_up_leaves_no_attendance(self):
        """The shift refuses the sign-up once the attendance is written (full,
        or at the same time as another one): the portal shows the sentence
        and keeps no attendance."""
        full = self.shift.copy({"capacity": 1})
        other = self.env["res.partner"].create(
            {"name": "Autre bénévole", "concierge_is_volunteer": True}
        )
        self.env["concierge.volunteer.attendance"].create(
            {"shift_id": full.id, "partner_id": other.id}
        )
        Attendance = self.env["concierge.volunteer.attendance"]
        before = Attendance.search_count([])
        self.authenticate("benevole_visite", "benevole_visite")
        for shift, message in (
            (full, "is full"),
            (self.shift, None),  # signed up
            (self.shift.copy(), "at the same time as"),
        ):
            response = self.url_open(
                "/my/volunteer/shifts/%s/signup" % shift.id,
                data={"csrf_token": http.Request.csrf_token(self)},
            )
            self.assertEqual(response.status_code, 200)
            if message:
                self.assertIn(message, response.text)
        self.assertEqual(Attendance.search_count([]), before + 1)
        self.assertEqual(
            Attendance.search([("partner_id", "=", self.user.partner_id.id)]).shift_id,
            self.shift,
        )
