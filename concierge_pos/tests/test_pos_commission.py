# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.tests import tagged

from .common import PosCase


@tagged("post_install", "-at_install")
class TestPosCommission(PosCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._receive(20)

    def _lines(self, order):
        return self.Line.search([("pos_order_id", "=", order.id)])

    def test_paid_order_gives_one_line_per_provider_line(self):
        session = self._open_session()
        order = self._sell(
            session,
            [(self.honey, 2), (self.product, 3), (self.no_provider, 1)],
            self.customer,
        )
        lines = self._lines(order)
        self.assertEqual(len(lines), 2)
        by_provider = lines.grouped("provider_id")
        honey, service = by_provider[self.producer], by_provider[self.provider]
        self.assertEqual(honey.agreement_id, self.honey_agreement)
        self.assertEqual(honey.commission_model, "consignment")
        self.assertEqual(
            (honey.quantity, honey.base_amount, honey.commission_amount),
            (2.0, 18.0, 4.5),
        )
        self.assertEqual(honey.net_amount, 13.5)
        self.assertEqual(
            (service.quantity, service.base_amount, service.commission_amount),
            (3.0, 30.0, 3.0),
        )
        self.assertEqual(lines.site_id, self.site)
        self.assertEqual(set(lines.mapped("date")), {order._concierge_date()})
        self.assertEqual(lines.mapped("state"), ["pending", "pending"])
        self.assertFalse(lines.move_id)
        # Synchronising again creates nothing.
        self.assertFalse(self.Line._sync_pos_orders(order))
        # Closing the session gives them the closing entry as document.
        self._close(session)
        self.assertEqual(lines.move_id, session.move_id)

    def test_refunds_are_negative(self):
        session = self._open_session()
        order = self._sell(session, [(self.honey, 4), (self.product, 2)])
        honey_line = order.lines.filtered(lambda line: line.product_id == self.honey)
        service_line = order.lines - honey_line
        # Partly refunded: one jar.
        partial = self._sell(session, [(self.honey, -1, honey_line)])
        [line] = self._lines(partial)
        self.assertEqual(
            (line.quantity, line.base_amount, line.commission_amount, line.net_amount),
            (-1.0, -9.0, -2.25, -6.75),
        )
        self.assertFalse(line.is_correction)
        # The rest refunded: the order's commissions come to zero.
        self._sell(
            session, [(self.honey, -3, honey_line), (self.product, -2, service_line)]
        )
        all_lines = self.Line.search([("pos_order_id.session_id", "=", session.id)])
        self.assertEqual(len(all_lines), 5)
        self.assertEqual(sum(all_lines.mapped("base_amount")), 0.0)
        self.assertEqual(sum(all_lines.mapped("commission_amount")), 0.0)
        self.assertEqual(self._stock(self.producer), 20.0)

    def test_invoiced_order_counts_once(self):
        """An invoiced till order gives its commission lines once, from its
        lines, with the invoice as document; the invoice is sold at the
        till's site."""
        session = self._open_session()
        order = self._sell(
            session, [(self.honey, 1), (self.product, 1)], self.customer, True
        )
        self.assertEqual(order.state, "invoiced")
        invoice = order.account_move
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.concierge_site_id, self.site)
        lines = self._lines(order)
        self.assertEqual(len(lines), 2)
        self.assertEqual(lines.move_id, invoice)
        self.assertEqual(self.Line.search([("move_id", "=", invoice.id)]), lines)
        self.assertEqual(sum(lines.mapped("base_amount")), 19.0)
        # Its refund, invoiced too: negative lines on the credit note.
        refund = self._sell(
            session, [(self.honey, -1, order.lines[:1])], self.customer, True
        )
        [refund_line] = self._lines(refund)
        self.assertEqual(refund_line.move_id, refund.account_move)
        self.assertEqual(refund.account_move.move_type, "out_refund")
        self.assertEqual(refund_line.base_amount, -9.0)
        self._close(session)
        self.assertEqual(lines.move_id, invoice)

    def test_paid_basis_agreement(self):
        """On a paid basis the till order, paid in full, gives its whole
        line at once."""
        self.service_agreement.basis = "paid"
        session = self._open_session()
        order = self._sell(session, [(self.product, 2)])
        [line] = self._lines(order)
        self.assertEqual((line.ratio, line.base_amount), (1.0, 20.0))

    def test_monthly_settlement_bills_the_till_sales(self):
        session = self._open_session()
        self._sell(session, [(self.honey, 4)], self.customer)
        self._sell(session, [(self.honey, 2)])
        self._close(session)
        [settlement] = self.Settlement.browse(
            self.Settlement.settle_period(
                self.today,
                "monthly",
                self.producer.ids,
                confirm=True,
                create_documents=True,
            )
        )
        self.assertEqual(settlement.line_ids.pos_order_id.session_id, session)
        # Consignment: the producer is paid the net (54 sold, 25 % kept).
        self.assertEqual(settlement.amount_due, 40.5)
        self.assertEqual(settlement.move_id.move_type, "in_invoice")
        self.assertEqual(settlement.move_id.amount_total, 40.5)
        # Settled again: nothing new.
        self.assertEqual(
            self.Settlement.settle_period(
                self.today,
                "monthly",
                self.producer.ids,
                confirm=True,
                create_documents=True,
            ),
            [],
        )
        self.assertEqual(
            self.Settlement.search([("provider_id", "=", self.producer.id)]),
            settlement,
        )

    def _mandate_service(self, taxes=None):
        """A seamstress's alteration sold at the till in her name."""
        seamstress = self.env["res.partner"].create(
            {"name": "Atelier Couture", "is_company": True}
        )
        product = self.env["product.product"].create(
            {
                "name": "Ourlet",
                "type": "service",
                "list_price": 15.0,
                "available_in_pos": True,
                "concierge_category_id": self.category.id,
                "concierge_provider_id": seamstress.id,
                "taxes_id": [(6, 0, taxes.ids if taxes else [])],
            }
        )
        agreement = self._create_agreement(
            provider=seamstress,
            commission_model="mandate",
            rules=[{"scope": "all", "percent": 20.0}],
        )
        self.assertEqual(agreement.concierge_sale_mode, "agent")
        return seamstress, product

    def test_mandate_sales_on_the_third_party_account(self):
        seamstress, hem = self._mandate_service()
        third_party = self.company._concierge_third_party_account()
        session = self._open_session()
        order = self._sell(session, [(hem, 2), (self.honey, 1)], self.customer)
        invoiced = self._sell(session, [(hem, 1)], self.customer, to_invoice=True)
        lines = self._lines(order) | self._lines(invoiced)
        by_provider = lines.grouped("provider_id")
        self.assertEqual(by_provider[seamstress].mapped("sale_mode"), ["agent"] * 2)
        # the consignment honey stays sold in the shop's own name
        self.assertEqual(by_provider[self.producer].sale_mode, "own_name")
        # the invoice of the till order books the alteration on 467
        hem_line = invoiced.account_move.invoice_line_ids
        self.assertEqual(hem_line.account_id, third_party)
        self._close(session)
        entry = session.move_id
        on_467 = entry.line_ids.filtered(lambda line: line.account_id == third_party)
        # 2 x 15.00 collected for the seamstress; the honey is revenue
        self.assertEqual(sum(on_467.mapped("balance")), -30.0)
        income = entry.line_ids.filtered(
            lambda line: line.account_id.account_type == "income"
        )
        self.assertEqual(sum(income.mapped("balance")), -9.0)
        # the month's settlement pays her the net and clears what she was owed
        [settlement] = self.Settlement.browse(
            self.Settlement.settle_period(
                self.today,
                "monthly",
                seamstress.ids,
                confirm=True,
                create_documents=True,
            )
        )
        self.assertEqual(settlement.amount_due, 36.0)
        moves = entry | hem_line.move_id | settlement.move_id
        self.assertEqual(
            sum(
                moves.line_ids.filtered(
                    lambda line: line.account_id == third_party
                ).mapped("balance")
            ),
            0.0,
        )

    def test_mandate_sale_with_vat_is_the_shops_own(self):
        vat = self.env["account.tax"].create(
            {"name": "TVA 20 % test", "amount": 20.0, "type_tax_use": "sale"}
        )
        seamstress, hem = self._mandate_service(taxes=vat)
        third_party = self.company._concierge_third_party_account()
        session = self._open_session()
        order = self._sell(session, [(hem, 1)], self.customer)
        # the ticket charged VAT in the conciergerie's name: its own sale
        [line] = self._lines(order)
        self.assertEqual(line.provider_id, seamstress)
        self.assertEqual(line.sale_mode, "own_name")
        self._close(session)
        self.assertFalse(
            session.move_id.line_ids.filtered(lambda aml: aml.account_id == third_party)
        )

    def test_closing_books_lines_in_constant_queries(self):
        """Booking the session's commission lines on its closing entry takes
        as many queries for six orders as for one."""
        for size in (1, 6):
            session = self._open_session()
            for _i in range(size):
                self._sell(session, [(self.honey, 1), (self.product, 1)])
            self._close(session)
            lines = self.Line.search([("pos_order_id.session_id", "=", session.id)])
            self.assertEqual(len(lines), 2 * size)
            lines.move_id = False
            self.env.flush_all()
            self.env.invalidate_all()
            with self.assertQueryCount(3):
                session._concierge_book_commission_lines()
                self.env.flush_all()
            self.assertEqual(lines.move_id, session.move_id)
