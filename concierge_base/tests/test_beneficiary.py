# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .common import ConciergeCase


@tagged("post_install", "-at_install")
class TestBeneficiary(ConciergeCase):
    def _beneficiary(self, **vals):
        values = {"name": "Jeanne Test", "concierge_beneficiary_type": "inhabitant"}
        values.update(vals)
        return self.env["res.partner"].create(values)

    def test_phones_normalised_to_e164_in_france_by_default(self):
        partner = self._beneficiary(phone="04 78 45 11 90", mobile="06.12.34.56.78")
        self.assertEqual(partner.phone, "+33478451190")
        self.assertEqual(partner.mobile, "+33612345678")
        partner.phone = "(0)4 78 45 00 12"
        self.assertEqual(partner.phone, "+33478450012")

    def test_phone_uses_partner_country(self):
        belgium = self.env.ref("base.be")
        partner = self._beneficiary(country_id=belgium.id, phone="02 512 34 56")
        self.assertEqual(partner.phone, "+3225123456")

    def test_phone_uses_company_default_country(self):
        self.company.concierge_phone_country_id = self.env.ref("base.be")
        partner = self._beneficiary(phone="02 512 34 56")
        self.assertEqual(partner.phone, "+3225123456")

    def test_phone_normalised_when_becoming_beneficiary(self):
        partner = self.env["res.partner"].create(
            {"name": "Contact", "phone": "0478451190"}
        )
        self.assertEqual(partner.phone, "0478451190")  # not a beneficiary: untouched
        partner.concierge_beneficiary_type = "employee"
        self.assertEqual(partner.phone, "+33478451190")

    def test_unparseable_phone_refused(self):
        with self.assertRaisesRegex(
            ValidationError, "cannot be read as a phone number"
        ):
            self._beneficiary(phone="not a phone")
        partner = self._beneficiary(phone="0478451190")
        with self.assertRaisesRegex(
            ValidationError, "cannot be read as a phone number"
        ):
            partner.mobile = "12"

    def test_vulnerable_requires_consent_date(self):
        with self.assertRaisesRegex(ValidationError, "vulnerable person"):
            self._beneficiary(concierge_vulnerable=True)
        partner = self._beneficiary(
            concierge_vulnerable=True, concierge_consent_date=date(2026, 1, 15)
        )
        with self.assertRaisesRegex(
            ValidationError, "date on which the person gave consent"
        ):
            partner.concierge_consent_date = False

    def test_home_site_of_another_company_refused(self):
        with self.assertRaisesRegex(ValidationError, "belongs to Autre conciergerie"):
            self._beneficiary(
                company_id=self.company.id, concierge_site_id=self.other_site.id
            )
        partner = self._beneficiary(
            company_id=self.company.id, concierge_site_id=self.site.id
        )
        self.assertEqual(partner.concierge_site_id, self.site)

    def test_employer_must_be_a_company(self):
        person = self._beneficiary(name="Particulier")
        with self.assertRaisesRegex(ValidationError, "must be a company"):
            self._beneficiary(
                concierge_beneficiary_type="employee", concierge_employer_id=person.id
            )
        employee = self._beneficiary(
            concierge_beneficiary_type="employee",
            concierge_employer_id=self.employer.id,
        )
        self.assertEqual(self.employer.concierge_employee_count, 1)
        action = self.employer.action_view_concierge_employees()
        self.assertEqual(self.env["res.partner"].search(action["domain"]), employee)

    def test_vulnerable_flag_hidden_from_other_employees(self):
        partner = self._beneficiary(
            concierge_vulnerable=True, concierge_consent_date=date(2026, 1, 15)
        )
        data = partner.with_user(self.concierge).read(["concierge_vulnerable"])
        self.assertTrue(data[0]["concierge_vulnerable"])
        with self.assertRaises(AccessError):
            partner.with_user(self.salesman).read(["concierge_vulnerable"])

    def test_contact_form_conciergerie_tab(self):
        form = Form(self.env["res.partner"].with_user(self.concierge))
        form.name = "Paul Form"
        form.concierge_beneficiary_type = "employee"
        form.concierge_employer_id = self.employer
        form.concierge_site_id = self.site
        form.mobile = "0612345678"
        partner = form.save()
        self.assertEqual(partner.mobile, "+33612345678")
        self.assertEqual(partner.concierge_employer_id, self.employer)

    def test_beneficiary_filters(self):
        self._beneficiary(name="Habitante filtrée", concierge_site_id=self.site.id)
        action = self.env.ref("concierge_base.action_concierge_beneficiary")
        found = self.env["res.partner"].search(
            [*safe_eval(action.domain), ("concierge_site_id", "=", self.site.id)]
        )
        self.assertEqual(found.mapped("name"), ["Habitante filtrée"])
