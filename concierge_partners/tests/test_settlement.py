# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import io

import openpyxl

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CommissionCase


@tagged("post_install", "-at_install")
class TestSettlement(CommissionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.referral = cls._create_agreement()
        cls.mandate = cls._create_agreement(
            provider=cls.producer,
            name="Mandat ferme",
            commission_model="mandate",
            rules=[{"scope": "all", "percent": 20.0}],
        )

    def _pay_document(self, move, amount=None):
        return (
            self.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=move.ids)
            .create({"amount": amount or move.amount_residual})
            ._create_payments()
        )

    def test_settle_is_idempotent(self):
        self._invoice([(self.product, 5, 10.0)])
        self._invoice([(self.basket, 2, 15.0)])
        first = self._settle()
        self.assertEqual(len(first), 2)
        self.assertEqual(first.mapped("state"), ["draft", "draft"])
        second = self._settle()
        self.assertFalse(second, "nothing new to settle")
        self.assertEqual(
            self.Settlement.search_count([("date_from", "=", "2026-03-01")]), 2
        )
        # A new invoice of the period joins the draft settlement.
        self._invoice([(self.product, 1, 10.0)])
        third = self._settle()
        referral = first.filtered(lambda s: s.provider_id == self.provider)
        self.assertEqual(third, referral)
        self.assertEqual(referral.commission_amount, 6.0)
        self.assertEqual(referral.line_count, 2)
        self.assertEqual(referral.date_from, fields.Date.to_date("2026-03-01"))
        self.assertEqual(referral.date_to, fields.Date.to_date("2026-03-31"))

    def test_settle_chosen_providers_and_quarter(self):
        self._invoice([(self.product, 5, 10.0)])
        self._invoice([(self.basket, 2, 15.0)])
        only = self._settle(providers=self.producer)
        self.assertEqual(only.provider_id, self.producer)
        self.assertFalse(self._settle(period="quarterly"))
        self.referral.settlement_period = "quarterly"
        quarter = self._settle(period="quarterly")
        self.assertEqual(quarter.provider_id, self.provider)
        self.assertEqual(quarter.date_from, fields.Date.to_date("2026-01-01"))
        self.assertEqual(quarter.date_to, fields.Date.to_date("2026-03-31"))

    def test_later_lines_wait_for_their_period(self):
        self._invoice([(self.product, 1, 10.0)], date="2026-04-02")
        self.assertFalse(self._settle())

    def test_referral_invoice_to_provider_and_reconciliation(self):
        self._invoice([(self.product, 5, 10.0)])
        settlement = self._settle(providers=self.provider)
        with self.assertRaisesRegex(UserError, "confirm them first"):
            settlement._create_documents()
        # buttons answer True (an XML-RPC client gets a value, not a Fault)
        self.assertIs(settlement.action_confirm(), True)
        self.assertEqual(settlement.line_ids.state, "settled")
        self.assertIs(settlement.action_create_document(), True)
        move = settlement.move_id
        self.assertEqual(settlement.state, "invoiced")
        self.assertEqual(settlement.line_ids.state, "invoiced")
        self.assertEqual(move.move_type, "out_invoice")
        self.assertEqual(move.partner_id, self.provider)
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.amount_untaxed, 5.0)
        self.assertEqual(settlement.amount_invoiced, move.amount_total)
        self._pay_document(move, 1.0)
        self.assertEqual(settlement.state, "invoiced")
        self._pay_document(move)
        self.assertEqual(settlement.state, "reconciled")
        self.assertTrue(settlement.currency_id.is_zero(settlement.amount_outstanding))

    def test_mandate_vendor_bill_for_net(self):
        self._invoice([(self.basket, 4, 15.0)])
        settlement = self._settle(providers=self.producer)
        settlement.action_confirm()
        settlement.action_create_document()
        move = settlement.move_id
        self.assertEqual(move.move_type, "in_invoice")
        self.assertEqual(settlement.collected_amount, 60.0)
        self.assertEqual(settlement.commission_amount, 12.0)
        self.assertEqual(settlement.net_amount, 48.0)
        self.assertEqual(move.amount_total, 48.0)
        self.assertEqual(settlement.amount_invoiced, 48.0)
        self._pay_document(move)
        self.assertEqual(settlement.state, "reconciled")

    def test_negative_settlement_gives_refund(self):
        invoice = self._invoice([(self.product, 5, 10.0)])
        self._settle()._confirm()
        invoice.button_draft()
        # The correction is dated the day of the reset: next settlement.
        settlement = self._settle(date=fields.Date.context_today(invoice))
        settlement._confirm()
        settlement._create_documents()
        self.assertEqual(settlement.move_id.move_type, "out_refund")
        self.assertEqual(settlement.move_id.amount_untaxed, 5.0)
        self.assertEqual(settlement.amount_invoiced, -settlement.move_id.amount_total)

    def test_documents_created_once(self):
        self._invoice([(self.product, 5, 10.0)])
        settlement = self._settle(providers=self.provider)
        settlement._confirm()
        settlement._create_documents()
        with self.assertRaisesRegex(UserError, "confirm them first"):
            settlement._create_documents()
        self.assertEqual(
            self.env["account.move"].search_count([("ref", "=", settlement.name)]), 1
        )

    def test_cancel_refused_until_document_cancelled(self):
        self._invoice([(self.product, 5, 10.0)])
        settlement = self._settle(providers=self.provider)
        settlement._confirm()
        settlement._create_documents()
        with self.assertRaisesRegex(UserError, "cancel that document first"):
            settlement.action_cancel()
        settlement.move_id.button_cancel()
        self.assertIs(settlement.action_cancel(), True)
        self.assertEqual(settlement.state, "cancelled")
        lines = self.Line.search([("provider_id", "=", self.provider.id)])
        self.assertEqual(lines.state, "pending")
        self.assertFalse(lines.settlement_id)
        again = self._settle(providers=self.provider)
        self.assertNotEqual(again, settlement)
        self.assertEqual(again.commission_amount, 5.0)

    def test_confirm_empty_refused(self):
        settlement = self.Settlement.create(
            {
                "provider_id": self.provider.id,
                "commission_model": "referral",
                "settlement_period": "monthly",
                "date_from": "2026-05-01",
                "date_to": "2026-05-31",
            }
        )
        with self.assertRaisesRegex(UserError, "without commission lines"):
            settlement.action_confirm()

    def test_settlement_xlsx_read_back(self):
        self._invoice([(self.product, 3, 10.0), (self.product_b, 1, 20.0)])
        settlement = self._settle(providers=self.provider)
        action = settlement.action_export_xlsx()
        self.assertIn("/web/content/", action["url"])
        workbook = openpyxl.load_workbook(
            io.BytesIO(settlement._export_xlsx()), data_only=True
        )
        sheet = workbook.active
        rows = list(sheet.iter_rows(min_row=4, values_only=True))
        self.assertEqual(len(rows), 3)
        self.assertEqual(sorted(row[4] for row in rows[:2]), [20.0, 30.0])
        self.assertEqual(rows[-1][4], 50.0)
        self.assertEqual(rows[-1][6], 5.0)
        self.assertEqual(sheet.freeze_panes, "A4")

    def test_pdf_statement(self):
        self._invoice([(self.product, 3, 10.0)])
        settlement = self._settle(providers=self.provider)
        html = self.env["ir.actions.report"]._render_qweb_html(
            "concierge_partners.report_commission_statement", settlement.ids
        )[0]
        self.assertIn(settlement.name.encode(), html)
        self.assertIn(b"Pressing Dupont", html)
        self.assertIn(b"Commission due to the conciergerie", html)

    def _settle_counting(self, products, providers, count, date):
        for product in products:
            self._invoice([(product, 1, 10.0)] * count, date=date)
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        settlements = self._settle(date=fields.Date.to_date(date), providers=providers)
        self.env.flush_all()
        settled = self.env.cr.sql_log_count
        settlements._confirm()
        settlements._create_draft_documents()
        self.env.flush_all()
        return (
            settlements,
            settled - before,
            self.env.cr.sql_log_count - settled,
        )

    def test_settlement_queries_do_not_grow_with_lines(self):
        """Settling providers, confirming and creating their documents costs
        the same number of queries whether each has one line or many."""
        providers = self.env["res.partner"].create(
            [
                {"name": f"Prestataire {i}", "concierge_is_provider": True}
                for i in range(3)
            ]
        )
        products = self.env["product.product"].create(
            [
                {
                    "name": f"Service {i}",
                    "type": "service",
                    "concierge_provider_id": provider.id,
                    "taxes_id": [Command.clear()],
                }
                for i, provider in enumerate(providers)
            ]
        )
        for provider in providers:
            self._create_agreement(provider=provider)
        # Warm up (the sequence creates its year range on first use).
        self._settle_counting(products, providers, 1, "2026-04-05")
        small, small_count, small_docs = self._settle_counting(
            products, providers, 1, "2026-05-05"
        )
        self.assertEqual(small.mapped("line_count"), [1, 1, 1])
        large, large_count, large_docs = self._settle_counting(
            products, providers, 6, "2026-06-05"
        )
        self.assertEqual(large.mapped("line_count"), [6, 6, 6])
        self.assertEqual(large.mapped("commission_amount"), [6.0, 6.0, 6.0])
        self.assertEqual(large.move_id.mapped("amount_untaxed"), [6.0, 6.0, 6.0])
        self.assertEqual(small_count, large_count)
        self.assertEqual(small_docs, large_docs)
        for product in products:
            self._invoice([(product, 1, 10.0)] * 4, date="2026-07-03")
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=large_count):
            settlements = self._settle(
                date=fields.Date.to_date("2026-07-03"), providers=providers
            )
            self.env.flush_all()
        with self.assertQueryCount(__system__=large_docs):
            settlements._confirm()
            settlements._create_draft_documents()
            self.env.flush_all()
        self.assertEqual(len(settlements.move_id), 3)

    def test_settlement_references_drawn_together(self):
        """References of settlements created together follow each other in
        the year of their period."""
        names = self.Settlement._next_names(fields.Date.to_date("2026-03-01"), 3)
        self.assertEqual(len(set(names)), 3)
        self.assertTrue(all(name.startswith("COM/2026/") for name in names))
        numbers = [int(name.rsplit("/", 1)[1]) for name in names]
        self.assertEqual(numbers, list(range(numbers[0], numbers[0] + 3)))
        following = self.Settlement.create(
            {
                "provider_id": self.provider.id,
                "commission_model": "referral",
                "settlement_period": "monthly",
                "date_from": "2026-05-01",
                "date_to": "2026-05-31",
            }
        )
        self.assertEqual(int(following.name.rsplit("/", 1)[1]), numbers[-1] + 1)
        self.assertTrue(
            self.Settlement._next_names(fields.Date.to_date("2025-12-01"), 1)[
                0
            ].startswith("COM/2025/")
        )

    def test_document_links_back_to_settlement(self):
        self._invoice([(self.product, 5, 10.0)])
        settlement = self._settle(providers=self.provider)
        settlement._confirm()
        move = settlement._create_documents()
        self.assertEqual(move.journal_id.type, "sale")
        self.assertIn(settlement.name, "\n".join(move.message_ids.mapped("body")), move)

    def test_line_state_search(self):
        self._invoice([(self.product, 5, 10.0)])
        self._invoice([(self.basket, 2, 15.0)])
        referral, mandate = self._settle().sorted(
            lambda s: s.commission_model != "referral"
        )
        mandate._confirm()
        referral._confirm()
        referral._create_documents()
        self._invoice([(self.product, 1, 10.0)])
        lines = self.Line.search(
            [("provider_id", "in", (self.provider | self.producer).ids)]
        )
        by_state = {
            state: self.Line.search([("id", "in", lines.ids), ("state", "=", state)])
            for state in ("pending", "settled", "invoiced")
        }
        self.assertEqual(by_state["invoiced"], referral.line_ids)
        self.assertEqual(by_state["settled"], mandate.line_ids)
        self.assertEqual(by_state["pending"].mapped("state"), ["pending"])
        self.assertEqual(len(by_state["pending"]), 1)
        self.assertEqual(
            self.Line.search([("id", "in", lines.ids), ("state", "!=", "pending")]),
            referral.line_ids | mandate.line_ids,
        )
        self.assertEqual(
            self.Line.search(
                [("id", "in", lines.ids), ("state", "in", ["pending", "settled"])]
            ),
            by_state["pending"] | mandate.line_ids,
        )

    def test_document_follows_analytic_distribution_model(self):
        plan = self.env["account.analytic.plan"].create({"name": "Plan test"})
        account = self.env["account.analytic.account"].create(
            {"name": "Commissions test", "plan_id": plan.id}
        )
        self.env["account.analytic.distribution.model"].create(
            {
                "partner_id": self.provider.id,
                "analytic_distribution": {str(account.id): 100},
            }
        )
        self._invoice([(self.product, 5, 10.0)])
        settlement = self._settle(providers=self.provider)
        settlement._confirm()
        move = settlement._create_documents()
        self.assertEqual(
            move.invoice_line_ids.analytic_distribution, {str(account.id): 100}
        )
