# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .test_funding import FundingCase


class GrantAccountingCase(FundingCase):
    """A company that books its grants the ANC 2018-06 way."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.concierge_grant_accrual = True
        cls.purchases = cls._account("606100", "Achats non stockés", "expense")
        cls.salaries = cls._account("641000", "Rémunérations du personnel", "expense")
        cls.sales = cls._account("706000", "Prestations de services", "income")

    @classmethod
    def _account(cls, code, name, account_type):
        Account = cls.env["account.account"].with_company(cls.company)
        return Account.search(
            [("code", "=", code), ("company_ids", "in", cls.company.ids)], limit=1
        ) or Account.create(
            {
                "code": code,
                "name": name,
                "account_type": account_type,
                "company_ids": [Command.set(cls.company.ids)],
            }
        )

    @classmethod
    def _signed(cls, **vals):
        agreement = cls._agreement(**vals)
        agreement.date_signed = date(2026, 1, 10)
        agreement.action_sign()
        return agreement

    @classmethod
    def _spend(cls, agreement, account, amount, day, analytic=None):
        """Post an expense (a negative ``amount``: an income) of the agreement's
        analytic account, paid from the bank."""
        analytic = analytic or agreement.analytic_account_id
        line = {
            "account_id": account.id,
            "name": account.name,
            "analytic_distribution": {str(analytic.id): 100.0},
        }
        bank = {"account_id": cls.bank_journal.default_account_id.id, "name": "Banque"}
        if amount > 0:
            line["debit"], bank["credit"] = amount, amount
        else:
            line["credit"], bank["debit"] = -amount, -amount
        move = cls.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": cls.misc_journal.id,
                "date": day,
                "line_ids": [Command.create(line), Command.create(bank)],
            }
        )
        move.action_post()
        return move


@tagged("post_install", "-at_install")
class TestGrantAccrual(GrantAccountingCase):
    def test_sign_books_one_receivable_per_installment(self):
        agreement = self._signed()
        first, second = agreement.installment_ids.sorted("date_due")
        moves = agreement.installment_ids.accrual_move_id
        self.assertEqual(len(moves), 2)
        self.assertEqual(set(moves.mapped("state")), {"posted"})
        receivable = self.company.concierge_grant_public_account_id
        income = self.company.concierge_grant_income_account_id
        self.assertTrue(receivable.code.startswith("441"), receivable.code)
        self.assertTrue(income.code.startswith("74"), income.code)
        self.assertTrue(receivable.reconcile)
        # the generic chart's 441000 is an exchange gain: not taken for a claim
        self.assertEqual(receivable.account_type, "asset_current")
        claim = first.accrual_move_id.line_ids.filtered("debit")
        self.assertRecordValues(
            claim,
            [
                {
                    "account_id": receivable.id,
                    "partner_id": self.commune.id,
                    "debit": 6000.0,
                    "date": date(2026, 1, 10),
                    "date_maturity": date(2026, 2, 1),
                }
            ],
        )
        credit = first.accrual_move_id.line_ids - claim
        self.assertEqual(credit.account_id, income)
        self.assertEqual(credit.credit, 6000.0)
        self.assertEqual(
            credit.analytic_distribution,
            {str(agreement.analytic_account_id.id): 100.0},
        )
        self.assertEqual(second.accrual_move_id.amount_total, 4000.0)
        # the claim settles the installment once collected
        self.assertEqual(first.move_line_ids, claim)
        self.assertEqual(first.state, "to_receive")
        self.assertEqual(first.amount_received, 0.0)
        # idempotent: nothing is booked twice
        self.assertFalse(agreement.installment_ids._post_accruals())
        agreement.action_post_accruals()
        self.assertEqual(agreement.installment_ids.accrual_move_id, moves)

    def test_private_funder_on_4687_and_accounts_created_once(self):
        agreement = self._signed(funder_id=self.foundation.id)
        account = self.company.concierge_grant_private_account_id
        self.assertEqual(account.code, "468700")
        self.assertEqual(account.account_type, "asset_current")
        self.assertEqual(
            agreement.installment_ids.accrual_move_id.line_ids.filtered(
                "debit"
            ).account_id,
            account,
        )
        self._signed(funder_id=self.foundation.id, name="Deuxième convention")
        self.assertEqual(
            self.env["account.account"].search_count(
                [("code", "=", "468700"), ("company_ids", "in", self.company.ids)]
            ),
            1,
        )

    def test_without_the_option_nothing_is_booked(self):
        self.company.concierge_grant_accrual = False
        agreement = self._signed()
        self.assertFalse(agreement.installment_ids.accrual_move_id)
        self.assertFalse(agreement.installment_ids.move_line_ids)

    def test_collection_matched_from_the_bank(self):
        agreement = self._signed()
        first, second = agreement.installment_ids.sorted("date_due")
        st_line = self.env["account.bank.statement.line"].create(
            {
                "journal_id": self.bank_journal.id,
                "date": date(2026, 2, 12),
                "payment_ref": "VIR MAIRIE SUBVENTION ACOMPTE",
                "partner_id": self.commune.id,
                "amount": 6000.0,
            }
        )
        # a receipt of another amount is no payment of the second installment
        self.env["account.bank.statement.line"].create(
            {
                "journal_id": self.bank_journal.id,
                "date": date(2026, 3, 1),
                "payment_ref": "VIR MAIRIE AUTRE",
                "partner_id": self.commune.id,
                "amount": 150.0,
            }
        )
        agreement.action_match_payments()
        self.assertTrue(st_line.is_reconciled)
        self.assertRecordValues(
            first,
            [
                {
                    "state": "received",
                    "amount_received": 6000.0,
                    "amount_residual": 0.0,
                    "date_received": date(2026, 2, 12),
                }
            ],
        )
        self.assertTrue(first.move_line_ids.reconciled)
        self.assertEqual(second.state, "to_receive")
        self.assertEqual(agreement.amount_received, 6000.0)
        # running it again changes nothing
        agreement.action_match_payments()
        self.assertEqual(agreement.amount_received, 6000.0)
        # a payment booked on the grant receivable settles the second one
        receivable = self.company.concierge_grant_public_account_id
        payment = self.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": self.misc_journal.id,
                "date": date(2026, 12, 5),
                "line_ids": [
                    Command.create(
                        {
                            "account_id": self.bank_journal.default_account_id.id,
                            "partner_id": self.commune.id,
                            "debit": 4000.0,
                        }
                    ),
                    Command.create(
                        {
                            "account_id": receivable.id,
                            "partner_id": self.commune.id,
                            "credit": 4000.0,
                        }
                    ),
                ],
            }
        )
        payment.action_post()
        agreement.action_match_payments()
        self.assertEqual(second.state, "received")
        self.assertEqual(agreement.amount_received, 10000.0)
        self.assertEqual(agreement.amount_to_receive, 0.0)

    def test_manager_without_accounting_rights(self):
        agreement = self._agreement(date_signed=date(2026, 1, 10))
        agreement.with_user(self.manager).action_sign()
        self.assertEqual(len(agreement.installment_ids.accrual_move_id), 2)
        self.env["account.bank.statement.line"].create(
            {
                "journal_id": self.bank_journal.id,
                "date": date(2026, 2, 3),
                "payment_ref": "VIR COMMUNE",
                "partner_id": self.commune.id,
                "amount": 4000.0,
            }
        )
        collected = agreement.installment_ids.with_user(self.manager)._collect_claims()
        self.assertEqual(collected.name, "Solde")
        self.assertEqual(agreement.amount_received, 4000.0)

    def test_cancel_reverses_the_receivables(self):
        agreement = self._signed()
        moves = agreement.installment_ids.accrual_move_id
        agreement.action_cancel()
        self.assertFalse(agreement.installment_ids.accrual_move_id)
        self.assertFalse(agreement.installment_ids.move_line_ids)
        reversals = self.env["account.move"].search(
            [("reversed_entry_id", "in", moves.ids)]
        )
        self.assertEqual(len(reversals), 2)
        self.assertEqual(set(reversals.mapped("state")), {"posted"})
        self.assertEqual(sorted(reversals.mapped("amount_total")), [4000.0, 6000.0])
        for claim in moves.line_ids.filtered("debit"):
            self.assertTrue(claim.reconciled)

    def test_funding_mix_counts_the_grant_once_when_received(self):
        """Booked at signature, the grant counts in the funding mix when it
        is received, once; a cancelled agreement leaves nothing in any
        month, although its receivables were booked and reversed."""
        Mix = self.env["concierge.funding.mix.compute"]
        january = (date(2026, 1, 1), date(2026, 1, 31))
        march = (date(2026, 3, 1), date(2026, 3, 31))
        before = {m: Mix._get_mix_totals(*m)["public_grants"] for m in (january, march)}
        agreement = self._signed()
        self.assertEqual(
            set(
                agreement.installment_ids.accrual_move_id.mapped(
                    "concierge_grant_accrual"
                )
            ),
            {True},
        )
        self.assertAlmostEqual(
            Mix._get_mix_totals(*january)["public_grants"], before[january]
        )
        first = agreement.installment_ids.sorted("date_due")[0]
        self.env["account.bank.statement.line"].create(
            {
                "journal_id": self.bank_journal.id,
                "date": date(2026, 3, 5),
                "payment_ref": "VIR MAIRIE SUBVENTION ACOMPTE",
                "partner_id": self.commune.id,
                "amount": 6000.0,
            }
        )
        agreement.action_match_payments()
        self.assertEqual(first.state, "received")
        self.assertAlmostEqual(
            Mix._get_mix_totals(*march)["public_grants"], before[march] + 6000.0
        )
        self.assertAlmostEqual(
            Mix._get_mix_totals(*january)["public_grants"], before[january]
        )
        other = self._signed(name="Convention annulée")
        accruals = other.installment_ids.accrual_move_id
        with freeze_time("2026-03-20"):
            other.action_cancel()
        reversals = self.env["account.move"].search(
            [("reversed_entry_id", "in", accruals.ids)]
        )
        self.assertEqual(set(reversals.mapped("concierge_grant_accrual")), {True})
        self.assertAlmostEqual(
            Mix._get_mix_totals(*january)["public_grants"], before[january]
        )
        self.assertAlmostEqual(
            Mix._get_mix_totals(*march)["public_grants"], before[march] + 6000.0
        )


@tagged("post_install", "-at_install")
class TestDedicatedFunds(GrantAccountingCase):
    def _funds(self, agreement, **domain):
        return agreement.dedicated_fund_ids.filtered(
            lambda f: all(f[key] == value for key, value in domain.items())
        )

    def test_unspent_part_carried_and_released_once(self):
        agreement = self._signed()
        self._spend(agreement, self.purchases, 1500.0, date(2026, 3, 15))
        self._spend(agreement, self.salaries, 5250.5, date(2026, 9, 30))
        # another year, another analytic account: not this year's expenses
        self._spend(agreement, self.purchases, 999.0, date(2027, 2, 1))
        other = self.env["account.analytic.account"].create(
            {
                "name": "Autre projet",
                "plan_id": agreement.analytic_account_id.plan_id.id,
            }
        )
        self._spend(agreement, self.purchases, 777.0, date(2026, 5, 1), other)
        self.assertEqual(
            agreement._get_unspent_amount(date(2026, 1, 1), date(2026, 12, 31)),
            3249.5,
        )
        funds = agreement._post_dedicated_funds(date(2026, 6, 30))
        allocation = self._funds(agreement, kind="allocation")
        release = self._funds(agreement, kind="release")
        self.assertEqual(funds, allocation | release)
        self.assertRecordValues(
            allocation | release,
            [
                {
                    "fiscal_year": 2026,
                    "date": date(2026, 12, 31),
                    "amount": 3249.5,
                    "state": "posted",
                },
                {
                    "fiscal_year": 2027,
                    "date": date(2027, 1, 1),
                    "amount": 3249.5,
                    "state": "posted",
                },
            ],
        )
        fund_account = self.company.concierge_dedicated_fund_account_id
        expense = self.company.concierge_dedicated_fund_expense_account_id
        income = self.company.concierge_dedicated_fund_income_account_id
        self.assertTrue(fund_account.code.startswith("19"), fund_account.code)
        self.assertTrue(expense.code.startswith("689"), expense.code)
        self.assertTrue(income.code.startswith("789"), income.code)
        debit = allocation.move_id.line_ids.filtered("debit")
        credit = allocation.move_id.line_ids.filtered("credit")
        self.assertEqual((debit.account_id, debit.debit), (expense, 3249.5))
        self.assertEqual((credit.account_id, credit.credit), (fund_account, 3249.5))
        self.assertEqual(allocation.move_id.date, date(2026, 12, 31))
        self.assertEqual(allocation.move_id.state, "posted")
        debit = release.move_id.line_ids.filtered("debit")
        credit = release.move_id.line_ids.filtered("credit")
        self.assertEqual((debit.account_id, credit.account_id), (fund_account, income))
        self.assertEqual(release.move_id.date, date(2027, 1, 1))
        self.assertEqual(release.origin_id, allocation)
        # the year now balances on the analytic account
        balances = agreement._get_analytic_balances(
            date(2026, 1, 1), date(2026, 12, 31)
        )
        self.assertAlmostEqual(sum(balances.values()), 0.0)
        self.assertAlmostEqual(balances[expense], -3249.5)
        # posted once: running it again creates nothing
        self.assertFalse(agreement._post_dedicated_funds(date(2026, 12, 31)))
        self.assertEqual(len(agreement.dedicated_fund_ids), 2)
        # and the database refuses a second posted row of the same key
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.env.cr.savepoint(),
        ):
            self.env["concierge.funding.dedicated.fund"].create(
                {
                    "agreement_id": agreement.id,
                    "kind": "allocation",
                    "fiscal_year": 2026,
                    "date": date(2026, 12, 31),
                    "amount": 1.0,
                    "state": "posted",
                }
            ).flush_recordset()
        # the next year: the release is a resource, 999 of it spent
        funds_2027 = agreement._post_dedicated_funds(date(2027, 12, 31))
        self.assertEqual(
            self._funds(agreement, kind="allocation", fiscal_year=2027).amount,
            2250.5,
        )
        self.assertEqual(len(funds_2027), 2)

    def test_reverse_and_post_again(self):
        agreement = self._signed()
        self._spend(agreement, self.salaries, 4000.0, date(2026, 9, 30))
        agreement._post_dedicated_funds(date(2026, 12, 31))
        allocation = self._funds(agreement, kind="allocation")
        release = self._funds(agreement, kind="release")
        with self.assertRaisesRegex(UserError, "reverse it instead"):
            allocation.unlink()
        allocation.action_reverse()
        self.assertEqual((allocation | release).mapped("state"), ["reversed"] * 2)
        for fund in allocation | release:
            self.assertEqual(fund.reversal_move_id.state, "posted")
            self.assertEqual(fund.reversal_move_id.date, fund.move_id.date)
            self.assertEqual(fund.reversal_move_id.amount_total, 6000.0)
        with self.assertRaisesRegex(UserError, "Only a posted entry"):
            allocation.action_reverse()
        self.assertEqual(
            agreement._get_unspent_amount(date(2026, 1, 1), date(2026, 12, 31)),
            6000.0,
        )
        # reversed, it can be posted again
        funds = agreement._post_dedicated_funds(date(2026, 12, 31))
        self.assertEqual(len(funds), 2)
        self.assertEqual(funds.mapped("amount"), [6000.0, 6000.0])

    def test_everything_spent_nothing_carried(self):
        agreement = self._signed()
        self._spend(agreement, self.salaries, 12000.0, date(2026, 9, 30))
        self.assertFalse(agreement._post_dedicated_funds(date(2026, 12, 31)))
        wizard = self.env["concierge.dedicated.fund.wizard"].create(
            {"date": date(2026, 12, 31), "agreement_ids": [Command.set(agreement.ids)]}
        )
        with self.assertRaisesRegex(UserError, "Nothing to carry"):
            wizard.action_post()

    def test_wizard_as_manager(self):
        agreement = self._signed()
        wizard = (
            self.env["concierge.dedicated.fund.wizard"]
            .with_user(self.manager)
            .create(
                {
                    "date": date(2026, 12, 31),
                    "agreement_ids": [Command.set(agreement.ids)],
                }
            )
        )
        action = wizard.action_post()
        funds = self.env["concierge.funding.dedicated.fund"].search(action["domain"])
        self.assertEqual(funds.agreement_id, agreement)
        self.assertEqual(funds.mapped("amount"), [10000.0, 10000.0])
