# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PosEmployeeCase


@tagged("post_install", "-at_install")
class TestPosEmployee(PosEmployeeCase):
    """Employees of a client company at the till: their employer's prices,
    the services of the plan counted in the quota and billed once."""

    def _at_the_till(self, employee, product):
        Request = self.env["concierge.service.request"]
        result = Request.concierge_pos_create_request(
            self.config.id, employee.id, [{"product_id": product.id, "qty": 1}]
        )
        return result, Request.browse(result["id"])

    def test_employer_prices_loaded_at_the_till(self):
        self.assertIn(self.pricelist, self.config._get_available_pricelists())
        # loaded for the employees, not offered to every customer
        self.assertNotIn(self.pricelist, self.config.available_pricelist_ids)
        employee = self.employees[0]
        self.assertEqual(employee.property_product_pricelist, self.pricelist)
        self.assertEqual(self.pricelist._get_product_price(self.honey, 1.0), 7.0)
        # the contract's own pricelist wins over the client's
        own = self.pricelist.copy({"name": "Tarif du contrat"})
        self.contract.pricelist_id = own
        self.assertEqual(self.config._get_available_pricelists() & own, own)
        self.assertNotIn(self.pricelist, self.config._get_available_pricelists())
        # an ended contract gives no prices any more
        self.contract.write(
            {
                "date_start": self.month_start - relativedelta(months=2),
                "date_end": self.month_start - relativedelta(days=1),
            }
        )
        self.assertNotIn(own, self.config._get_available_pricelists())

    def test_employee_recognised_at_the_till(self):
        fields = self.env["res.partner"]._load_pos_data_fields(self.config.id)
        self.assertIn("concierge_pos_employer", fields)
        self.assertIn("barcode", fields)
        self.assertEqual(
            self.employees[0].concierge_pos_employer,
            "Employee of Clinique des Monts (Essentiel test)",
        )
        self.assertFalse(self.customer.concierge_pos_employer)
        self.contract.date_start = self.month_start + relativedelta(months=1)
        self.employees.invalidate_recordset(["concierge_pos_employer"])
        self.assertFalse(self.employees[0].concierge_pos_employer)

    def test_employer_paid_service_at_the_till_counts_in_the_quota(self):
        usage = self.contract.concierge_usage
        result, request = self._at_the_till(self.employees[0], self.parcel)
        self.assertEqual(request.concierge_payer, "employer")
        self.assertEqual(request.concierge_b2b_contract_id, self.contract)
        self.assertEqual(request.channel, "company")
        self.assertEqual(request.site_id, self.site)
        # nothing to pay at the till: the till removes the line
        self.assertFalse(request.sale_order_id)
        self.assertFalse(result["sale_order_id"])
        self.assertEqual(result["product_ids"], self.parcel.ids)
        self.assertEqual(result["paid_by"], "Paid by Clinique des Monts (company plan)")
        self.contract.invalidate_recordset(["concierge_usage"])
        self.assertEqual(self.contract.concierge_usage, usage + 1)
        # a service the plan does not pay: the employee pays it, no quota
        result, sewing = self._at_the_till(self.employees[0], self.sewing)
        self.assertEqual(sewing.concierge_payer, "employee")
        self.assertEqual(sewing.sale_order_id.partner_id, self.employees[0])
        self.assertEqual(result["paid_by"], "")
        self.contract.invalidate_recordset(["concierge_usage"])
        self.assertEqual(self.contract.concierge_usage, usage + 1)

    def test_beyond_the_quota_billed_once_to_the_employer(self):
        # the plan includes two requests a period: the third is billed to
        # the employer, once, and never to the employee
        requests = self.env["concierge.service.request"]
        for employee in self.employees:
            requests |= self._at_the_till(employee, self.parcel)[1]
        self.assertFalse(requests.sale_order_id)
        this_month = self.contract._recurring_create_invoice(self.month_start)
        self.assertFalse(this_month.invoice_line_ids.filtered("concierge_request_ids"))
        next_month = self.month_start + relativedelta(months=1)
        invoice = self.contract._recurring_create_invoice(next_month)
        overage = invoice.invoice_line_ids.filtered("concierge_request_ids")
        self.assertEqual((overage.quantity, overage.price_unit), (1.0, 12.0))
        self.assertEqual(overage.concierge_request_ids, requests[2])
        self.assertFalse(self.contract._recurring_create_invoice(next_month))
        self.assertFalse(
            self.env["pos.order.line"].search([("product_id", "=", self.parcel.id)])
        )

    def test_employer_paid_items_handed_back_at_the_till(self):
        request = self.env["concierge.service.request"].create(
            {
                "partner_id": self.employees[1].id,
                "site_id": self.site.id,
                "line_ids": [Command.create({"product_id": self.ironing.id})],
            }
        )
        request.action_confirm()
        self.assertEqual(request.concierge_payer, "employer")
        Request = self.env["concierge.service.request"]
        ticket = request.custody_item_ids.name
        [found] = Request.concierge_pos_search(ticket)
        self.assertEqual(found["id"], request.id)
        self.assertFalse(found["sale_order_id"])
        self.assertEqual(found["paid_by"], "Paid by Clinique des Monts (company plan)")
        with self.assertRaisesRegex(UserError, "No item of request .* is ready"):
            request.concierge_pos_hand_back()
        request.action_send_to_provider()
        request.action_ready()
        handed = request.concierge_pos_hand_back()
        self.assertEqual(handed["id"], request.id)
        self.assertEqual(request.custody_item_ids.state, "returned")
        self.assertEqual(
            request.custody_item_ids.location_id,
            self.env.ref("stock.stock_location_customers"),
        )
        self.assertEqual(request.state, "done")
        self.assertFalse(Request.concierge_pos_search(ticket))
