# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import datetime, timedelta

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import new_test_user

from odoo.addons.concierge_base.tests.common import ConciergeCase


class VolunteerCase(ConciergeCase):
    """Skills, volunteers, missions and accounts for the volunteer tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Skill = cls.env["concierge.volunteer.skill"]
        cls.skill_desk = Skill.create({"name": "Comptoir (test)"})
        cls.skill_driving = Skill.create({"name": "Conduite (test)"})
        Partner = cls.env["res.partner"]
        cls.alice = Partner.create(
            {
                "name": "Alice Bénévole",
                "concierge_is_volunteer": True,
                "concierge_volunteer_skill_ids": [Command.set(cls.skill_desk.ids)],
            }
        )
        cls.bruno = Partner.create(
            {
                "name": "Bruno Bénévole",
                "concierge_is_volunteer": True,
                "concierge_volunteer_skill_ids": [
                    Command.set((cls.skill_desk | cls.skill_driving).ids)
                ],
            }
        )
        cls.chloe = Partner.create(
            {"name": "Chloé Bénévole", "concierge_is_volunteer": True}
        )
        Mission = cls.env["concierge.volunteer.mission"]
        cls.mission_desk = Mission.create(
            {
                "name": "Permanence (test)",
                "mission_type": "desk",
                "site_id": cls.site.id,
                "skill_ids": [Command.set(cls.skill_desk.ids)],
            }
        )
        cls.mission_delivery = Mission.create(
            {
                "name": "Livraison (test)",
                "mission_type": "delivery",
                "site_id": cls.site.id,
                "skill_ids": [Command.set(cls.skill_driving.ids)],
            }
        )
        cls.mission_event = Mission.create(
            {"name": "Atelier (test)", "mission_type": "event", "site_id": cls.site.id}
        )
        Account = cls.env["account.account"]
        cls.account_864 = Account.create(
            {
                "code": "864901",
                "name": "Personnel bénévole (test)",
                "account_type": "off_balance",
            }
        )
        cls.account_875 = Account.create(
            {
                "code": "875901",
                "name": "Bénévolat (test)",
                "account_type": "off_balance",
                "concierge_source_category": "volunteer_time",
            }
        )
        cls.journal = cls.env["account.journal"].create(
            {"name": "Bénévolat (test)", "code": "BNVT", "type": "general"}
        )
        cls.company.write(
            {
                "concierge_volunteer_hourly_rate": 15.0,
                "concierge_volunteer_expense_account_id": cls.account_864.id,
                "concierge_volunteer_income_account_id": cls.account_875.id,
                "concierge_volunteer_journal_id": cls.journal.id,
                "concierge_volunteer_signup_delay": 24,
            }
        )
        cls.portal_user = new_test_user(
            cls.env,
            login="volunteer_portal_test",
            groups="base.group_portal",
            name="Denise Portail",
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.portal_user.partner_id.write(
            {
                "concierge_is_volunteer": True,
                "concierge_volunteer_skill_ids": [Command.set(cls.skill_desk.ids)],
            }
        )

    @classmethod
    def _shift(cls, mission=None, start=None, hours=3, capacity=2, **vals):
        """A shift starting at ``start`` (default: in ten days), in ``state``
        (draft, open, or done/cancelled through its button)."""
        start = start or (fields.Datetime.now() + timedelta(days=10)).replace(
            minute=0, second=0, microsecond=0
        )
        state = vals.pop("state", "open")
        if state in ("draft", "open"):
            vals["state"] = state
        shift = cls.env["concierge.volunteer.shift"].create(
            {
                "mission_id": (mission or cls.mission_desk).id,
                "site_id": cls.site.id,
                "date_start": start,
                "date_end": start + timedelta(hours=hours),
                "capacity": capacity,
                **vals,
            }
        )
        if state == "done":
            shift.action_done()
        elif state == "cancelled":
            shift.action_cancel()
        return shift

    @classmethod
    def _attend(cls, shift, partner, state="attended"):
        return cls.env["concierge.volunteer.attendance"].create(
            {"shift_id": shift.id, "partner_id": partner.id, "state": state}
        )

    def assertTransitionsRefused(self, refused):
        """Each ``(record, button, label)`` of ``refused`` is refused by the
        state guard with its sentence, and leaves the record's state."""
        for record, method, label in refused:
            state = record.state
            with self.subTest(state=state, method=method):
                with self.assertRaisesRegex(
                    UserError, f"{label} is not possible for .*: it is "
                ):
                    getattr(record, method)()
                self.assertEqual(record.state, state)

    @staticmethod
    def _at(year, month, day, hour=9):
        return datetime(year, month, day, hour, 0)
