# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from ..input_checks import plausible_phone, valid_email
from .common import ConciergeCase

# French and international numbers as people type them: all accepted
GOOD_PHONES = (
    "04 78 45 00 12",
    "0478450012",
    "04.78.45.00.12",
    "04-78-45-00-12",
    "+33 4 78 45 00 12",
    "+33 (0)4 78 45 00 12",
    "+44 20 7946 0958",
    "+1 (555) 123-4567",
)
BAD_PHONES = (
    "0478",  # too few digits
    "04 78 45 00 12 poste 3",  # words
    "+33 4 78 45 00 12 / 06 12 34 56 78",  # two numbers
    "123456789012345678901",  # 21 digits
    "++33478450012",
)
GOOD_EMAILS = (
    "accueil@conciergerie.fr",
    "Accueil <accueil@conciergerie.fr>",
    "élise@café-du-bourg.fr",
)
BAD_EMAILS = (
    "accueil",
    "accueil@",
    "accueil@conciergerie",
    "accueil@@conciergerie.fr",
    "accueil@conciergerie,fr",
    "a@b.fr, c@d.fr",
    "accueil conciergerie.fr",
)


@tagged("post_install", "-at_install")
class TestInput(ConciergeCase):
    """What a concierge types on sites, contacts and budgets is checked."""

    def test_helpers(self):
        for number in GOOD_PHONES:
            self.assertTrue(plausible_phone(number), number)
        for number in BAD_PHONES:
            self.assertFalse(plausible_phone(number), number)
        for email in GOOD_EMAILS:
            self.assertTrue(valid_email(email), email)
        for email in BAD_EMAILS:
            self.assertFalse(valid_email(email), email)

    def test_site_phone_and_email(self):
        for number in GOOD_PHONES:
            self.site.phone = number
            self.assertEqual(self.site.phone, number)
        for number in BAD_PHONES:
            with (
                self.subTest(phone=number),
                self.assertRaisesRegex(
                    ValidationError,
                    "phone number .* of site Épicerie de test is not a phone number",
                ),
            ):
                self.site.phone = number
        for email in GOOD_EMAILS:
            self.site.email = email
        for email in BAD_EMAILS:
            with (
                self.subTest(email=email),
                self.assertRaisesRegex(
                    ValidationError, "e-mail address .* of site .* is not valid"
                ),
            ):
                self.site.email = email

    def test_contact_data_of_funders_and_beneficiaries(self):
        funder = self.env["res.partner"].create(
            {
                "name": "Région de Test",
                "is_company": True,
                "concierge_funder_type": "region",
                "phone": "+33 4 26 73 40 00",
                "email": "subventions@region.example.com",
            }
        )
        # a funder's phone is kept as typed (only beneficiaries get E.164)
        self.assertEqual(funder.phone, "+33 4 26 73 40 00")
        with self.assertRaisesRegex(
            ValidationError, "mobile number 06 12 of Région de Test is not a phone"
        ):
            funder.mobile = "06 12"
        with self.assertRaisesRegex(ValidationError, "e-mail address subventions@"):
            funder.email = "subventions@"
        beneficiary = self.env["res.partner"].create(
            {"name": "Jeanne Martin", "concierge_beneficiary_type": "inhabitant"}
        )
        with self.assertRaisesRegex(
            ValidationError, "e-mail address jeanne.martin of Jeanne Martin"
        ):
            beneficiary.email = "jeanne.martin"
        # a contact becoming a funder is checked then
        contact = self.env["res.partner"].create(
            {"name": "Fondation", "is_company": True, "phone": "à rappeler"}
        )
        with self.assertRaisesRegex(ValidationError, "à rappeler of Fondation"):
            contact.concierge_funder_type = "foundation"
        # contacts the suite does not own keep Odoo's rules
        contact.email = "pas une adresse"
        self.assertEqual(contact.email, "pas une adresse")

    def test_planned_budget_not_negative(self):
        funder = self.env["res.partner"].create(
            {"name": "Commune", "is_company": True, "concierge_funder_type": "commune"}
        )
        vals = {
            "name": "Soutien",
            "funder_id": funder.id,
            "amount": 1000.0,
            "date_start": date(2026, 1, 1),
            "date_end": date(2026, 12, 31),
        }
        with self.assertRaisesRegex(
            ValidationError, "planned amount of a budget line of Soutien"
        ):
            self.env["concierge.funding.agreement"].create(
                dict(
                    vals,
                    budget_line_ids=[Command.create({"nature": "60", "amount": -50.0})],
                )
            )
        agreement = self.env["concierge.funding.agreement"].create(vals)
        report = self.env["concierge.funding.report"].create(
            {
                "name": "Compte rendu",
                "agreement_id": agreement.id,
                "date_from": date(2026, 1, 1),
                "date_to": date(2026, 12, 31),
            }
        )
        report.action_compute()
        self.assertTrue(report.line_ids)
        with self.assertRaisesRegex(
            ValidationError, "planned amount of a row of the financial report"
        ):
            report.line_ids[0].amount_planned = -1.0
