# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import json
from datetime import date, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import ConciergeCase

REPORT = "concierge_base.action_report_concierge_privacy_export"


class PrivacyCase(ConciergeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls.env["res.partner"].create(
            {
                "name": "Marcelle Fragile",
                "email": "marcelle.fragile@example.com",
                "phone": "06 12 34 56 78",
                "mobile": "06 98 76 54 32",
                "street": "12 chemin des Vignes",
                "zip": "69670",
                "city": "Vaugneray",
                "comment": "<p>Malentendante : parler fort</p>",
                "concierge_beneficiary_type": "inhabitant",
                "concierge_site_id": cls.site.id,
                "concierge_employer_id": cls.employer.id,
                "concierge_vulnerable": True,
                "concierge_consent_date": date(2026, 1, 5),
            }
        )

    @classmethod
    def _age(cls, partners, days):
        """Make ``partners`` created ``days`` ago (and their consent)."""
        when = fields.Datetime.now() - timedelta(days=days)
        cls.env.cr.execute(
            "UPDATE res_partner SET create_date = %s WHERE id IN %s",
            (when, tuple(partners.ids)),
        )
        cls.env.invalidate_all()
        partners.filtered("concierge_consent_date").concierge_consent_date = when.date()
        return when


@tagged("post_install", "-at_install")
class TestPrivacyExport(PrivacyCase):
    def test_export_as_manager(self):
        data = self.person.with_user(self.manager)._concierge_privacy_export()
        sections = data["sections"]
        [contact] = sections["contact"]["records"]
        self.assertEqual(contact["name"], "Marcelle Fragile")
        self.assertEqual(contact["email"], "marcelle.fragile@example.com")
        self.assertEqual(contact["phone"], "+33612345678")
        self.assertIn("parler fort", contact["comment"])
        [beneficiary] = sections["beneficiary"]["records"]
        self.assertIs(beneficiary["concierge_vulnerable"], True)
        self.assertEqual(beneficiary["concierge_consent_date"], "2026-01-05")
        self.assertEqual(beneficiary["concierge_employer_id"], "Entreprise cliente")
        self.assertEqual(beneficiary["concierge_beneficiary_type"], "Inhabitant")
        self.assertEqual(
            sections["beneficiary"]["fields"]["concierge_vulnerable"],
            "Vulnerable person",
        )
        # everything is JSON
        self.assertEqual(json.loads(json.dumps(data)), data)
        log = self.env["concierge.privacy.log"].search(
            [("partner_id", "=", self.person.id)]
        )
        self.assertEqual(log.action, "export")
        self.assertEqual(log.user_id, self.manager)
        self.assertNotIn("Marcelle", log.partner_ref)

    def test_export_refused_to_a_concierge(self):
        with self.assertRaisesRegex(AccessError, "Only a Conciergerie manager"):
            self.person.with_user(self.concierge)._concierge_privacy_export()
        with self.assertRaisesRegex(AccessError, "Only a Conciergerie manager"):
            self.person.with_user(self.concierge).action_concierge_privacy_export_json()
        with self.assertRaises(AccessError):
            self.env["concierge.privacy.log"].with_user(self.concierge).search([])
        self.assertFalse(self.env["concierge.privacy.log"].search([]))

    def test_buttons_return_actions(self):
        person = self.person.with_user(self.manager)
        action = person.action_concierge_privacy_export_json()
        self.assertEqual(action["type"], "ir.actions.act_url")
        url = f"/concierge/privacy/{self.person.id}/export.json"
        self.assertEqual(action["url"], url)
        action = person.action_concierge_privacy_export_pdf()
        self.assertEqual(action["report_name"], "concierge_base.report_privacy_export")

    def test_pdf(self):
        html, __ = (
            self.env["ir.actions.report"]
            .with_user(self.manager)
            ._render_qweb_html(REPORT, self.person.ids)
        )
        html = html.decode()
        self.assertIn("Marcelle Fragile", html)
        self.assertIn("12 chemin des Vignes", html)
        self.assertIn("Vulnerable person", html)
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.concierge)._render_qweb_html(
                REPORT, self.person.ids
            )

    def test_log_is_read_only_for_managers(self):
        self.person.with_user(self.manager)._concierge_privacy_export()
        log = self.env["concierge.privacy.log"].with_user(self.manager).search([])
        self.assertEqual(len(log), 1)
        with self.assertRaises(AccessError):
            log.write({"detail": "changé"})
        with self.assertRaises(AccessError):
            log.unlink()


