# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.concierge_base.tests.common import ConciergeCase


@tagged("post_install", "-at_install")
class TestVolunteer(ConciergeCase):
    def test_volunteer_with_skills(self):
        skill = self.env["concierge.volunteer.skill"].create({"name": "Couture"})
        volunteer = self.env["res.partner"].create(
            {
                "name": "Bénévole test",
                "concierge_is_volunteer": True,
                "concierge_volunteer_skill_ids": [Command.set(skill.ids)],
            }
        )
        found = self.env["res.partner"].search(
            [("concierge_volunteer_skill_ids", "in", skill.ids)]
        )
        self.assertEqual(found, volunteer)
        # kanban cards do not show tags of color 0
        self.assertTrue(1 <= skill.color <= 11)
        for xmlid in ("skill_desk", "skill_driving", "skill_paperwork"):
            self.assertTrue(self.env.ref(f"concierge_volunteers.{xmlid}").color)

    def test_volunteer_kanban_shows_skills_and_charter(self):
        view = self.env.ref(
            "concierge_volunteers.res_partner_view_kanban_concierge_volunteer"
        )
        arch = self.env["res.partner"].get_view(view.id, "kanban")["arch"]
        for name in (
            "concierge_volunteer_skill_ids",
            "concierge_volunteer_availability",
            "concierge_volunteer_charter_date",
        ):
            self.assertIn(f'name="{name}"', arch)

    def test_company_cannot_be_volunteer(self):
        with self.assertRaisesRegex(ValidationError, "only people can be volunteers"):
            self.env["res.partner"].create(
                {"name": "Société", "is_company": True, "concierge_is_volunteer": True}
            )

    def test_personal_data_reserved_to_conciergerie_groups(self):
        volunteer = self.env["res.partner"].create(
            {
                "name": "Bénévole discret",
                "concierge_is_volunteer": True,
                "concierge_emergency_contact": "Fille : 06 00 00 00 00",
            }
        )
        data = volunteer.with_user(self.concierge).read(["concierge_emergency_contact"])
        self.assertEqual(
            data[0]["concierge_emergency_contact"], "Fille : 06 00 00 00 00"
        )
        with self.assertRaises(AccessError):
            volunteer.with_user(self.salesman).read(["concierge_emergency_contact"])
