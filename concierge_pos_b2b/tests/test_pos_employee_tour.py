# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.tests import HttpCase, tagged

from .common import PosEmployeeCase


@tagged("post_install", "-at_install")
class TestPosEmployeeTour(PosEmployeeCase, HttpCase):
    """The till in Chromium: an employee recognised by her card buys at her
    employer's prices; another, found by name, leaves a parcel paid by the
    employer's plan; a third one's ironing, paid by the plan, is handed back
    by scanning its ticket, with nothing to pay."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._cash_till()

    def test_employee_sale_at_the_employer_price(self):
        self._receive(3)
        self.env.ref("concierge_services.seq_concierge_custody_item").write(
            {"prefix": "CONCIERGE-B2B-TICKET", "padding": 0, "number_next": 1}
        )
        ironing = self._ready_request(self.employees[2], self.ironing)
        self.assertEqual(ironing.custody_item_ids.name, "CONCIERGE-B2B-TICKET1")
        self.start_tour(
            f"/pos/ui?config_id={self.config.id}",
            "concierge_pos_b2b_employee_tour",
            login="admin",
        )
        # the honey, at the employer's price, is the only till sale
        order = self.env["pos.order"].search([("config_id", "=", self.config.id)])
        self.assertEqual(order.partner_id, self.employees[0])
        self.assertEqual(order.pricelist_id, self.pricelist)
        self.assertEqual(order.amount_total, 7.0)
        self.assertEqual(order.lines.product_id, self.honey)
        self.assertEqual(self._stock(self.producer), 2.0)
        # the parcel: a request paid by the employer, in the quota
        parcel = self.env["concierge.service.request"].search(
            [("partner_id", "=", self.employees[1].id)]
        )
        self.assertEqual(parcel.line_ids.product_id, self.parcel)
        self.assertEqual(parcel.concierge_payer, "employer")
        self.assertFalse(parcel.sale_order_id)
        # the ironing: handed back, nothing paid at the till
        self.assertEqual(ironing.custody_item_ids.state, "returned")
        self.assertEqual(ironing.state, "done")
        self.assertFalse(ironing.sale_order_id)
