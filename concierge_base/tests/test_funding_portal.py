# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from .test_grant_accounting import GrantAccountingCase


@tagged("post_install", "-at_install")
class TestFundingPortal(GrantAccountingCase, HttpCase):
    """A funder's contacts on the portal see their own agreements, their
    installments, reports and indicators, never another funder's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.indicator = cls.env["concierge.indicator"].create(
            {
                "name": "Demandes traitées (portail)",
                "code": "test_portal_requests",
                "unit": "demandes",
                "computation": "manual",
            }
        )
        cls.env["concierge.indicator.value"].create(
            {
                "indicator_id": cls.indicator.id,
                "period": date(2026, 4, 1),
                "site_id": cls.site.id,
                "value": 37.0,
            }
        )
        cls.commune_agreement = cls._signed(
            name="Convention de la commune",
            site_ids=[Command.set(cls.site.ids)],
            indicator_ids=[Command.set(cls.indicator.ids)],
        )
        cls.commune_draft = cls._agreement(name="Projet de convention communale")
        cls.foundation_agreement = cls._signed(
            name="Convention de la fondation", funder_id=cls.foundation.id
        )
        cls.delivered = cls.commune_agreement._create_reports()
        cls.delivered.name = "Bilan remis à la commune"
        cls.delivered.action_send()
        cls.draft_report = cls.commune_agreement._create_reports()
        cls.draft_report.name = "Bilan en préparation"
        cls.foundation_report = cls.foundation_agreement._create_reports()
        cls.foundation_report.name = "Bilan remis à la fondation"
        cls.foundation_report.action_send()
        cls.commune_agreement.deadline_ids = [
            Command.create(
                {
                    "name": "Rapport d'activité annuel",
                    "date_deadline": date(2026, 12, 15),
                }
            )
        ]
        # contacts of each funder with a portal account
        cls.mayor_user = new_test_user(
            cls.env,
            login="funding_portal_commune",
            password="funding_portal_commune",
            groups="base.group_portal",
            partner_id=cls.env["res.partner"]
            .create({"name": "Secrétaire de mairie", "parent_id": cls.commune.id})
            .id,
        )
        cls.foundation_user = new_test_user(
            cls.env,
            login="funding_portal_foundation",
            password="funding_portal_foundation",
            groups="base.group_portal",
            partner_id=cls.env["res.partner"]
            .create({"name": "Chargée de mission", "parent_id": cls.foundation.id})
            .id,
        )
        cls.stranger = new_test_user(
            cls.env,
            login="funding_portal_stranger",
            password="funding_portal_stranger",
            groups="base.group_portal",
        )

    def test_record_rules(self):
        env = self.env(user=self.mayor_user)
        self.assertEqual(
            env["concierge.funding.agreement"].search([]), self.commune_agreement
        )
        self.assertEqual(
            env["concierge.funding.installment"].search([]),
            self.commune_agreement.installment_ids,
        )
        self.assertEqual(env["concierge.funding.report"].search([]), self.delivered)
        self.assertEqual(
            env["concierge.funding.deadline"].search([]),
            self.commune_agreement.deadline_ids,
        )
        with self.assertRaises(AccessError):
            env["concierge.funding.agreement"].browse(
                self.foundation_agreement.id
            ).read(["name"])
        with self.assertRaises(AccessError):
            env["concierge.funding.report"].browse(self.foundation_report.id).read(
                ["name"]
            )
        with self.assertRaises(AccessError):
            env["concierge.funding.agreement"].browse(self.commune_agreement.id).write(
                {"name": "Piratée"}
            )
        self.assertFalse(
            self.env(user=self.stranger)["concierge.funding.agreement"].search([])
        )

    def test_pages_of_the_funder(self):
        self.authenticate("funding_portal_commune", "funding_portal_commune")
        home = self.url_open("/my")
        self.assertEqual(home.status_code, 200)
        self.assertIn("/my/funding", home.text)
        page = self.url_open("/my/funding")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Convention de la commune", page.text)
        self.assertNotIn("Convention de la fondation", page.text)
        self.assertNotIn("Projet de convention communale", page.text)
        page = self.url_open(f"/my/funding/{self.commune_agreement.id}")
        self.assertEqual(page.status_code, 200)
        for text in (
            "Acompte",
            "Solde",
            "Rapport d&#39;activité annuel",
            "Bilan remis à la commune",
            f"/my/funding/report/{self.delivered.id}",
            "Demandes traitées (portail)",
            "37",
        ):
            self.assertIn(text, page.text)
        self.assertNotIn("Bilan en préparation", page.text)
        pdf = self.url_open(f"/my/funding/report/{self.delivered.id}")
        self.assertEqual(pdf.status_code, 200)
        self.assertIn("Bilan remis à la commune", pdf.content.decode())
        self.assertIn("attachment", pdf.headers["Content-Disposition"])

    def test_another_funder_is_refused(self):
        self.authenticate("funding_portal_commune", "funding_portal_commune")
        for url in (
            f"/my/funding/{self.foundation_agreement.id}",
            f"/my/funding/{self.commune_draft.id}",
            f"/my/funding/report/{self.foundation_report.id}",
            f"/my/funding/report/{self.draft_report.id}",
        ):
            response = self.url_open(url)
            self.assertEqual(response.status_code, 403, url)
            self.assertNotIn("Convention de la fondation", response.text)
            self.assertNotIn("Bilan remis à la fondation", response.text)
        missing = self.url_open("/my/funding/999999")
        self.assertEqual(missing.status_code, 404)
        # the foundation's contact sees the foundation only
        self.authenticate("funding_portal_foundation", "funding_portal_foundation")
        page = self.url_open("/my/funding")
        self.assertIn("Convention de la fondation", page.text)
        self.assertNotIn("Convention de la commune", page.text)
        report = self.url_open(f"/my/funding/report/{self.delivered.id}")
        self.assertEqual(report.status_code, 403)
        self.assertNotIn("Bilan remis à la commune", report.text)
        # a portal user who funds nothing
        self.authenticate("funding_portal_stranger", "funding_portal_stranger")
        page = self.url_open("/my/funding")
        self.assertNotIn("Convention de la", page.text)
        self.assertEqual(
            self.url_open(f"/my/funding/{self.commune_agreement.id}").status_code, 403
        )