@tagged("post_install", "-at_install")
class TestPrivacyAnonymize(PrivacyCase):
    def test_anonymise(self):
        self.person.with_context(tracking_disable=False).message_post(
            body="Appel de sa voisine au sujet de Marcelle"
        )
        result = self.person.with_user(self.manager).action_concierge_anonymize()
        self.assertIs(result, True)
        person = self.person
        self.assertEqual(person.name, f"Anonymised person #{person.id}")
        for fname in ("email", "phone", "mobile", "street", "zip", "city", "comment"):
            self.assertFalse(person[fname], fname)
        self.assertFalse(person.concierge_vulnerable)
        self.assertFalse(person.concierge_consent_date)
        self.assertTrue(person.concierge_anonymized_date)
        self.assertTrue(person.concierge_anonymized_vulnerable)
        # what counts stays
        self.assertEqual(person.concierge_beneficiary_type, "inhabitant")
        self.assertEqual(person.concierge_site_id, self.site)
        self.assertEqual(person.concierge_employer_id, self.employer)
        # the chatter keeps no former value, only the anonymisation
        bodies = " ".join(str(body) for body in person.message_ids.mapped("body"))
        self.assertNotIn("Marcelle", bodies)
        self.assertIn("anonymised on request", bodies)
        log = self.env["concierge.privacy.log"].search(
            [("partner_id", "=", person.id), ("action", "=", "anonymize")]
        )
        self.assertEqual(log.user_id, self.manager)
        self.assertNotIn("Marcelle", log.detail)
        data = person.with_user(self.manager)._concierge_privacy_export()
        self.assertNotIn("Marcelle", json.dumps(data))
        with self.assertRaisesRegex(UserError, "already anonymised"):
            person.with_user(self.manager).action_concierge_anonymize()

    def test_anonymise_refusals(self):
        with self.assertRaisesRegex(AccessError, "Only a Conciergerie manager"):
            self.person.with_user(self.concierge).action_concierge_anonymize()
        with self.assertRaisesRegex(UserError, "is a company"):
            self.employer.with_user(self.manager).action_concierge_anonymize()
        with self.assertRaisesRegex(UserError, "has a user account"):
            self.concierge.partner_id.with_user(
                self.manager
            ).action_concierge_anonymize()
        product = self.env["product.product"].create({"name": "Service brouillon"})
        draft = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.person.id,
                "invoice_line_ids": [
                    Command.create({"product_id": product.id, "price_unit": 10.0})
                ],
            }
        )
        with self.assertRaisesRegex(UserError, "in draft"):
            self.person.with_user(self.manager).action_concierge_anonymize()
        self.assertEqual(self.person.name, "Marcelle Fragile")
        self.assertTrue(self.person.concierge_vulnerable)
        self.assertFalse(
            self.env["concierge.privacy.log"].search([("action", "=", "anonymize")])
        )
        # posted, the invoice keeps its amount and its person
        draft.action_post()
        amount = draft.amount_total
        self.person.with_user(self.manager).action_concierge_anonymize()
        self.assertEqual(draft.amount_total, amount)
        self.assertEqual(draft.partner_id, self.person)
        self.assertEqual(draft.state, "posted")


