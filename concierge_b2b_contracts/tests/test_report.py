# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import base64
import io
from datetime import date, datetime
from urllib.parse import quote

import openpyxl
from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import date_utils

from .common import B2bCase

REPORT = "concierge_b2b_contracts.action_report_employer"
JANUARY = date(2026, 1, 1)
FEBRUARY = date(2026, 2, 1)


def xlsx_values(content):
    """Every non-empty cell of every sheet of an XLSX file, as text."""
    book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    return [
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value not in (None, "")
    ]


@tagged("post_install", "-at_install")
class TestEmployerReport(B2bCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.parcels, cls.parcel = cls._category_and_service(
            "Colis rapport", "TRPARCEL", "Colis du rapport", 3.0
        )
        cls.pressing, cls.shirt = cls._category_and_service(
            "Pressing rapport", "TRPRESS", "Chemise du rapport", 4.0
        )
        cls.plan.category_ids = cls.parcels
        cls.contract = cls._create_contract()
        cls.report = cls.env["report.concierge_b2b_contracts.report_employer"]
        e0, e1, e2 = cls.employees
        # January: parcels by 3 distinct employees (4 requests, quota 2),
        # pressing by 2 employees only
        cls._requests(
            [
                (cls.parcel, 5, e0),
                (cls.parcel, 6, e1),
                (cls.parcel, 7, e2),
                (cls.parcel, 8, e0),
                (cls.shirt, 9, e0),
                (cls.shirt, 10, e1),
            ],
            JANUARY,
        )
        # February: parcels by 2 employees only, pressing by 3
        cls._requests(
            [
                (cls.parcel, 3, e0),
                (cls.parcel, 4, e1),
                (cls.shirt, 5, e0),
                (cls.shirt, 6, e1),
                (cls.shirt, 7, e2),
            ],
            FEBRUARY,
        )

    @classmethod
    def _requests(cls, specs, month):
        requests = cls.env["concierge.service.request"].create(
            [
                {
                    "partner_id": employee.id,
                    "site_id": cls.site.id,
                    "request_date": datetime(month.year, month.month, day, 10, 0),
                    "line_ids": [Command.create({"product_id": product.id})],
                }
                for product, day, employee in specs
            ]
        )
        requests.action_confirm()
        return requests

    def _usage(self, date_from=JANUARY, date_to=date(2026, 2, 28)):
        requests = self.report._employee_requests(self.contract, date_from, date_to)
        return {
            (row["month"], row["is_other"] or row["category"]): row
            for row in self.report._prepare_usage_rows(requests)
        }

    def test_cells_under_three_employees_merged_into_other(self):
        # a third employee uses pressing in January: both categories of
        # January get their own row, nothing is left for "other"
        self._requests([(self.shirt, 20, self.employees[2])], JANUARY)
        usage = self._usage()
        parcels = usage[(JANUARY, "Colis rapport")]
        self.assertEqual(
            (parcels["requests"], parcels["employer_paid"], parcels["employees"]),
            (4, 4, 3),
        )
        self.assertEqual(usage[(JANUARY, "Pressing rapport")]["employees"], 3)
        self.assertNotIn((JANUARY, True), usage)
        # February: parcels by 2 employees only go to "other"; "other" would
        # cover 2 employees, so pressing (the smallest category) joins it
        self.assertNotIn((FEBRUARY, "Colis rapport"), usage)
        self.assertNotIn((FEBRUARY, "Pressing rapport"), usage)
        other = usage[(FEBRUARY, True)]
        self.assertEqual(
            (other["requests"], other["employer_paid"], other["employees"]),
            (5, 2, 3),
        )
        self.assertIn("Other", other["category"])

    def test_other_never_covers_fewer_than_three_employees(self):
        # January: pressing by 2 employees; "other" takes parcels too rather
        # than showing a row of 2 employees
        usage = self._usage()
        self.assertEqual(set(usage), {(JANUARY, True), (FEBRUARY, True)})
        other = usage[(JANUARY, True)]
        self.assertEqual((other["requests"], other["employees"]), (6, 3))
        self.assertNotIn("Pressing", other["category"])
        for row in usage.values():
            self.assertGreaterEqual(row["employees"], 3)

    def test_month_of_fewer_than_three_employees_not_shown(self):
        march = date(2026, 3, 1)
        e0, e1, __ = self.employees
        self._requests([(self.parcel, 3, e0), (self.shirt, 4, e1)], march)
        usage = self._usage(date_to=date(2026, 3, 31))
        self.assertFalse([key for key in usage if key[0] == march])
        self.assertEqual(len(usage), 2, "January and February stay")

    def test_quota_and_overage_per_period(self):
        self.contract._recurring_create_invoice(JANUARY)
        self.contract._recurring_create_invoice(FEBRUARY)
        report = self.report._prepare_report(self.contract, JANUARY, date(2026, 2, 28))
        january, february = report["quota"]
        self.assertEqual(
            (january["period_start"], january["period_end"]),
            (JANUARY, date(2026, 1, 31)),
        )
        self.assertEqual(
            (
                january["requests"],
                january["quota"],
                january["consumed"],
                january["overage"],
                january["overage_billed"],
                january["overage_amount"],
            ),
            (4, 2, 2, 2, 2, 24.0),
        )
        # February's overage is not billed yet (pre-paid: on March's invoice)
        self.assertEqual(
            (february["requests"], february["overage"], february["overage_billed"]),
            (2, 0, 0),
        )
        self.assertEqual(report["total_requests"], 11)
        self.assertEqual(report["total_overage_amount"], 24.0)

    def test_no_personal_data_in_pdf_and_xlsx(self):
        # both categories of January used by 3 employees: shown by name
        self._requests([(self.shirt, 20, self.employees[2])], JANUARY)
        self.contract._recurring_create_invoice(JANUARY)
        self.contract._recurring_create_invoice(FEBRUARY)
        data = {"date_from": "2026-01-01", "date_to": "2026-02-28"}
        html, __ = self.env["ir.actions.report"]._render_qweb_html(
            REPORT, self.contract.ids, data=data
        )
        html = html.decode()
        cells = xlsx_values(
            self.report._render_xlsx(self.contract, JANUARY, date(2026, 2, 28))
        )
        xlsx = "\n".join(cells)
        # the figures are there
        self.assertIn("Colis rapport", html)
        self.assertIn("Pressing rapport", html)
        self.assertIn("Colis rapport", xlsx)
        self.assertIn("Clinique des Monts", xlsx)
        self.assertIn("4", cells)
        for employee in self.employees:
            for value in (
                employee.name,
                employee.street,
                employee.phone,
                employee.phone.replace(" ", ""),
                employee.email,
            ):
                self.assertNotIn(value, html)
                self.assertNotIn(value, xlsx)
        # the E.164 form the phone is stored in
        self.assertNotIn("+33612", html.replace(" ", ""))
        self.assertNotIn("+33612", xlsx.replace(" ", ""))

    def test_period_defaults_and_bad_dates(self):
        date_from, date_to = self.report._get_period()
        self.assertEqual(date_to, date_utils.end_of(date.today(), "month"))
        self.assertEqual(
            date_from, date_utils.start_of(date_to - relativedelta(months=11), "month")
        )
        with self.assertRaisesRegex(UserError, "before its start"):
            self.report._get_period("2026-02-01", "2026-01-31")
        with self.assertRaisesRegex(UserError, "YYYY-MM-DD"):
            self.report._get_period("février", None)

    def test_wizard(self):
        self.env.company.external_report_layout_id = self.env.ref(
            "web.external_layout_standard"
        )
        action = self.contract.action_concierge_employer_report()
        wizard = (
            self.env[action["res_model"]]
            .with_context(**action["context"])
            .create({"date_from": JANUARY, "date_to": date(2026, 2, 28)})
        )
        self.assertEqual(wizard.contract_id, self.contract)
        pdf = wizard.action_print_pdf()
        self.assertEqual(pdf["report_name"], "concierge_b2b_contracts.report_employer")
        self.assertEqual(
            pdf["data"], {"date_from": "2026-01-01", "date_to": "2026-02-28"}
        )
        xlsx = wizard.action_export_xlsx()
        # the back office downloads the suite's one way, the file the
        # employer gets from the portal
        self.assertEqual(
            xlsx["url"],
            f"/web/content/{wizard._name}/{wizard.id}/xlsx_file/"
            f"{quote(wizard.xlsx_filename)}?download=true",
        )
        self.assertEqual(
            xlsx_values(base64.b64decode(wizard.xlsx_file)),
            xlsx_values(
                self.report._render_xlsx(self.contract, JANUARY, date(2026, 2, 28))
            ),
        )
        with self.assertRaisesRegex(ValidationError, "before its start"):
            wizard.date_to = date(2025, 12, 1)
