# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import B2bCase


@tagged("post_install", "-at_install")
class TestContractInvoicing(B2bCase):
    def test_plan_gives_fee_lines(self):
        contract = self._create_contract()
        lines = contract.contract_line_ids
        self.assertEqual(
            sorted(lines.mapped("concierge_b2b_kind")), ["employee", "fixed"]
        )
        fixed = lines.filtered(lambda line: line.concierge_b2b_kind == "fixed")
        self.assertEqual(fixed.price_unit, 300.0)
        self.assertEqual(contract.concierge_employee_count, 3)
        self.assertEqual(contract.concierge_employee_ids, self.employees)
        self.assertEqual(contract.concierge_quota, 2)

    def test_invoice_full_period_with_headcount(self):
        contract = self._create_contract()
        invoice = contract._recurring_create_invoice()
        self.assertEqual(len(invoice), 1)
        self.assertEqual(invoice.concierge_b2b_contract_id, contract)
        fixed = self._fee_line(invoice, "fixed")
        employee = self._fee_line(invoice, "employee")
        self.assertEqual((fixed.quantity, fixed.price_unit), (1.0, 300.0))
        self.assertEqual((employee.quantity, employee.price_unit), (3.0, 5.0))
        self.assertEqual(employee.concierge_headcount, 3)
        self.assertEqual(fixed.concierge_period_start, date(2026, 1, 1))
        self.assertEqual(fixed.concierge_period_end, date(2026, 1, 31))
        self.assertEqual(invoice.amount_untaxed, 315.0)
        self.assertEqual(contract.recurring_next_date, date(2026, 2, 1))

    def test_headcount_counted_at_each_invoicing(self):
        contract = self._create_contract()
        contract._recurring_create_invoice()
        self._add_employees(2)
        contract.invalidate_recordset(["concierge_employee_count"])
        february = contract._recurring_create_invoice()
        self.assertEqual(self._fee_line(february, "employee").quantity, 5.0)
        self.assertEqual(february.amount_untaxed, 325.0)

    def test_headcount_bands(self):
        self.plan.write(
            {
                "band_ids": [
                    Command.create(
                        {"min_employees": 0, "max_employees": 3, "fee": 40.0}
                    ),
                    Command.create({"min_employees": 4, "fee": 90.0}),
                ]
            }
        )
        contract = self._create_contract()
        january = contract._recurring_create_invoice()
        employee = self._fee_line(january, "employee")
        self.assertEqual((employee.quantity, employee.price_unit), (1.0, 40.0))
        self.assertIn("0 to 3 employees", employee.name)
        self._add_employees(1)
        contract.invalidate_recordset(["concierge_employee_count"])
        february = contract._recurring_create_invoice()
        self.assertEqual(self._fee_line(february, "employee").price_unit, 90.0)

    def test_start_mid_period_prorates(self):
        contract = self._create_contract(date_start=date(2026, 1, 16))
        invoice = contract._recurring_create_invoice()
        fixed = self._fee_line(invoice, "fixed")
        employee = self._fee_line(invoice, "employee")
        # 16 days of a 31-day month
        self.assertEqual(fixed.price_unit, round(300 * 16 / 31, 2))
        self.assertEqual(employee.price_unit, round(5 * 16 / 31, 2))
        self.assertEqual(employee.quantity, 3.0)
        self.assertEqual(fixed.concierge_period_start, date(2026, 1, 16))
        self.assertEqual(fixed.concierge_period_end, date(2026, 1, 31))
        february = contract._recurring_create_invoice()
        self.assertEqual(self._fee_line(february, "fixed").price_unit, 300.0)

    def test_end_mid_period_prorates(self):
        contract = self._create_contract()
        contract._recurring_create_invoice()
        contract.contract_line_ids.write({"date_end": date(2026, 2, 10)})
        february = contract._recurring_create_invoice()
        fixed = self._fee_line(february, "fixed")
        self.assertEqual(fixed.price_unit, round(300 * 10 / 28, 2))
        self.assertEqual(fixed.concierge_period_end, date(2026, 2, 10))
        self.assertFalse(contract._recurring_create_invoice())

    def test_prorata_ratio(self):
        line = self._create_contract().contract_line_ids[:1]
        prorata = line._concierge_prorata
        self.assertEqual(prorata(date(2026, 2, 1), date(2026, 2, 28)), 1)
        self.assertEqual(prorata(date(2026, 3, 1), date(2026, 3, 31)), 1)
        # started on 16 March, months ending on their last day
        self.assertAlmostEqual(prorata(date(2026, 3, 16), date(2026, 3, 31)), 16 / 31)
        self.assertEqual(prorata(date(2026, 3, 2), date(2026, 3, 1)), 0)
        # ended on 15 March
        line.date_end = date(2026, 3, 15)
        self.assertAlmostEqual(prorata(date(2026, 3, 1), date(2026, 3, 15)), 15 / 31)

    def test_cron_twice_invoices_each_period_once(self):
        contract = self._create_contract()
        model = self.env["contract.contract"]
        model._cron_recurring_create(date_ref=date(2026, 1, 10))
        model._cron_recurring_create(date_ref=date(2026, 1, 10))
        self.assertEqual(len(self._invoices(contract)), 1)
        model._cron_recurring_create(date_ref=date(2026, 2, 10))
        model._cron_recurring_create(date_ref=date(2026, 2, 10))
        invoices = self._invoices(contract)
        self.assertEqual(len(invoices), 2)
        self.assertEqual(
            invoices.invoice_line_ids.mapped("concierge_period_start"),
            [date(2026, 1, 1)] * 2 + [date(2026, 2, 1)] * 2,
        )

    def test_reinvoice_after_credit_note(self):
        contract = self._create_contract()
        january = contract._recurring_create_invoice()
        january.action_post()
        # back to January: the period is billed and stands, nothing is created
        contract.contract_line_ids.sudo().write(
            {"last_date_invoiced": False, "recurring_next_date": date(2026, 1, 1)}
        )
        self.assertFalse(contract._recurring_create_invoice(date(2026, 1, 15)))
        self.assertEqual(contract.recurring_next_date, date(2026, 2, 1))
        # a credit note cancels January: it may be invoiced again, once
        january._reverse_moves(cancel=True)
        self.assertEqual(january.payment_state, "reversed")
        contract.contract_line_ids.sudo().write(
            {"last_date_invoiced": False, "recurring_next_date": date(2026, 1, 1)}
        )
        again = contract._recurring_create_invoice(date(2026, 1, 15))
        self.assertEqual(len(again), 1)
        self.assertEqual(again.amount_untaxed, 315.0)
        contract.contract_line_ids.sudo().write(
            {"last_date_invoiced": False, "recurring_next_date": date(2026, 1, 1)}
        )
        self.assertFalse(contract._recurring_create_invoice(date(2026, 1, 15)))

    def test_cancelled_invoice_period_can_be_invoiced_again(self):
        contract = self._create_contract()
        january = contract._recurring_create_invoice()
        january.button_cancel()
        contract.contract_line_ids.sudo().write(
            {"last_date_invoiced": False, "recurring_next_date": date(2026, 1, 1)}
        )
        again = contract._recurring_create_invoice(date(2026, 1, 15))
        self.assertEqual(
            again.invoice_line_ids[0].concierge_period_start, date(2026, 1, 1)
        )

    def test_apply_plan_updates_prices(self):
        contract = self._create_contract()
        self.plan.fixed_fee = 350.0
        contract.action_concierge_apply_plan()
        fixed = contract.contract_line_ids.filtered(
            lambda line: line.concierge_b2b_kind == "fixed"
        )
        self.assertEqual(fixed.price_unit, 350.0)
        self.assertEqual(len(contract.contract_line_ids), 2)


