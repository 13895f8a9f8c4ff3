# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import CommissionCase


@tagged("post_install", "-at_install")
class TestConsignment(CommissionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.honey = cls.env["product.product"].create(
            {
                "name": "Miel test",
                "type": "consu",
                "is_storable": True,
                "list_price": 9.0,
                "concierge_provider_id": cls.producer.id,
                "concierge_category_id": cls.category.id,
                "taxes_id": [],
            }
        )
        cls.agreement = cls._create_agreement(
            provider=cls.producer,
            commission_model="consignment",
            rules=[{"scope": "all", "percent": 25.0}],
        )

    def _receive(self, quantity):
        vals = self.agreement._prepare_consignment_receipt_vals({self.honey: quantity})
        picking = self.env["stock.picking"].create(vals)
        picking.action_confirm()
        picking.move_ids.quantity = quantity
        picking.button_validate()
        return picking

    def _stock_by_producer(self):
        action = self.env.ref("concierge_partners.action_concierge_consignment_stock")
        groups = self.env["stock.quant"]._read_group(
            safe_eval(action.domain), ["owner_id", "product_id"], ["quantity:sum"]
        )
        return {(owner, product): qty for owner, product, qty in groups}

    def test_receive_sell_and_settle(self):
        picking = self._receive(10)
        self.assertEqual(picking.state, "done")
        self.assertEqual(picking.owner_id, self.producer)
        self.assertEqual(self._stock_by_producer()[(self.producer, self.honey)], 10.0)
        # Sold at the shop: the delivery takes the producer's stock.
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", self.company.id)], limit=1
        )
        delivery = self.env["stock.picking"].create(
            {
                "picking_type_id": warehouse.out_type_id.id,
                "partner_id": self.customer.id,
                "location_id": warehouse.lot_stock_id.id,
                "location_dest_id": self.env.ref("stock.stock_location_customers").id,
                "move_ids": [
                    Command.create(
                        {
                            "name": "Miel",
                            "product_id": self.honey.id,
                            "product_uom_qty": 4,
                            "product_uom": self.honey.uom_id.id,
                            "location_id": warehouse.lot_stock_id.id,
                            "location_dest_id": self.env.ref(
                                "stock.stock_location_customers"
                            ).id,
                        },
                    )
                ],
            }
        )
        delivery.action_confirm()
        delivery.action_assign()
        delivery.move_ids.quantity = 4
        delivery.button_validate()
        self.assertEqual(self._stock_by_producer()[(self.producer, self.honey)], 6.0)
        self._invoice([(self.honey, 4, 9.0)])
        settlement = self._settle(providers=self.producer)
        self.assertEqual(settlement.commission_model, "consignment")
        self.assertEqual(settlement.collected_amount, 36.0)
        self.assertEqual(settlement.commission_amount, 9.0)
        settlement._confirm()
        settlement._create_documents()
        self.assertEqual(settlement.move_id.move_type, "in_invoice")
        self.assertEqual(settlement.move_id.amount_total, 27.0)

    def test_receipt_action_and_wrong_model(self):
        action = self.agreement.action_consignment_receipt()
        self.assertEqual(action["context"]["default_owner_id"], self.producer.id)
        referral = self._create_agreement()
        with self.assertRaisesMessage(UserError, "only under a consignment"):
            referral._prepare_consignment_receipt_vals()
