# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import VolunteerCase

CODES = ("volunteer_hours", "active_volunteers", "vulnerable_deliveries")


@tagged("post_install", "-at_install")
class TestVolunteerPrivacy(VolunteerCase):
    """The volunteers' part of the export, the anonymisation and the purge."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alice.write(
            {
                "concierge_volunteer_availability": "Mardi matin",
                "concierge_emergency_contact": "Son fils : 06 11 22 33 44",
            }
        )
        cls.served = cls.env["res.partner"].create(
            {
                "name": "Germaine Servie",
                "concierge_beneficiary_type": "inhabitant",
                "concierge_site_id": cls.site.id,
                # a vulnerable person: the delivery counts as one to her
                "concierge_vulnerable": True,
                # consent given long ago: the retention test finds her inactive
                "concierge_consent_date": fields.Date.today() - timedelta(days=900),
            }
        )
        cls.request = cls.env["concierge.service.request"].create(
            {"partner_id": cls.served.id, "site_id": cls.site.id}
        )
        start = cls._at(2026, 3, 10)
        cls.delivery = cls._shift(
            cls.mission_delivery,
            start=start,
            note="Chez Mme Servie, 5 place de l'Église, digicode 1234",
            service_request_id=cls.request.id,
        )
        cls._attend(cls.delivery, cls.alice)
        cls.delivery.action_done()
        cls.month = start.date().replace(day=1)

    def _indicators(self):
        indicators = self.env["concierge.indicator"].search([("code", "in", CODES)])
        values = self.env["concierge.indicator.value"]._recompute_period(
            self.month, indicators=indicators
        )
        return {(v.indicator_id.code, v.site_id.id): v.value for v in values}

    def test_export_of_a_volunteer_and_of_the_person_served(self):
        data = self.alice.with_user(self.manager)._concierge_privacy_export()
        [volunteer] = data["sections"]["volunteer"]["records"]
        self.assertEqual(volunteer["concierge_volunteer_availability"], "Mardi matin")
        skills = volunteer["concierge_volunteer_skill_ids"]
        self.assertEqual(skills, ["Comptoir (test)"])
        [attendance] = data["sections"]["volunteer_attendances"]["records"]
        self.assertEqual(attendance["shift_id"], self.delivery.name)
        self.assertEqual(attendance["hours"], 3.0)
        served = self.served.with_user(self.manager)._concierge_privacy_export()
        [shift] = served["sections"]["served_shifts"]["records"]
        self.assertIn("digicode 1234", shift["note"])
        self.assertNotIn("volunteer", served["sections"])

    def test_anonymise_keeps_hours_and_indicators(self):
        self.request.action_cancel()  # an open request would be refused
        before = self._indicators()
        self.assertEqual(before[("volunteer_hours", self.site.id)], 3.0)
        self.assertEqual(before[("vulnerable_deliveries", self.site.id)], 1)
        (self.alice | self.served).with_user(self.manager).action_concierge_anonymize()
        self.assertFalse(self.alice.concierge_volunteer_availability)
        self.assertFalse(self.alice.concierge_emergency_contact)
        self.assertTrue(self.alice.concierge_is_volunteer)
        self.assertFalse(self.delivery.note, "the address of the person served")
        self.assertEqual(self.delivery.attendance_ids.hours, 3.0)
        self.assertEqual(self._indicators(), before)

    def test_upcoming_registration_refused(self):
        self._attend(self._shift(), self.bruno, "registered")
        with self.assertRaisesRegex(UserError, "upcoming volunteer shifts"):
            self.bruno.with_user(self.manager).action_concierge_anonymize()
        self.assertEqual(self.bruno.name, "Bruno Bénévole")

    def test_retention_purges_volunteer_free_text(self):
        old = fields.Datetime.now() - timedelta(days=800)
        self.env.cr.execute(
            "UPDATE res_partner SET create_date = %s WHERE id IN %s",
            (old, (self.alice.id, self.served.id)),
        )
        self.env.cr.execute(
            "UPDATE concierge_volunteer_attendance SET date_start = %s"
            " WHERE partner_id = %s",
            (old, self.alice.id),
        )
        self.env.cr.execute(
            "UPDATE concierge_service_request SET request_date = %s WHERE id = %s",
            (old, self.request.id),
        )
        self.served.comment = "<p>Fragile</p>"
        self.env.invalidate_all()
        self.env["res.partner"]._cron_concierge_privacy_purge()
        self.assertFalse(self.alice.concierge_volunteer_availability)
        self.assertFalse(self.alice.concierge_emergency_contact)
        self.assertEqual(self.alice.name, "Alice Bénévole")
        self.assertFalse(self.delivery.note)
        logs = self.env["concierge.privacy.log"].search([("action", "=", "purge")])
        self.assertEqual(logs.partner_id, self.alice | self.served)
        served_log = logs.filtered(lambda log: log.partner_id == self.served)
        self.assertIn("Notes of the deliveries and visits", served_log.detail)
        # Bruno, attending nothing but created today, keeps his data
        self.bruno.concierge_emergency_contact = "Sa sœur"
        self.env["res.partner"]._cron_concierge_privacy_purge()
        self.assertEqual(self.bruno.concierge_emergency_contact, "Sa sœur")
