# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
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
            consignment_site_id=cls.site.id,
            rules=[{"scope": "all", "percent": 25.0}],
        )

    def _receive(self, quantity, site=None):
        vals = self.agreement._prepare_consignment_receipt_vals(
            {self.honey: quantity}, site=site
        )
        picking = self.env["stock.picking"].create(vals)
        picking.action_confirm()
        picking.move_ids.quantity = quantity
        picking.move_ids.picked = True
        picking.button_validate()
        return picking

    def _stock_by_producer(self):
        """The consignment stock report: quantities by producer, site and
        product."""
        action = self.env.ref("concierge_partners.action_concierge_consignment_stock")
        groups = self.env["stock.quant"]._read_group(
            # The test's producer only: the demo has its own.
            [*safe_eval(action.domain), ("owner_id", "=", self.producer.id)],
            ["owner_id", "concierge_site_id", "product_id"],
            ["quantity:sum"],
        )
        return {(owner, site, product): qty for owner, site, product, qty in groups}

    def test_receive_sell_and_settle_at_site(self):
        picking = self._receive(10)
        self.assertEqual(picking.state, "done")
        self.assertEqual(picking.owner_id, self.producer)
        location = self.site.concierge_consignment_location_id
        self.assertEqual(picking.location_dest_id, location)
        self.assertEqual(location.concierge_site_id, self.site)
        self.assertEqual(location.usage, "internal")
        self.assertEqual(
            self._stock_by_producer(), {(self.producer, self.site, self.honey): 10.0}
        )
        # Received again at the same site: same location.
        self._receive(2)
        self.assertEqual(self.site.concierge_consignment_location_id, location)
        # Sold at the shop: the delivery takes the producer's stock there and
        # the invoice, sold at the site, gives the commission line.
        invoice, delivery = self.agreement._sell_consignment(
            self.customer, {self.honey: 4}, date=self.date
        )
        self.assertEqual(delivery.state, "done")
        self.assertEqual(delivery.location_id, location)
        self.assertEqual(delivery.move_line_ids.owner_id, self.producer)
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.concierge_site_id, self.site)
        self.assertEqual(
            self._stock_by_producer(), {(self.producer, self.site, self.honey): 8.0}
        )
        line = self.Line.search([("move_id", "=", invoice.id)])
        self.assertEqual(line.site_id, self.site)
        self.assertEqual(line.commission_amount, 9.0)
        settlement = self._settle(providers=self.producer)
        self.assertEqual(settlement.commission_model, "consignment")
        self.assertEqual(settlement.collected_amount, 36.0)
        self.assertEqual(settlement.commission_amount, 9.0)
        settlement._confirm()
        settlement._create_documents()
        self.assertEqual(settlement.move_id.move_type, "in_invoice")
        self.assertEqual(settlement.move_id.amount_total, 27.0)

    def test_stock_of_two_sites_kept_apart(self):
        locker = self.env["concierge.site"].create(
            {"name": "Casier de test", "code": "CST", "site_type": "locker"}
        )
        self._receive(5)
        self._receive(3, site=locker)
        self.assertEqual(
            self._stock_by_producer(),
            {
                (self.producer, self.site, self.honey): 5.0,
                (self.producer, locker, self.honey): 3.0,
            },
        )
        with self.assertRaisesRegex(UserError, "Only 3.0 Miel test"):
            self.agreement._sell_consignment(
                self.customer, {self.honey: 4}, site=locker
            )
        self.assertFalse(self.Line.search([("provider_id", "=", self.producer.id)]))

    def test_receipt_action_and_wrong_model(self):
        action = self.agreement.action_consignment_receipt()
        self.assertEqual(action["context"]["default_owner_id"], self.producer.id)
        self.assertEqual(
            action["context"]["default_location_dest_id"],
            self.site.concierge_consignment_location_id.id,
        )
        referral = self._create_agreement()
        with self.assertRaisesRegex(UserError, "only under a consignment"):
            referral._prepare_consignment_receipt_vals()
        self.agreement.consignment_site_id = False
        with self.assertRaisesRegex(UserError, "the site where the producer"):
            self.agreement.action_consignment_receipt()
