# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.tests import tagged

from .common import PosCase


@tagged("post_install", "-at_install")
class TestPosRequest(PosCase):
    """A request paid and handed back at the till."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._counter_service()

    def test_find_open_requests(self):
        request = self._ready_request()
        ticket = request.custody_item_ids.name
        Request = self.env["concierge.service.request"]
        for term in (ticket, "Odile", "04 78 45 00 99", request.name):
            found = Request.concierge_pos_search(term)
            self.assertEqual([r["id"] for r in found], request.ids, term)
        [found] = Request.concierge_pos_search(ticket)
        self.assertEqual(found["sale_order_id"], request.sale_order_id.id)
        self.assertEqual(found["ready_tickets"], [ticket])
        self.assertEqual(found["amount_total"], 18.0)
        self.assertEqual(Request.concierge_pos_search("T99-99999"), [])
        self.assertEqual(Request.concierge_pos_search("  "), [])

    def test_settle_at_the_till_hands_back(self):
        request = self._ready_request()
        item = request.custody_item_ids
        sale_order = request.sale_order_id
        sale_line = sale_order.order_line
        session = self._open_session()
        # The till's settle-order flow (pos_sale): the lines of the order
        # point to the sale order and its line.
        order = self._sell(session, [(self.cleaning, 1, sale_line)], self.beneficiary)
        self.assertEqual(order.lines.sale_order_origin_id, sale_order)
        self.assertEqual(order.state, "paid")
        self.assertEqual(item.state, "returned")
        self.assertEqual(
            item.location_id, self.env.ref("stock.stock_location_customers")
        )
        self.assertEqual(request.state, "done")
        self.assertEqual(sale_line.qty_delivered, 1.0)
        # Billed once: by the till, not again from the sale order.
        self.assertEqual(sale_order.invoice_status, "invoiced")
        [line] = self.Line.search([("pos_order_id", "=", order.id)])
        self.assertEqual((line.provider_id, line.base_amount), (self.provider, 18.0))
        self.assertFalse(
            self.env["concierge.service.request"].concierge_pos_search(item.name)
        )
