# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import ConciergeCase


class FundingCase(ConciergeCase):
    """Funders, agreements and the accounting that pays them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.company.chart_template:
            cls.env["account.chart.template"].try_loading(
                "generic_coa", cls.company, install_demo=False
            )
        cls.commune = cls.env["res.partner"].create(
            {
                "name": "Commune de Test",
                "is_company": True,
                "concierge_funder_type": "commune",
            }
        )
        cls.foundation = cls.env["res.partner"].create(
            {
                "name": "Fondation de Test",
                "is_company": True,
                "concierge_funder_type": "foundation",
            }
        )
        cls.receivable = cls.commune.property_account_receivable_id
        cls.income = cls.env["account.account"].search(
            [
                ("account_type", "=", "income_other"),
                ("company_ids", "in", cls.company.ids),
            ],
            limit=1,
        ) or cls.env["account.account"].search(
            [("account_type", "=", "income"), ("company_ids", "in", cls.company.ids)],
            limit=1,
        )
        cls.misc_journal = cls.env["account.journal"].search(
            [("type", "=", "general"), ("company_id", "=", cls.company.id)], limit=1
        )
        cls.bank_journal = cls.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", cls.company.id)], limit=1
        )
        cls.accountant = new_test_user(
            cls.env,
            login="concierge_accountant_test",
            groups="account.group_account_readonly",
            company_ids=[Command.set(cls.company.ids)],
        )

    @classmethod
    def _agreement(cls, **vals):
        values = {
            "name": "Soutien au démarrage",
            "funder_id": cls.commune.id,
            "amount": 10000.0,
            "date_start": date(2026, 1, 1),
            "date_end": date(2026, 12, 31),
            "phase": "test",
            "installment_ids": [
                Command.create(
                    {
                        "name": "Acompte",
                        "date_due": date(2026, 2, 1),
                        "amount_expected": 6000.0,
                    }
                ),
                Command.create(
                    {
                        "name": "Solde",
                        "date_due": date(2026, 12, 1),
                        "amount_expected": 4000.0,
                    }
                ),
            ],
        }
        values.update(vals)
        return cls.env["concierge.funding.agreement"].create(values)

    @classmethod
    def _grant_entry(cls, partner, amount, day, account=None):
        """Post an entry: the funder owes ``amount`` (or paid it straight to
        the bank when ``account`` is the bank account). Returns its line."""
        account = account or cls.receivable
        move = cls.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": cls.misc_journal.id,
                "date": day,
                "line_ids": [
                    Command.create(
                        {
                            "account_id": account.id,
                            "partner_id": partner.id,
                            "debit": amount,
                            "name": "Subvention",
                        }
                    ),
                    Command.create(
                        {
                            "account_id": cls.income.id,
                            "partner_id": partner.id,
                            "credit": amount,
                            "name": "Subvention",
                        }
                    ),
                ],
            }
        )
        move.action_post()
        return move.line_ids.filtered(lambda line: line.account_id == account)

    @classmethod
    def _pay(cls, partner, amount, day, receivable_line=None):
        """Register a customer payment, reconciled with a receivable line."""
        payment = cls.env["account.payment"].create(
            {
                "payment_type": "inbound",
                "partner_type": "customer",
                "partner_id": partner.id,
                "amount": amount,
                "date": day,
                "journal_id": cls.bank_journal.id,
            }
        )
        payment.action_post()
        if receivable_line:
            lines = payment.move_id.line_ids.filtered(
                lambda line: line.account_id == receivable_line.account_id
            )
            (lines | receivable_line).reconcile()
        return payment


@tagged("post_install", "-at_install")
class TestFunding(FundingCase):
    def test_funder_kind(self):
        self.assertEqual(self.commune.concierge_funder_kind, "public")
        self.assertEqual(self.foundation.concierge_funder_kind, "private")
        self.commune.concierge_funder_type = "eu"
        self.assertEqual(self.commune.concierge_funder_kind, "public")
        self.commune.concierge_funder_type = False
        self.assertFalse(self.commune.concierge_funder_kind)
        funders = self.env["res.partner"].search(
            [("concierge_funder_kind", "=", "private")]
        )
        self.assertIn(self.foundation, funders)

    def test_sign_creates_analytic_account_and_deadline_activities(self):
        agreement = self._agreement(
            reference="CONV-2026-12",
            deadline_ids=[
                Command.create(
                    {"name": "Bilan intermédiaire", "date_deadline": date(2026, 6, 30)}
                ),
                Command.create(
                    {"name": "Bilan final", "date_deadline": date(2027, 1, 31)}
                ),
            ],
        )
        self.assertFalse(agreement.activity_ids)
        agreement.action_sign()
        self.assertEqual(agreement.state, "signed")
        account = agreement.analytic_account_id
        self.assertEqual(
            account.plan_id,
            self.env["concierge.funding.agreement"]._get_analytic_plan(),
        )
        self.assertEqual(account.partner_id, self.commune)
        self.assertIn("CONV-2026-12", account.name)
        self.assertEqual(len(agreement.activity_ids), 2)
        self.assertEqual(
            sorted(agreement.activity_ids.mapped("date_deadline")),
            [date(2026, 6, 30), date(2027, 1, 31)],
        )
        self.assertEqual(set(agreement.deadline_ids.mapped("state")), {"planned"})
        # a deadline added later is scheduled at once, the others not again
        agreement.deadline_ids = [
            Command.create({"name": "Visite", "date_deadline": date(2026, 9, 15)})
        ]
        self.assertEqual(len(agreement.activity_ids), 3)
        agreement.deadline_ids._schedule_activities()
        self.assertEqual(len(agreement.activity_ids), 3)
        # marking the activity done marks the deadline done
        first = agreement.deadline_ids.sorted("date_deadline")[0]
        first.activity_id.action_done()
        self.assertEqual(first.state, "done")
        # an existing analytic account is kept
        own = self.env["account.analytic.account"].create(
            {"name": "Compte existant", "plan_id": account.plan_id.id}
        )
        other = self._agreement(analytic_account_id=own.id)
        other.action_sign()
        self.assertEqual(other.analytic_account_id, own)
        with self.assertRaisesRegex(UserError, "Only a draft agreement"):
            other.action_sign()

    def test_bad_input_refused(self):
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self._agreement(date_start=date(2026, 6, 1), date_end=date(2026, 5, 31))
        with self.assertRaisesRegex(ValidationError, "add up to"):
            self._agreement(amount=9000.0)
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self._agreement(amount=-10.0, installment_ids=[])
        agreement = self._agreement()
        with self.assertRaisesRegex(ValidationError, "add up to"):
            self.env["concierge.funding.installment"].create(
                {
                    "agreement_id": agreement.id,
                    "name": "Complément",
                    "date_due": date(2026, 12, 15),
                    "amount_expected": 1.0,
                }
            )
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            agreement.installment_ids[0].amount_expected = -5.0
        with self.assertRaisesRegex(ValidationError, "add up to"):
            agreement.amount = 5000.0

    def test_confirm_requires_funder_and_amount(self):
        without_funder = self._agreement(funder_id=False)
        with self.assertRaisesRegex(UserError, "Choose the funder"):
            without_funder.action_sign()
        without_amount = self._agreement(amount=0.0, installment_ids=[])
        with self.assertRaisesRegex(UserError, "Enter the amount granted"):
            without_amount.action_sign()
        self.assertEqual(without_funder.state, "draft")
        self.assertEqual(without_amount.state, "draft")

    def test_signed_agreement_cannot_be_deleted(self):
        draft = self._agreement()
        draft.unlink()
        self.assertFalse(draft.exists())
        signed = self._agreement()
        signed.action_sign()
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            signed.unlink()
        signed.action_cancel()
        self.assertEqual(signed.state, "cancelled")
        signed.action_draft()
        signed.unlink()
        self.assertFalse(signed.exists())

    def test_received_follows_reconciliation(self):
        agreement = self._agreement()
        agreement.action_sign()
        first, second = agreement.installment_ids.sorted("date_due")
        claim = self._grant_entry(self.commune, 6000.0, date(2026, 1, 15))
        first.move_line_ids = [Command.link(claim.id)]
        self.assertEqual(first.amount_received, 0.0)
        self.assertEqual(first.state, "to_receive")
        self._pay(self.commune, 4000.0, date(2026, 2, 10), claim)
        self.assertEqual(first.amount_received, 4000.0)
        self.assertEqual(first.amount_residual, 2000.0)
        self.assertEqual(first.state, "partial")
        self.assertEqual(first.date_received, date(2026, 2, 10))
        self._pay(self.commune, 2000.0, date(2026, 3, 5), claim)
        self.assertEqual(first.amount_received, 6000.0)
        self.assertEqual(first.state, "received")
        self.assertEqual(first.date_received, date(2026, 3, 5))
        # the balance paid straight to the bank
        bank_account = self.bank_journal.default_account_id
        receipt = self._grant_entry(
            self.commune, 4000.0, date(2026, 12, 3), account=bank_account
        )
        second.move_line_ids = [Command.link(receipt.id)]
        self.assertEqual(second.amount_received, 4000.0)
        self.assertEqual(agreement.amount_received, 10000.0)
        self.assertEqual(agreement.amount_to_receive, 0.0)
        self.assertEqual(agreement.received_rate, 100.0)
        # unreconciling gives the money back to "to receive"
        claim.remove_move_reconcile()
        self.assertEqual(first.amount_received, 0.0)
        self.assertEqual(first.state, "to_receive")
        self.assertEqual(agreement.amount_received, 4000.0)
        # money received: cancelling is refused
        with self.assertRaisesRegex(UserError, "already received"):
            agreement.action_cancel()

    def test_payment_cannot_count_twice(self):
        agreement = self._agreement()
        agreement.action_sign()
        first, second = agreement.installment_ids.sorted("date_due")
        claim = self._grant_entry(self.commune, 6000.0, date(2026, 1, 15))
        first.move_line_ids = [Command.link(claim.id)]
        with self.assertRaisesRegex(ValidationError, "cannot count twice"):
            second.move_line_ids = [Command.link(claim.id)]
        # a bank line that pays the receivable is not linked instead of it
        bank_account = self.bank_journal.default_account_id
        receipt = self.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": self.misc_journal.id,
                "date": date(2026, 2, 1),
                "line_ids": [
                    Command.create(
                        {
                            "account_id": bank_account.id,
                            "partner_id": self.commune.id,
                            "debit": 6000.0,
                        }
                    ),
                    Command.create(
                        {
                            "account_id": self.receivable.id,
                            "partner_id": self.commune.id,
                            "credit": 6000.0,
                        }
                    ),
                ],
            }
        )
        receipt.action_post()
        bank_line = receipt.line_ids.filtered(
            lambda line: line.account_id == bank_account
        )
        with self.assertRaisesRegex(ValidationError, "link that receivable"):
            second.move_line_ids = [Command.link(bank_line.id)]
        # nor is it proposed by the matching
        self.assertNotIn(
            bank_line, agreement.installment_ids._get_candidate_move_lines()
        )
        # the line of another partner is refused
        other_claim = self._grant_entry(self.foundation, 4000.0, date(2026, 1, 15))
        with self.assertRaisesRegex(ValidationError, "cannot settle an installment"):
            second.move_line_ids = [Command.link(other_claim.id)]

    def test_match_payments(self):
        agreement = self._agreement()
        draft_claim = self._grant_entry(self.commune, 6000.0, date(2026, 1, 15))
        agreement.action_match_payments()  # a draft agreement is not matched
        self.assertFalse(agreement.installment_ids.move_line_ids)
        agreement.action_sign()
        self._grant_entry(self.foundation, 4000.0, date(2026, 1, 15))
        agreement.action_match_payments()
        first, second = agreement.installment_ids.sorted("date_due")
        self.assertEqual(first.move_line_ids, draft_claim)
        self.assertFalse(second.move_line_ids)  # the foundation's line is not used
        receipt = self._grant_entry(
            self.commune,
            4000.0,
            date(2026, 12, 2),
            account=self.bank_journal.default_account_id,
        )
        agreement.action_match_payments()
        agreement.action_match_payments()
        self.assertEqual(second.move_line_ids, receipt)
        self.assertEqual(first.move_line_ids, draft_claim)
        self.assertEqual(second.amount_received, 4000.0)
        # a second agreement does not take the lines already used
        other = self._agreement()
        other.action_sign()
        other.action_match_payments()
        self.assertFalse(other.installment_ids.move_line_ids)

    def test_overdue_installments(self):
        agreement = self._agreement()
        agreement.action_sign()
        Installment = self.env["concierge.funding.installment"]
        overdue = Installment.search(
            [("agreement_id", "=", agreement.id), ("is_overdue", "=", True)]
        )
        not_overdue = Installment.search(
            [("agreement_id", "=", agreement.id), ("is_overdue", "=", False)]
        )
        today = date.today()
        expected = agreement.installment_ids.filtered(lambda i: i.date_due < today)
        self.assertEqual(overdue, expected)
        self.assertEqual(not_overdue, agreement.installment_ids - expected)

    def test_security(self):
        agreement = self._agreement()
        other_company_agreement = self._agreement(
            company_id=self.other_company.id, installment_ids=[]
        )
        # a concierge reads the agreements of the company, edits none
        as_user = agreement.with_user(self.concierge)
        self.assertEqual(as_user.name, "Soutien au démarrage")
        with self.assertRaises(AccessError):
            as_user.write({"amount": 20000.0})
        with self.assertRaises(AccessError):
            as_user.installment_ids[0].write({"amount_expected": 1.0})
        with self.assertRaises(AccessError):
            self.env["concierge.funding.agreement"].with_user(self.concierge).create(
                {"name": "Essai"}
            )
        found = (
            self.env["concierge.funding.agreement"].with_user(self.concierge).search([])
        )
        self.assertIn(agreement, found)
        self.assertNotIn(other_company_agreement, found)
        with self.assertRaises(AccessError):
            other_company_agreement.with_user(self.concierge).read(["name"])
        # an accountant reads agreements and installments, edits none
        as_accountant = agreement.with_user(self.accountant)
        self.assertEqual(as_accountant.amount, 10000.0)
        self.assertEqual(len(as_accountant.installment_ids), 2)
        with self.assertRaises(AccessError):
            as_accountant.write({"amount": 1.0})
        # a manager edits and signs
        as_manager = agreement.with_user(self.manager)
        as_manager.write({"purpose": "Ouverture du site"})
        as_manager.action_sign()
        self.assertEqual(agreement.state, "signed")
