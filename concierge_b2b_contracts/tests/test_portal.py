# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import datetime

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .common import B2bCase
from .test_report import xlsx_values


@tagged("post_install", "-at_install")
class TestEmployerPortal(B2bCase, HttpCase):
    """The employer's contact on the portal: its contracts and its employer
    report, never an employee's request, never another company's contract."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        category = cls.env["concierge.service.category"].create(
            {"name": "Colis portail", "code": "TPORTB2B"}
        )
        cls.plan.category_ids = category
        parcel = cls.env["product.product"].create(
            {
                "name": "Colis portail",
                "type": "service",
                "list_price": 3.0,
                "concierge_category_id": category.id,
            }
        )
        cls.contract = cls._create_contract(code="CTR-CLINIQUE")
        cls.requests = cls.env["concierge.service.request"].create(
            [
                {
                    "partner_id": employee.id,
                    "site_id": cls.site.id,
                    "request_date": datetime.now(),
                    "line_ids": [Command.create({"product_id": parcel.id})],
                }
                for employee in cls.employees
            ]
        )
        cls.requests.action_confirm()
        # a portal user of the client company (not the contact set on the
        # contract): its commercial partner is the client
        cls.hr = cls.env["res.partner"].create(
            {"name": "Responsable RH clinique", "parent_id": cls.client.id}
        )
        cls.hr_user = new_test_user(
            cls.env,
            login="b2b_portal_hr",
            password="b2b_portal_hr",
            groups="base.group_portal",
            partner_id=cls.hr.id,
        )
        # an employee with a portal account
        cls.employee_user = new_test_user(
            cls.env,
            login="b2b_portal_employee",
            password="b2b_portal_employee",
            groups="base.group_portal",
            partner_id=cls.employees[0].id,
        )
        other_client = cls.env["res.partner"].create(
            {"name": "Menuiserie Voisine", "is_company": True}
        )
        cls.other_contract = cls._create_contract(
            name="Contrat Menuiserie Voisine",
            code="CTR-VOISINE",
            partner_id=other_client.id,
        )

    def test_rules_contact_company_employee(self):
        contracts = self.env["contract.contract"].with_user(self.hr_user)
        self.assertEqual(contracts.search([]), self.contract)
        self.assertFalse(
            contracts.search([("id", "=", self.other_contract.id)]),
        )
        # the employee of the client is not its contact
        self.assertFalse(
            self.env["contract.contract"].with_user(self.employee_user).search([])
        )
        # and the contact reads no request of the employees
        self.assertFalse(
            self.env["concierge.service.request"]
            .with_user(self.hr_user)
            .search([("id", "in", self.requests.ids)])
        )

    def test_contract_list_and_page(self):
        self.authenticate("b2b_portal_hr", "b2b_portal_hr")
        page = self.url_open("/my/contracts")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Contrat Clinique", page.text)
        self.assertNotIn("Menuiserie Voisine", page.text)
        page = self.url_open(f"/my/contracts/{self.contract.id}")
        self.assertIn(
            f"/my/contracts/{self.contract.id}/employer_report?report_type=xlsx",
            page.text,
        )
        for employee in self.employees:
            self.assertNotIn(employee.name, page.text)
        other = self.url_open(f"/my/contracts/{self.other_contract.id}")
        self.assertTrue(other.url.endswith("/my"), other.url)
        self.assertNotIn("Menuiserie Voisine", other.text)

    def test_contract_page_usage(self):
        """The contact reads this period's usage against the quota and the
        recent use by category, never an employee's name."""
        summary = self.contract._concierge_portal_summary()
        # three employer-paid requests this month, two included
        self.assertEqual(
            (summary["usage"], summary["quota"], summary["overage"]), (3, 2, 1)
        )
        self.assertEqual(summary["percent"], 100)
        self.assertEqual(summary["employees"], 3)
        _month, rows = summary["recent"][0]
        self.assertEqual(
            [(row["category"], row["requests"], row["employees"]) for row in rows],
            [("Colis portail", 3, 3)],
        )
        self.authenticate("b2b_portal_hr", "b2b_portal_hr")
        page = self.url_open(f"/my/contracts/{self.contract.id}")
        self.assertEqual(page.status_code, 200)
        text = " ".join(page.text.split())
        self.assertRegex(text, r"<strong>3</strong> of <strong>2</strong> included")
        self.assertIn("1 requests beyond the quota", text)
        self.assertIn('aria-valuenow="100"', text)
        self.assertIn("Colis portail", text)
        for employee in self.employees:
            self.assertNotIn(employee.name, page.text)

    def test_contract_page_small_usage_hidden(self):
        """Used by fewer than three employees, a month shows no category."""
        self.requests[1:].action_cancel()
        summary = self.contract._concierge_portal_summary()
        self.assertEqual((summary["usage"], summary["left"]), (1, 1))
        self.assertEqual(summary["recent"], [])
        self.authenticate("b2b_portal_hr", "b2b_portal_hr")
        page = self.url_open(f"/my/contracts/{self.contract.id}")
        self.assertIn("1 requests left in this period", page.text)
        self.assertNotIn("Colis portail", page.text)

    def test_employer_report_downloads(self):
        self.authenticate("b2b_portal_hr", "b2b_portal_hr")
        url = f"/my/contracts/{self.contract.id}/employer_report"
        xlsx = self.url_open(f"{url}?report_type=xlsx")
        self.assertEqual(xlsx.status_code, 200)
        self.assertIn("spreadsheetml", xlsx.headers["Content-Type"])
        cells = "\n".join(xlsx_values(xlsx.content))
        self.assertIn("Colis portail", cells)
        pdf = self.url_open(f"{url}?report_type=pdf")
        self.assertEqual(pdf.status_code, 200)
        # rendered as HTML in tests (no wkhtmltopdf run)
        self.assertIn("Colis portail", pdf.text)
        for employee in self.employees:
            for value in (employee.name, employee.street, employee.email):
                self.assertNotIn(value, cells)
                self.assertNotIn(value, pdf.text)
        # bad dates go back to the contract page
        bad = self.url_open(f"{url}?date_from=2026-02-01&date_to=2026-01-01")
        self.assertTrue(bad.url.endswith(f"/my/contracts/{self.contract.id}"))

    def test_no_crossing(self):
        self.authenticate("b2b_portal_hr", "b2b_portal_hr")
        other = self.url_open(
            f"/my/contracts/{self.other_contract.id}/employer_report?report_type=xlsx"
        )
        self.assertTrue(other.url.endswith("/my"), other.url)
        self.assertNotIn("spreadsheetml", other.headers["Content-Type"])
        request = self.url_open(f"/my/requests/{self.requests[0].id}")
        self.assertTrue(request.url.endswith("/my"), request.url)
        self.assertNotIn(self.requests[0].name, request.text)
        # an employee of the client gets no employer report
        self.authenticate("b2b_portal_employee", "b2b_portal_employee")
        report = self.url_open(
            f"/my/contracts/{self.contract.id}/employer_report?report_type=xlsx"
        )
        self.assertTrue(report.url.endswith("/my"), report.url)
