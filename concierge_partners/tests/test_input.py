# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import CommissionCase


@tagged("post_install", "-at_install")
class TestInput(CommissionCase):
    """What a concierge types on providers and commission rules is checked
    (the SIRET and its check digit: test_provider)."""

    def test_naf_code(self):
        for code in ("56.10A", "5610A", "96.01a", "52.7A"):
            self.provider.concierge_naf_code = code
            self.assertEqual(self.provider.concierge_naf_code, code)
        for code in ("56.10", "A5610", "561.0A", "pressing"):
            with (
                self.subTest(code=code),
                self.assertRaisesRegex(
                    ValidationError,
                    "activity code .* of Pressing Dupont is not an APE/NAF code",
                ),
            ):
                self.provider.concierge_naf_code = code

    def test_provider_contact_data(self):
        self.provider.write(
            {"phone": "04 78 45 11 90", "email": "contact@pressing.example.com"}
        )
        with self.assertRaisesRegex(
            ValidationError, "phone number 04 78 45 of Pressing Dupont is not"
        ):
            self.provider.phone = "04 78 45"
        with self.assertRaisesRegex(
            ValidationError, "e-mail address contact@pressing of Pressing Dupont"
        ):
            self.provider.email = "contact@pressing"
        shop = self.env["res.partner"].create(
            {"name": "Boutique", "is_company": True, "email": "boutique"}
        )
        with self.assertRaisesRegex(ValidationError, "boutique of Boutique"):
            shop.concierge_is_provider = True

    def test_fixed_amount_not_negative(self):
        agreement = self._create_agreement(
            rules=[{"scope": "all", "compute_type": "fixed", "fixed_amount": 1.5}]
        )
        with self.assertRaisesRegex(
            ValidationError, "commission amount per unit of Accord test cannot be"
        ):
            agreement.rule_ids.fixed_amount = -1.0