@tagged("post_install", "-at_install")
class TestPrivacyRetention(PrivacyCase):
    def test_default_period_and_check(self):
        company = self.env["res.company"].create({"name": "Conciergerie neuve"})
        self.assertEqual(company.concierge_privacy_retention_months, 24)
        with self.assertRaisesRegex(ValidationError, "at least one month"):
            company.concierge_privacy_retention_months = 0

    def test_purge_of_inactive_people(self):
        recent = self.env["res.partner"].create(
            {
                "name": "Personne active",
                "concierge_beneficiary_type": "inhabitant",
                "concierge_vulnerable": True,
                "concierge_consent_date": date.today(),
                "comment": "<p>Note récente</p>",
            }
        )
        self._age(self.person, 25 * 31)
        self.env["res.partner"]._cron_concierge_privacy_purge()
        self.assertFalse(self.person.concierge_vulnerable)
        self.assertFalse(self.person.concierge_consent_date)
        self.assertFalse(self.person.comment)
        self.assertEqual(self.person.name, "Marcelle Fragile", "not anonymised")
        self.assertEqual(self.person.email, "marcelle.fragile@example.com")
        self.assertTrue(recent.concierge_vulnerable)
        self.assertTrue(recent.comment)
        log = self.env["concierge.privacy.log"].search([("action", "=", "purge")])
        self.assertEqual(log.partner_id, self.person)
        self.assertIn("Vulnerable person", log.detail)
        self.assertIn("Consent date", log.detail)
        self.assertIn("Notes", log.detail)
        # nothing left: a second run purges and logs nothing
        self.env["res.partner"]._cron_concierge_privacy_purge()
        self.assertEqual(
            self.env["concierge.privacy.log"].search_count([("action", "=", "purge")]),
            1,
        )

    def test_retention_period_is_a_company_setting(self):
        self._age(self.person, 13 * 31)
        self.env["res.partner"]._cron_concierge_privacy_purge()
        self.assertTrue(self.person.concierge_vulnerable, "13 months < 24 months")
        self.env["res.config.settings"].create(
            {"concierge_privacy_retention_months": 12}
        ).execute()
        self.assertEqual(self.company.concierge_privacy_retention_months, 12)
        self.env["res.partner"]._cron_concierge_privacy_purge()
        self.assertFalse(self.person.concierge_vulnerable)

    def test_a_message_from_the_person_is_activity(self):
        self._age(self.person, 25 * 31)
        self.employer.message_post(
            body="Bonjour", author_id=self.person.id, message_type="comment"
        )
        self.env["res.partner"]._cron_concierge_privacy_purge()
        self.assertTrue(self.person.concierge_vulnerable)

    def test_purge_in_batches(self):
        others = self.env["res.partner"].create(
            [
                {
                    "name": f"Ancien bénéficiaire {index}",
                    "concierge_beneficiary_type": "inhabitant",
                    "concierge_vulnerable": True,
                    "concierge_consent_date": date(2020, 1, 1),
                }
                for index in range(2)
            ]
        )
        people = self.person | others
        self._age(people, 30 * 31)
        Partner = self.env["res.partner"]
        progress = self.env["ir.cron.progress"].create(
            {"cron_id": self.env.ref("concierge_base.ir_cron_privacy_purge").id}
        )
        Partner.with_context(
            ir_cron_progress_id=progress.id
        )._cron_concierge_privacy_purge(batch_size=2)
        self.assertEqual(len(people.filtered("concierge_vulnerable")), 1)
        self.assertEqual((progress.done, progress.remaining), (2, 1))
        Partner._cron_concierge_privacy_purge(batch_size=2)
        self.assertFalse(people.filtered("concierge_vulnerable"))
        logs = self.env["concierge.privacy.log"].search([("action", "=", "purge")])
        self.assertEqual(logs.partner_id, people)


@tagged("post_install", "-at_install")
class TestPrivacyHttp(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls.env["res.partner"].create(
            {"name": "Lucien Export", "email": "lucien.export@example.com"}
        )
        new_test_user(
            cls.env,
            login="privacy_manager",
            password="privacy_manager",
            groups="concierge_base.group_concierge_manager",
        )
        new_test_user(
            cls.env,
            login="privacy_concierge",
            password="privacy_concierge",
            groups="concierge_base.group_concierge_user",
        )

    def test_json_download(self):
        url = f"/concierge/privacy/{self.person.id}/export.json"
        self.authenticate("privacy_manager", "privacy_manager")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response.headers["Content-Disposition"])
        data = response.json()
        self.assertEqual(
            data["sections"]["contact"]["records"][0]["email"],
            "lucien.export@example.com",
        )
        self.authenticate("privacy_concierge", "privacy_concierge")
        with mute_logger("odoo.http"):
            refused = self.url_open(url)
        self.assertEqual(refused.status_code, 403)
        self.assertNotIn("lucien.export", refused.text)
