# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import VolunteerCase


@tagged("post_install", "-at_install")
class TestValuation(VolunteerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # January 2031: 3 h desk (Alice) + 3 h desk (Bruno) + 2 h delivery
        cls.desk = cls._shift(start=cls._at(2031, 1, 7), hours=3, capacity=3)
        cls.alice_desk = cls._attend(cls.desk, cls.alice)
        cls.bruno_desk = cls._attend(cls.desk, cls.bruno)
        cls.delivery = cls._shift(
            mission=cls.mission_delivery, start=cls._at(2031, 1, 9), hours=2
        )
        cls.bruno_delivery = cls._attend(cls.delivery, cls.bruno)
        absent_shift = cls._shift(start=cls._at(2031, 1, 14), hours=4)
        cls._attend(absent_shift, cls.alice, "absent")

    def _valuation(self, date_from, date_to, **vals):
        return self.env["concierge.volunteer.valuation"].create(
            {"date_from": date_from, "date_to": date_to, **vals}
        )

    def _moves(self):
        return self.env["account.move"].search([("journal_id", "=", self.journal.id)])

    def test_post_once(self):
        valuation = self._valuation(date(2031, 1, 1), date(2031, 1, 31))
        self.assertEqual(valuation.rate, 15.0)
        self.assertEqual(valuation.expense_account_id, self.account_864)
        valuation.with_user(self.manager).action_post()
        self.assertEqual(valuation.state, "posted")
        self.assertEqual(valuation.hours_total, 8.0)
        self.assertEqual(valuation.amount_total, 120.0)
        move = valuation.move_id
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.date, date(2031, 1, 31))
        debit = move.line_ids.filtered(lambda line: line.account_id == self.account_864)
        credit = move.line_ids.filtered(
            lambda line: line.account_id == self.account_875
        )
        self.assertEqual(sum(debit.mapped("debit")), 120.0)
        self.assertEqual(sum(credit.mapped("credit")), 120.0)
        # one line pair per mission type: desk 6 h = 90, delivery 2 h = 30
        self.assertEqual(sorted(debit.mapped("debit")), [30.0, 90.0])
        self.assertEqual(
            valuation._summary_by_mission_type(),
            [("delivery", 2.0, 30.0), ("desk", 6.0, 90.0)],
        )
        self.assertIn("Delivery", valuation.summary_html)
        self.assertEqual(self.alice_desk.valued_hours, 3.0)
        # posting again creates nothing
        valuation.with_user(self.manager).action_post()
        self.assertEqual(self._moves(), move)
        Valuation = self.env["concierge.volunteer.valuation"].with_user(self.manager)
        again = Valuation._post_period(date(2031, 1, 1), date(2031, 1, 31))
        self.assertEqual(again, valuation)
        self.assertEqual(self._moves(), move)

    def test_overlapping_period_refused(self):
        self._valuation(date(2031, 1, 1), date(2031, 1, 31))
        with self.assertRaisesRegex(ValidationError, "valued only once"):
            self._valuation(date(2031, 1, 15), date(2031, 2, 15))
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self._valuation(date(2031, 3, 1), date(2031, 2, 1))

    def test_correction_after_posting_adjusts_next_period(self):
        january = self._valuation(date(2031, 1, 1), date(2031, 1, 31))
        january.action_post()
        # Alice left one hour early; Chloé's attendance is recorded late
        self.alice_desk.hours = 2.0
        self._attend(self.desk, self.chloe)
        self.assertEqual(january.amount_total, 120.0)  # January stays as posted
        self.company.concierge_volunteer_hourly_rate = 20.0
        february_shift = self._shift(start=self._at(2031, 2, 4), hours=1)
        self._attend(february_shift, self.alice)
        february = self._valuation(date(2031, 2, 1), date(2031, 2, 28))
        self.assertEqual(february.rate, 20.0)
        february.action_post()
        adjustments = february.line_ids.filtered("is_adjustment")
        self.assertEqual(len(adjustments), 2)
        alice_line = adjustments.filtered(
            lambda line: line.attendance_id == self.alice_desk
        )
        self.assertEqual((alice_line.hours, alice_line.amount), (-1.0, -15.0))
        chloe_line = adjustments - alice_line
        # never valued before: valued at the rate of the adjusting period
        self.assertEqual((chloe_line.hours, chloe_line.amount), (3.0, 60.0))
        regular = february.line_ids - adjustments
        self.assertEqual((regular.hours, regular.amount), (1.0, 20.0))
        self.assertEqual(february.amount_total, 65.0)
        self.assertEqual(
            sum(february.move_id.line_ids.mapped("debit")),
            # desk: -15 + 60 + 20 = 65 on one pair of lines
            65.0,
        )
        self.assertEqual(self.alice_desk.valued_hours, 2.0)
        # a third period finds nothing left to adjust
        march = self._valuation(date(2031, 3, 1), date(2031, 3, 31))
        with self.assertRaisesRegex(UserError, "no volunteer time to value"):
            march.action_post()

    def test_cancel_reverses_entry(self):
        valuation = self._valuation(date(2031, 1, 1), date(2031, 1, 31))
        valuation.action_post()
        valuation.with_user(self.manager).action_cancel()
        self.assertEqual(valuation.state, "cancelled")
        reversal = valuation.reversal_move_id
        self.assertEqual(reversal.state, "posted")
        self.assertEqual(reversal.reversed_entry_id, valuation.move_id)
        self.assertEqual(self.alice_desk.valued_hours, 0.0)
        # the period can be valued again, once
        again = self._valuation(date(2031, 1, 1), date(2031, 1, 31))
        again.action_post()
        self.assertEqual(again.amount_total, 120.0)

    def test_only_managers_post(self):
        valuation = self._valuation(date(2031, 1, 1), date(2031, 1, 31))
        with self.assertRaises(AccessError):
            valuation.with_user(self.concierge).action_post()
        with self.assertRaises(AccessError):
            valuation.with_user(self.concierge).action_cancel()
        self.assertEqual(valuation.state, "draft")
        self.assertFalse(self._moves())

    def test_rate_must_be_positive(self):
        for rate in (0.0, -12.0):
            with self.assertRaisesRegex(ValidationError, "greater than zero"):
                self._valuation(date(2031, 1, 1), date(2031, 1, 31), rate=rate)
            with self.assertRaisesRegex(ValidationError, "greater than zero"):
                self.company.concierge_volunteer_hourly_rate = rate

    def test_accounts_found_by_code_prefix(self):
        self.company.write(
            {
                "concierge_volunteer_expense_account_id": False,
                "concierge_volunteer_income_account_id": False,
            }
        )
        expense, income = self.company._concierge_volunteer_accounts()
        self.assertTrue(expense.code.startswith("864"))
        self.assertTrue(income.code.startswith("875"))

    def test_missing_accounts_refused(self):
        valuation = self._valuation(date(2031, 1, 1), date(2031, 1, 31))
        valuation.expense_account_id = False
        with self.assertRaisesRegex(UserError, "Choose the accounts"):
            valuation.action_post()
        self.assertFalse(self._moves())

    def test_create_missing_accounts(self):
        company = self.other_company
        self.assertFalse(company._concierge_volunteer_accounts()[0])
        company._concierge_volunteer_create_accounts()
        expense, income = company._concierge_volunteer_accounts()
        self.assertEqual(expense.with_company(company).code, "864000")
        self.assertEqual(income.with_company(company).code, "875000")
        self.assertEqual(company.concierge_volunteer_expense_account_id, expense)
        # the credit of 875 counts as volunteer time in the funding mix
        self.assertEqual(income.concierge_source_category, "volunteer_time")
        self.assertFalse(expense.concierge_source_category)
        # a second call creates nothing
        company._concierge_volunteer_create_accounts()
        self.assertEqual(
            self.env["account.account"]
            .with_company(company)
            .search_count(
                [("company_ids", "in", company.ids), ("code", "=like", "864%")]
            ),
            1,
        )
