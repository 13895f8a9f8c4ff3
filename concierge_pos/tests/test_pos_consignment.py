# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.tests import tagged

from .common import PosCase

# Queries to find the consignment goods of a till's picking.
QUERIES = 11


@tagged("post_install", "-at_install")
class TestPosConsignment(PosCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_producer = cls.env["res.partner"].create(
            {
                "name": "Rucher voisin",
                "is_company": True,
                "concierge_is_provider": True,
                "concierge_provider_kind": "producer",
            }
        )
        cls.stock = cls.config.picking_type_id.default_location_src_id
        # The producer's jars, a neighbour's jars of the same honey in the
        # same consignment stock, and the shop's own jars.
        cls._receive(10)
        cls._receive(5, producer=cls.other_producer)
        cls.env["stock.quant"]._update_available_quantity(cls.honey, cls.stock, 7)

    def _assert_stocks(self, producer, other, shop):
        self.assertEqual(
            (
                self._stock(self.producer),
                self._stock(self.other_producer),
                self._stock(False, self.stock),
                self._stock(False),
            ),
            (producer, other, shop, 0.0),
        )

    def test_sale_and_refund_move_the_producer_stock_only(self):
        session = self._open_session()
        order = self._sell(session, [(self.honey, 3)], self.customer)
        self.assertEqual(order.state, "paid")
        self._assert_stocks(7.0, 5.0, 7.0)
        moves = order.picking_ids.move_ids
        self.assertEqual(order.picking_ids.state, "done")
        self.assertEqual(moves.move_line_ids.owner_id, self.producer)
        self.assertEqual(moves.move_line_ids.location_id, self.location)
        # The customer brings a jar back: it returns to the producer's stock.
        refund = self._sell(session, [(self.honey, -1, order.lines)], self.customer)
        self.assertEqual(refund.picking_ids.state, "done")
        self.assertEqual(
            refund.picking_ids.move_line_ids.location_dest_id, self.location
        )
        self._assert_stocks(8.0, 5.0, 7.0)
        self._close(session)
        self._assert_stocks(8.0, 5.0, 7.0)

    def test_shop_goods_stay_the_shop_s(self):
        """A product of no provider is taken from the shop's stock, never
        from the producers' consignment."""
        basket = self.env["product.product"].create(
            {"name": "Panier", "is_storable": True, "list_price": 5.0, "taxes_id": []}
        )
        self.env["stock.quant"]._update_available_quantity(basket, self.stock, 4)
        session = self._open_session()
        order = self._sell(session, [(basket, 2), (self.honey, 1)])
        by_product = order.picking_ids.move_line_ids.grouped("product_id")
        self.assertFalse(by_product[basket].owner_id)
        self.assertEqual(basket.with_context(location=self.stock.id).qty_available, 2)
        self.assertEqual(by_product[self.honey].owner_id, self.producer)
        self._assert_stocks(9.0, 5.0, 7.0)

    def test_stock_at_closing(self):
        """Stock updated when the session closes: the session's pickings
        take the producer's goods too, and a refund returns them."""
        self.env.company.point_of_sale_update_stock_quantities = "closing"
        session = self._open_session()
        self.assertTrue(session.update_stock_at_closing)
        first = self._sell(session, [(self.honey, 2)])
        self._sell(session, [(self.honey, 3)], self.customer)
        self._sell(session, [(self.honey, -1, first.lines)])
        self._assert_stocks(10.0, 5.0, 7.0)
        self._close(session)
        self.assertEqual(set(session.picking_ids.mapped("state")), {"done"})
        self._assert_stocks(6.0, 5.0, 7.0)

    def test_moves_cost_the_same_queries_for_more_lines(self):
        """The consignment goods of a till's picking are found in as many
        queries for ten order lines as for two, and their moves reserve the
        producer's goods only."""
        self.env.company.point_of_sale_update_stock_quantities = "closing"
        session = self._open_session()
        orders = self.env["pos.order"]
        for _i in range(12):
            orders |= self._sell(session, [(self.honey, 1)])
        picking_type = self.config.picking_type_id
        Picking = self.env["stock.picking"]
        for lines in (orders[:2].lines, orders[2:].lines):
            picking = Picking.create(
                Picking._prepare_picking_vals(
                    False,
                    picking_type,
                    self.stock.id,
                    picking_type.default_location_dest_id.id,
                )
            )
            self.env.flush_all()
            self.env.invalidate_all()
            with self.assertQueryCount(__system__=QUERIES):
                consignment = picking._concierge_consignment_map(lines)
            self.assertEqual(
                consignment, {self.honey.id: (self.location.id, self.producer.id)}
            )
            picking._create_move_from_pos_order_lines(lines)
            self.assertEqual(picking.move_ids.restrict_partner_id, self.producer)
            self.assertEqual(picking.move_ids.location_id, self.location)
            self.assertEqual(picking.move_line_ids.owner_id, self.producer)
            self.assertEqual(picking.move_line_ids.location_id, self.location)
            self.assertEqual(sum(picking.move_line_ids.mapped("quantity")), len(lines))
