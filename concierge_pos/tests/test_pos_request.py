# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.exceptions import UserError
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
        self.assertEqual(found["paid_by"], "")
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

    def test_hand_back_without_payment_refused_when_there_is_an_order(self):
        request = self._ready_request()
        # the beneficiary pays: the items go back when the order is paid
        with self.assertRaisesRegex(UserError, "is paid at the till"):
            request.concierge_pos_hand_back()
        self.assertEqual(request.custody_item_ids.state, "ready")
        self.assertEqual(request.state, "ready")

    def test_request_taken_at_the_till(self):
        Request = self.env["concierge.service.request"]
        lines = [
            {"product_id": self.cleaning.id, "qty": 1, "note": "Manteau bleu"},
            {"product_id": self.honey.id, "qty": 2, "note": ""},
        ]
        result = Request.concierge_pos_create_request(
            self.config.id, self.beneficiary.id, lines
        )
        request = Request.browse(result["id"])
        # the services make the request; the honey stays on the till's order
        self.assertEqual(result["product_ids"], self.cleaning.ids)
        self.assertEqual(request.state, "confirmed")
        self.assertEqual(request.site_id, self.config.concierge_site_id)
        self.assertEqual(request.company_id, self.config.company_id)
        self.assertEqual(request.line_ids.name, "Manteau bleu")
        item = request.custody_item_ids
        self.assertEqual(item.state, "received")
        self.assertEqual(result["sale_order_id"], request.sale_order_id.id)
        self.assertEqual(result["amount_total"], 18.0)
        [ticket] = result["custody_tickets"]
        self.assertEqual(ticket["name"], item.name)
        self.assertEqual(ticket["partner_name"], "Odile Comptoir")
        self.assertEqual(ticket["description"], "Manteau bleu")
        self.assertEqual(ticket["request_name"], request.name)
        self.assertEqual(ticket["site_name"], self.site.name)
        self.assertTrue(ticket["received"])
        # found at the till by its ticket, to be paid and handed back
        [found] = Request.concierge_pos_search(item.name)
        self.assertEqual(found["id"], request.id)

    def test_request_at_the_till_refused(self):
        Request = self.env["concierge.service.request"]
        count = Request.search_count([])
        honey = [{"product_id": self.honey.id, "qty": 1}]
        coat = [{"product_id": self.cleaning.id, "qty": 1}]
        with self.assertRaisesRegex(UserError, "Choose the beneficiary"):
            Request.concierge_pos_create_request(self.config.id, False, coat)
        with self.assertRaisesRegex(UserError, "No conciergerie service"):
            Request.concierge_pos_create_request(
                self.config.id, self.beneficiary.id, honey
            )
        self.assertEqual(Request.search_count([]), count)