@tagged("post_install", "-at_install")
class TestBadInput(B2bCase):
    def test_overlapping_bands_refused(self):
        with self.assertRaisesRegex(ValidationError, "overlap"):
            self.plan.write(
                {
                    "band_ids": [
                        Command.create(
                            {"min_employees": 0, "max_employees": 10, "fee": 1}
                        ),
                        Command.create(
                            {"min_employees": 10, "max_employees": 20, "fee": 2}
                        ),
                    ]
                }
            )
        with self.assertRaisesRegex(ValidationError, "overlap"):
            self.plan.write(
                {
                    "band_ids": [
                        Command.create({"min_employees": 0, "fee": 1}),
                        Command.create({"min_employees": 50, "fee": 2}),
                    ]
                }
            )

    def test_band_inverted_or_negative_refused(self):
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self.plan.write(
                {
                    "band_ids": [
                        Command.create(
                            {"min_employees": 10, "max_employees": 5, "fee": 1}
                        )
                    ]
                }
            )
        with self.assertRaisesRegex(ValidationError, "negative"):
            self.plan.write(
                {"band_ids": [Command.create({"min_employees": 0, "fee": -5})]}
            )

    def test_negative_overage_price_refused(self):
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.plan.overage_price = -1

    def test_plan_and_client_of_different_companies_refused(self):
        other_plan = self.env["concierge.b2b.plan"].create(
            {"name": "Ailleurs", "company_id": self.other_company.id}
        )
        with self.assertRaisesRegex(ValidationError, "same company"):
            self._create_contract(concierge_plan_id=other_plan.id)
        self.client.company_id = self.other_company
        with self.assertRaisesRegex(ValidationError, "same company"):
            self._create_contract()

    def test_employer_must_be_a_company(self):
        person = self.env["res.partner"].create({"name": "Particulier"})
        with self.assertRaisesRegex(ValidationError, "must be a company"):
            self.employees[0].concierge_employer_id = person
