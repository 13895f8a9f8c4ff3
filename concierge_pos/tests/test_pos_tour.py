# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.tests import HttpCase, tagged

from .common import PosCase


@tagged("post_install", "-at_install")
class TestPosTour(PosCase, HttpCase):
    """The till in Chromium, as a cashier uses it: a custody ticket scanned,
    a request found by name, a coat left at the counter taken as a request
    with its ticket printed, a jar of honey in consignment sold and
    refunded."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._cash_till()
        cls._counter_service()

    def _ready_request(self, partner=None, product=None):
        # the ticket printed on the item's bag, known to the tour
        self.env.ref("concierge_services.seq_concierge_custody_item").write(
            {"prefix": "CONCIERGE-TOUR-TICKET", "padding": 0, "number_next": 1}
        )
        return super()._ready_request(partner, product)

    def _assert_handed_back(self, request):
        order = self.env["pos.order"].search(
            [("lines.sale_order_origin_id", "=", request.sale_order_id.id)]
        )
        self.assertEqual(order.state, "paid")
        self.assertEqual(order.partner_id, self.beneficiary)
        self.assertEqual(request.custody_item_ids.state, "returned")
        self.assertEqual(request.state, "done")
        self.assertEqual(request.sale_order_id.invoice_status, "invoiced")

    def test_ticket_scanned_hands_back(self):
        request = self._ready_request()
        self.assertEqual(request.custody_item_ids.name, "CONCIERGE-TOUR-TICKET1")
        self.start_tour(
            f"/pos/ui?config_id={self.config.id}",
            "concierge_pos_ticket_tour",
            login="admin",
        )
        self._assert_handed_back(request)

    def test_request_found_by_name(self):
        request = self._ready_request()
        self.start_tour(
            f"/pos/ui?config_id={self.config.id}",
            "concierge_pos_request_search_tour",
            login="admin",
        )
        self._assert_handed_back(request)

    def test_request_taken_at_the_till(self):
        self.env.ref("concierge_services.seq_concierge_custody_item").write(
            {"prefix": "CONCIERGE-TOUR-TICKET", "padding": 0, "number_next": 1}
        )
        self._receive(2)
        self.start_tour(
            f"/pos/ui?config_id={self.config.id}",
            "concierge_pos_new_request_tour",
            login="admin",
        )
        request = self.env["concierge.service.request"].search(
            [("partner_id", "=", self.beneficiary.id)]
        )
        self.assertEqual(len(request), 1)
        self.assertEqual(request.state, "confirmed")
        self.assertEqual(request.site_id, self.site)
        self.assertEqual(request.line_ids.product_id, self.cleaning)
        self.assertEqual(request.custody_item_ids.name, "CONCIERGE-TOUR-TICKET1")
        self.assertEqual(request.custody_item_ids.state, "received")
        # the coat is paid with the request's sale order when handed back;
        # the honey was paid at once, alone on the till's order
        self.assertEqual(request.sale_order_id.amount_total, 18.0)
        self.assertEqual(request.sale_order_id.state, "sale")
        order = self.env["pos.order"].search([("config_id", "=", self.config.id)])
        self.assertEqual(order.lines.product_id, self.honey)
        self.assertEqual(order.amount_total, 9.0)

    def test_consignment_sold_and_refunded(self):
        self._receive(4)
        self.start_tour(
            f"/pos/ui?config_id={self.config.id}",
            "concierge_pos_consignment_tour",
            login="admin",
        )
        orders = self.env["pos.order"].search(
            [("config_id", "=", self.config.id)], order="id"
        )
        self.assertEqual(len(orders), 2)
        self.assertEqual(orders.mapped("amount_total"), [9.0, -9.0])
        # closed, the session's stock leaves the producer's stock and comes
        # back into it (never the shop's stock)
        session = orders.session_id
        session.post_closing_cash_details(0)
        session.close_session_from_ui()
        self.assertEqual(session.state, "closed")
        moved = self.env["stock.move.line"].search(
            [("move_id.picking_id", "in", session.picking_ids.ids)]
        )
        self.assertEqual(
            sorted(
                (line.location_id == self.location, line.owner_id.id, line.quantity)
                for line in moved
            ),
            sorted([(True, self.producer.id, 1.0), (False, self.producer.id, 1.0)]),
        )
        self.assertEqual(
            (moved.location_id | moved.location_dest_id) & self.location,
            self.location,
        )
        self.assertEqual(self._stock(self.producer), 4.0)
        lines = self.Line.search([("pos_order_id", "in", orders.ids)])
        self.assertEqual(sorted(lines.mapped("base_amount")), [-9.0, 9.0])
        self.assertEqual(lines.provider_id, self.producer)
