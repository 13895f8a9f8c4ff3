# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import base64
import io
from datetime import date

import openpyxl

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import TransactionCase, tagged

from .test_grant_accounting import GrantAccountingCase


@tagged("post_install", "-at_install")
class TestFundingReport(GrantAccountingCase):
    """The compte rendu financier of an agreement: planned against actual by
    nature, from its analytic account, with its indicators."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.people = cls.env["concierge.indicator"].create(
            {
                "name": "Habitants accompagnés (test)",
                "code": "test_report_people",
                "unit": "personnes",
                "computation": "manual",
                "aggregation": "sum",
            }
        )
        cls.env["concierge.indicator.value"].create(
            [
                {
                    "indicator_id": cls.people.id,
                    "period": period,
                    "site_id": site.id,
                    "value": value,
                }
                for period, site, value in (
                    (date(2026, 3, 1), cls.site, 12.0),
                    (date(2026, 9, 1), cls.site, 30.0),
                    # another site, outside the agreement
                    (
                        date(2026, 9, 1),
                        cls.env["concierge.site"].create(
                            {"name": "Autre site", "site_type": "locker"}
                        ),
                        500.0,
                    ),
                    # after the report's period
                    (date(2026, 12, 1), cls.site, 1000.0),
                )
            ]
        )
        cls.agreement = cls._agreement(
            site_ids=[Command.set(cls.site.ids)],
            indicator_ids=[Command.set(cls.people.ids)],
            budget_line_ids=[
                Command.create({"nature": "60", "amount": 2000.0}),
                Command.create(
                    {"nature": "64", "name": "Coordinatrice", "amount": 6000.0}
                ),
                Command.create({"nature": "64", "name": "Charges", "amount": 1500.0}),
                Command.create({"nature": "70", "amount": 500.0}),
                Command.create({"nature": "74", "amount": 10000.0}),
            ],
            deadline_ids=[
                Command.create(
                    {
                        "name": "Bilan au comité de pilotage",
                        "date_deadline": date(2026, 11, 30),
                    }
                )
            ],
        )
        cls.agreement.date_signed = date(2026, 1, 10)
        cls.agreement.action_sign()
        cls._spend(cls.agreement, cls.purchases, 1500.0, date(2026, 3, 15))
        cls._spend(cls.agreement, cls.salaries, 5250.5, date(2026, 9, 30))
        cls._spend(cls.agreement, cls.sales, -320.0, date(2026, 6, 15))
        # after the deadline: not in its report
        cls._spend(cls.agreement, cls.salaries, 800.0, date(2026, 12, 20))
        cls.deadline = cls.agreement.deadline_ids

    def _line(self, report, nature):
        return report.line_ids.filtered(lambda line: line.nature == nature)

    def test_report_from_the_deadline(self):
        self.assertEqual(self.deadline.state, "planned")
        action = self.deadline.action_create_report()
        report = self.env["concierge.funding.report"].browse(action["res_id"])
        self.assertEqual(report.deadline_id, self.deadline)
        self.assertEqual(report.name, "Bilan au comité de pilotage")
        self.assertEqual(
            (report.date_from, report.date_to), (date(2026, 1, 1), date(2026, 11, 30))
        )
        self.assertEqual(report.state, "draft")
        # one row per nature of the cerfa, in its order
        self.assertEqual(len(report.line_ids), 17)
        self.assertEqual(report.line_ids[0].nature, "60")
        expected = {
            "60": (2000.0, 1500.0),
            "64": (7500.0, 5250.5),
            "70": (500.0, 320.0),
            "74": (10000.0, 10000.0),
            "62": (0.0, 0.0),
        }
        for nature, (planned, actual) in expected.items():
            line = self._line(report, nature)
            self.assertEqual(
                (line.amount_planned, line.amount_actual), (planned, actual), nature
            )
        self.assertEqual(self._line(report, "64").amount_difference, -2249.5)
        self.assertAlmostEqual(self._line(report, "60").difference_rate, 75.0)
        self.assertRecordValues(
            report,
            [
                {
                    "expense_planned": 9500.0,
                    "expense_actual": 6750.5,
                    "income_planned": 10500.0,
                    "income_actual": 10320.0,
                    "balance_planned": 1000.0,
                    "balance_actual": 3569.5,
                }
            ],
        )
        # the balance is the analytic account's over the period
        lines = self.env["account.analytic.line"].search(
            [
                (
                    self.agreement.analytic_account_id.plan_id._column_name(),
                    "=",
                    self.agreement.analytic_account_id.id,
                ),
                ("date", "<=", date(2026, 11, 30)),
            ]
        )
        self.assertAlmostEqual(sum(lines.mapped("amount")), 3569.5)
        self.assertAlmostEqual(report._get_analytic_balance(), report.balance_actual)
        # the indicator of the agreement's site over the period
        self.assertRecordValues(
            report.indicator_line_ids,
            [{"indicator_id": self.people.id, "value": 42.0, "has_value": True}],
        )
        # the same report the second time
        again = self.deadline.action_create_report()
        self.assertEqual(again["res_id"], report.id)
        self.assertEqual(len(self.agreement.report_ids), 1)
        self.assertEqual(self.agreement.report_count, 1)

    def test_delivered_report_is_frozen_and_closes_the_activity(self):
        report = self.agreement._create_reports(self.deadline)
        self.assertTrue(self.deadline.activity_id)
        report.commentary = "Écart sur les salaires : recrutement en avril."
        report.action_send()
        self.assertEqual(report.state, "sent")
        self.assertTrue(report.date_sent)
        self.assertEqual(self.deadline.state, "done")
        self.assertFalse(self.deadline.activity_id)
        with self.assertRaisesRegex(UserError, "set it back to draft"):
            report.commentary = "Autre chose"
        with self.assertRaisesRegex(UserError, "set it back to draft"):
            self._line(report, "60").amount_planned = 1.0
        with self.assertRaisesRegex(UserError, "set it back to draft"):
            report.action_compute()
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            report.unlink()
        with self.assertRaisesRegex(UserError, "already delivered"):
            report.action_send()
        self.assertTrue(report.action_draft())
        self._line(report, "60").amount_planned = 2100.0
        self.assertEqual(report.expense_planned, 9600.0)

    def test_bad_input(self):
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self.agreement._create_reports().date_to = date(2025, 1, 1)
        draft = self._agreement(name="Brouillon")
        with self.assertRaisesRegex(UserError, "signed agreement"):
            draft.action_new_report()
        draft.deadline_ids = [
            Command.create({"name": "Bilan", "date_deadline": date(2026, 6, 30)})
        ]
        with self.assertRaisesRegex(UserError, "Sign the agreement"):
            draft.deadline_ids.action_create_report()

    def test_xlsx_and_pdf(self):
        report = self.agreement._create_reports(self.deadline)
        report.commentary = "Recrutement de la coordinatrice en avril."
        action = report.action_export_xlsx()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertIn("/xlsx_file/", action["url"])
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(report.xlsx_file)))
        sheet = book.worksheets[0]
        rows = {
            row[0]: row[1:4]
            for row in sheet.iter_rows(values_only=True)
            if row and isinstance(row[0], str)
        }
        self.assertEqual(rows["64 - Staff costs"], (7500.0, 5250.5, -2249.5))
        self.assertEqual(rows["Total expenses"], (9500.0, 6750.5, -2749.5))
        self.assertEqual(rows["Total income"], (10500.0, 10320.0, -180.0))
        self.assertEqual(rows["Balance (income less expenses)"][:2], (1000.0, 3569.5))
        indicators = list(book.worksheets[1].iter_rows(values_only=True))
        self.assertIn(
            ("Habitants accompagnés (test)", 42.0, "personnes", None), indicators
        )
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "concierge_base.action_report_concierge_funding_report", report.ids
            )[0]
            .decode()
        )
        for text in (
            "Financial report of a subsidy",
            "64 - Staff costs",
            "5,250.50",
            "6,750.50",
            "10,320.00",
            "3,569.50",
            "Surplus",
            "Habitants accompagnés (test)",
            "Recrutement de la coordinatrice",
            "Commune de Test",
        ):
            self.assertIn(text, html)

    def test_user_reads_manager_writes(self):
        report = self.agreement._create_reports()
        self.assertEqual(
            report.with_user(self.concierge).read(["balance_actual"])[0][
                "balance_actual"
            ],
            report.balance_actual,
        )
        action = self.agreement.with_user(self.manager).action_new_report()
        other = self.env["concierge.funding.report"].browse(action["res_id"])
        self.assertEqual(other.income_actual, 10000.0 + 320.0)


@tagged("post_install", "-at_install")
class TestFundingReportDemo(TransactionCase):
    """The demo's financial report balances with its analytic account."""

    def test_demo_report(self):
        deadline = self.env.ref(
            "concierge_base.funding_deadline_commune_final", raise_if_not_found=False
        )
        if not deadline or not deadline.report_ids:
            self.skipTest("demo data not installed")
        report = deadline.report_ids
        self.assertEqual(report.state, "draft")
        report.action_compute()
        self.assertAlmostEqual(report.expense_actual, 11402.4)
        self.assertAlmostEqual(report.income_actual, 12000.0)
        self.assertAlmostEqual(report.balance_actual, 597.6)
        self.assertAlmostEqual(report._get_analytic_balance(), report.balance_actual)
        self.assertEqual(
            report.line_ids.filtered(lambda line: line.nature == "61").amount_actual,
            3420.0,
        )
        self.assertAlmostEqual(report.expense_planned, 12000.0)
        self.assertTrue(report.commentary)
