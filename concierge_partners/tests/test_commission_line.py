# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import Command, fields
from odoo.tests import tagged

from .common import CommissionCase


@tagged("post_install", "-at_install")
class TestCommissionLine(CommissionCase):
    def _lines(self, move):
        return self.Line.search([("move_id", "in", move.ids)])

    def test_percent_on_posted_invoice(self):
        self._create_agreement()
        invoice = self._invoice(
            [
                (self.product, 3, 10.0),
                (self.product_b, 1, 20.0),
                (self.no_provider, 1, 5),
            ]
        )
        lines = self._lines(invoice)
        self.assertEqual(len(lines), 2)
        self.assertEqual(sum(lines.mapped("base_amount")), 50.0)
        self.assertEqual(sum(lines.mapped("commission_amount")), 5.0)
        self.assertEqual(set(lines.mapped("state")), {"pending"})
        self.assertEqual(lines[0].date, self.date)
        # Posting is idempotent.
        self.Line._sync_moves(invoice)
        self.assertEqual(len(self._lines(invoice)), 2)

    def test_no_line_without_agreement_or_outside_validity(self):
        self._create_agreement(date_start="2026-04-01")
        invoice = self._invoice([(self.product, 1, 10.0)])
        self.assertFalse(self._lines(invoice))
        self.assertFalse(self._lines(self._invoice([(self.basket, 1, 15.0)])))

    def test_fixed_per_unit(self):
        self._create_agreement(
            rules=[{"scope": "all", "compute_type": "fixed", "fixed_amount": 1.5}]
        )
        invoice = self._invoice([(self.product, 4, 10.0)])
        self.assertEqual(self._lines(invoice).commission_amount, 6.0)
        refund = self._invoice([(self.product, 1, 10.0)], move_type="out_refund")
        self.assertEqual(self._lines(refund).commission_amount, -1.5)

    def test_credit_note_gives_negative_lines(self):
        self._create_agreement()
        invoice = self._invoice([(self.product, 2, 10.0)])
        refund = self._invoice([(self.product, 1, 10.0)], move_type="out_refund")
        line = self._lines(refund)
        self.assertEqual(line.base_amount, -10.0)
        self.assertEqual(line.commission_amount, -1.0)
        self.assertEqual(line.quantity, -1)
        self.assertEqual(
            sum(self._lines(invoice | refund).mapped("commission_amount")), 1.0
        )

    def test_tiers_by_period_volume(self):
        self._create_agreement(
            rules=[
                {
                    "scope": "all",
                    "compute_type": "tiers",
                    "tier_ids": [
                        Command.create(
                            {"amount_from": 0, "amount_to": 100, "percent": 10}
                        ),
                        Command.create({"amount_from": 100, "percent": 5}),
                    ],
                }
            ]
        )
        first = self._invoice([(self.product, 8, 10.0)])
        self.assertEqual(self._lines(first).commission_amount, 8.0)
        # 20 in the first tier, 20 in the second.
        second = self._invoice([(self.product, 4, 10.0)])
        self.assertEqual(self._lines(second).commission_amount, 3.0)
        # Exactly at the boundary then above it.
        third = self._invoice([(self.product, 1, 10.0)])
        self.assertEqual(self._lines(third).commission_amount, 0.5)
        # Next month starts again from the first tier.
        april = self._invoice([(self.product, 1, 10.0)], date="2026-04-02")
        self.assertEqual(self._lines(april).commission_amount, 1.0)
        # A credit note gives back at the rate of the volume it removes.
        refund = self._invoice(
            [(self.product, 5, 10.0)], move_type="out_refund", date="2026-03-20"
        )
        # Volume 130 -> 80: 30 at 5 % and 20 at 10 %.
        self.assertEqual(self._lines(refund).commission_amount, -3.5)

    def test_tier_boundary_in_one_batch(self):
        self._create_agreement(
            rules=[
                {
                    "scope": "all",
                    "compute_type": "tiers",
                    "tier_ids": [
                        Command.create(
                            {"amount_from": 0, "amount_to": 100, "percent": 10}
                        ),
                        Command.create({"amount_from": 100, "percent": 5}),
                    ],
                }
            ]
        )
        invoice = self._invoice([(self.product, 10, 10.0), (self.product_b, 1, 20.0)])
        lines = self._lines(invoice)
        self.assertEqual(sum(lines.mapped("commission_amount")), 11.0)

    def test_paid_basis_partial_payments_pro_rata(self):
        self._create_agreement(basis="paid")
        invoice = self._invoice([(self.product, 10, 10.0)])
        self.assertFalse(self._lines(invoice))
        self._pay(invoice, 30.0, date=fields.Date.to_date("2026-03-15"))
        lines = self._lines(invoice)
        self.assertEqual(len(lines), 1)
        self.assertEqual(lines.base_amount, 30.0)
        self.assertEqual(lines.commission_amount, 3.0)
        self.assertEqual(lines.date, fields.Date.to_date("2026-03-15"))
        self._pay(invoice, 70.0, date=fields.Date.to_date("2026-04-02"))
        lines = self._lines(invoice)
        self.assertEqual(len(lines), 2)
        self.assertEqual(sum(lines.mapped("base_amount")), 100.0)
        self.assertEqual(sum(lines.mapped("commission_amount")), 10.0)
        self.assertAlmostEqual(sum(lines.mapped("ratio")), 1.0)
        # Unreconciling a payment takes its share back.
        payment_lines = invoice.line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable"
        )
        payment_lines.remove_move_reconcile()
        lines = self._lines(invoice)
        self.assertFalse(lines, "all lines were pending: removed")

    def test_paid_basis_thirds_never_drift(self):
        self._create_agreement(basis="paid")
        invoice = self._invoice([(self.product, 1, 100.0)])
        for amount in (33.33, 33.33, 33.34):
            self._pay(invoice, amount)
        lines = self._lines(invoice)
        self.assertEqual(sum(lines.mapped("base_amount")), 100.0)
        self.assertAlmostEqual(sum(lines.mapped("commission_amount")), 10.0)

    def test_reset_removes_pending_lines(self):
        self._create_agreement()
        invoice = self._invoice([(self.product, 1, 10.0)])
        self.assertTrue(self._lines(invoice))
        invoice.button_draft()
        self.assertFalse(self._lines(invoice))
        invoice.action_post()
        self.assertEqual(self._lines(invoice).commission_amount, 1.0)
        invoice.button_cancel()
        self.assertFalse(self._lines(invoice))

    def test_cancel_after_settlement_adds_correction(self):
        self._create_agreement()
        invoice = self._invoice([(self.product, 5, 10.0)])
        settlement = self._settle()
        settlement._confirm()
        self.assertEqual(self._lines(invoice).state, "settled")
        invoice.button_draft()
        invoice.button_cancel()
        lines = self._lines(invoice)
        self.assertEqual(len(lines), 2)
        correction = lines.filtered("is_correction")
        self.assertEqual(correction.commission_amount, -5.0)
        self.assertEqual(correction.base_amount, -50.0)
        self.assertEqual(correction.state, "pending")
        self.assertEqual(sum(lines.mapped("commission_amount")), 0.0)
        self.assertEqual(settlement.commission_amount, 5.0)
        # The correction, dated the day of the cancellation, goes to the
        # next settlement.
        self.assertEqual(correction.date, fields.Date.context_today(invoice))
        april = self._settle(date=correction.date)
        self.assertEqual(april.line_ids, correction)
        self.assertEqual(april.commission_amount, -5.0)

    def test_repost_after_settlement_counts_once(self):
        self._create_agreement()
        invoice = self._invoice([(self.product, 5, 10.0)])
        self._settle()._confirm()
        invoice.button_draft()
        invoice.action_post()
        invoice.button_draft()
        invoice.action_post()
        lines = self._lines(invoice)
        self.assertEqual(sum(lines.mapped("commission_amount")), 5.0)
        self.assertEqual(len(lines.filtered(lambda line: line.state == "pending")), 2)
