# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from .common import B2bCase


@tagged("post_install", "-at_install")
class TestEmployeeRequests(B2bCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.paid, cls.parcel = cls._category_and_service(
            "Colis test", "TB2BPAID", "Réception de colis", 3.0
        )
        cls.other, cls.sewing = cls._category_and_service(
            "Retouches test", "TB2BOTHER", "Ourlet", 15.0
        )
        cls.plan.category_ids = cls.paid
        cls.contract = cls._create_contract()

    def _request(self, product, day, employee=None, confirm=True):
        request = self.env["concierge.service.request"].create(
            {
                "partner_id": (employee or self.employees[0]).id,
                "site_id": self.site.id,
                "channel": "desk",
                "request_date": datetime(day.year, day.month, day.day, 10, 0),
                "line_ids": [Command.create({"product_id": product.id})],
            }
        )
        if confirm:
            request.action_confirm()
        return request

    def _overage(self, invoice):
        return invoice.invoice_line_ids.filtered("concierge_request_ids")

    def test_channel_payer_and_orders(self):
        employer_paid = self._request(self.parcel, date(2026, 1, 5))
        employee_paid = self._request(self.sewing, date(2026, 1, 5))
        self.assertEqual(employer_paid.concierge_b2b_contract_id, self.contract)
        self.assertEqual(employer_paid.channel, "company")
        self.assertEqual(employer_paid.concierge_payer, "employer")
        self.assertEqual(employee_paid.concierge_payer, "employee")
        self.assertEqual(employee_paid.channel, "company")
        # the employee pays only what the employer does not
        self.assertFalse(employer_paid.sale_order_id)
        self.assertEqual(employee_paid.sale_order_id.partner_id, self.employees[0])
        # before the contract starts, nothing changes
        before = self._request(self.parcel, date(2025, 12, 20), confirm=False)
        self.assertFalse(before.concierge_b2b_contract_id)
        self.assertEqual(before.channel, "desk")
        self.assertFalse(before.concierge_payer)

    def test_overage_billed_once(self):
        requests = [
            self._request(self.parcel, date(2026, 1, day), employee)
            for day, employee in (
                (5, self.employees[0]),
                (10, self.employees[1]),
                (20, self.employees[2]),
            )
        ]
        self._request(self.sewing, date(2026, 1, 21))
        self._request(self.parcel, date(2026, 1, 22), confirm=False)  # draft
        january = self.contract._recurring_create_invoice(date(2026, 1, 1))
        self.assertFalse(self._overage(january))
        february = self.contract._recurring_create_invoice(date(2026, 2, 1))
        overage = self._overage(february)
        self.assertEqual((overage.quantity, overage.price_unit), (1.0, 12.0))
        self.assertEqual(overage.concierge_request_ids, requests[2])
        self.assertEqual(requests[2].concierge_b2b_invoice_line_id, overage)
        self.assertEqual(february.amount_untaxed, 315.0 + 12.0)
        # invoicing again bills nothing more
        self.assertFalse(self.contract._recurring_create_invoice(date(2026, 2, 1)))
        # a January request recorded late goes on the next invoice, once
        late = self._request(self.parcel, date(2026, 1, 28))
        march = self.contract._recurring_create_invoice(date(2026, 3, 1))
        self.assertEqual(self._overage(march).concierge_request_ids, late)
        april = self.contract._recurring_create_invoice(date(2026, 4, 1))
        self.assertFalse(self._overage(april))

    def test_overage_billed_again_after_credit_note(self):
        for day in (5, 6, 7):
            self._request(self.parcel, date(2026, 1, day))
        self.contract._recurring_create_invoice(date(2026, 1, 1))
        february = self.contract._recurring_create_invoice(date(2026, 2, 1))
        february.action_post()
        billed = self._overage(february).concierge_request_ids
        self.assertEqual(len(billed), 1)
        february._reverse_moves(cancel=True)
        self.contract.contract_line_ids.sudo().write(
            {
                "last_date_invoiced": date(2026, 1, 31),
                "recurring_next_date": date(2026, 2, 1),
            }
        )
        again = self.contract._recurring_create_invoice(date(2026, 2, 1))
        self.assertEqual(self._overage(again).concierge_request_ids, billed)
        self.assertEqual(self._overage(again).quantity, 1.0)
        # once re-invoiced, the request stays billed once
        again.action_post()
        self.contract.contract_line_ids.sudo().write(
            {
                "last_date_invoiced": date(2026, 1, 31),
                "recurring_next_date": date(2026, 2, 1),
            }
        )
        self.assertFalse(self.contract._recurring_create_invoice(date(2026, 2, 1)))
        march = self.contract._recurring_create_invoice(date(2026, 3, 1))
        self.assertFalse(self._overage(march))
        self.assertEqual(billed.concierge_b2b_invoice_line_id, self._overage(again))

    def test_employee_gets_the_employer_pricelist(self):
        pricelist = self.env["product.pricelist"].create(
            {
                "name": "Tarif Clinique",
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "0_product_variant",
                            "product_id": self.sewing.id,
                            "compute_price": "fixed",
                            "fixed_price": 11.0,
                        }
                    )
                ],
            }
        )
        self.client.property_product_pricelist = pricelist
        # the employee's own pricelist, wherever they buy (quotation, till)
        with freeze_time("2026-01-05"):
            self.employees[0].invalidate_recordset(["property_product_pricelist"])
            self.assertEqual(self.employees[0].property_product_pricelist, pricelist)
        with freeze_time("2025-06-05"):
            # before the contract starts
            self.employees[0].invalidate_recordset(["property_product_pricelist"])
            self.assertNotEqual(self.employees[0].property_product_pricelist, pricelist)
        request = self._request(self.sewing, date(2026, 1, 5))
        self.assertEqual(request.pricelist_id, pricelist)
        self.assertEqual(request.line_ids.price_unit, 11.0)
        order = request.sale_order_id
        self.assertEqual(order.partner_id, self.employees[0])
        self.assertEqual(order.pricelist_id, pricelist)
        self.assertEqual(order.order_line.price_unit, 11.0)
        # the contract's own pricelist wins over the client's
        contract_pricelist = pricelist.copy({"name": "Tarif du contrat"})
        self.contract.pricelist_id = contract_pricelist
        later = self._request(self.sewing, date(2026, 1, 6), confirm=False)
        self.assertEqual(later.pricelist_id, contract_pricelist)
        with freeze_time("2026-01-06"):
            self.employees[0].invalidate_recordset(["property_product_pricelist"])
            self.assertEqual(
                self.employees[0].property_product_pricelist, contract_pricelist
            )
        # an employee's own pricelist wins over the employer's
        own = pricelist.copy({"name": "Tarif personnel"})
        self.employees[1].property_product_pricelist = own
        mine = self._request(
            self.sewing, date(2026, 1, 7), self.employees[1], confirm=False
        )
        self.assertEqual(mine.pricelist_id, own)

    def test_employee_paid_invoiced_to_employee_employer_paid_to_contract(self):
        employee_paid = self._request(self.sewing, date(2026, 1, 5))
        employer_paid = self.env["concierge.service.request"].browse(
            [
                self._request(self.parcel, date(2026, 1, day), employee).id
                for day, employee in zip((6, 7, 8), self.employees, strict=True)
            ]
        )
        invoice = employee_paid.sale_order_id._create_invoices()
        self.assertEqual(invoice.partner_id, self.employees[0])
        self.assertEqual(invoice.amount_untaxed, 15.0)
        # employer-paid requests: no order, no invoice to any employee
        self.assertFalse(employer_paid.sale_order_id)
        employee_moves = self.env["account.move"].search(
            [("partner_id", "in", self.employees.ids)]
        )
        self.assertEqual(employee_moves, invoice)
        # they go through the contract only: the one beyond the quota
        self.contract._recurring_create_invoice(date(2026, 1, 1))
        february = self.contract._recurring_create_invoice(date(2026, 2, 1))
        overage = self._overage(february)
        self.assertEqual(overage.concierge_request_ids, employer_paid[-1])
        self.assertEqual(february.partner_id, self.client)
        self.assertNotIn(employee_paid, overage.concierge_request_ids)

    def test_prepaid_overage_label_names_the_period_of_the_requests(self):
        for day in (5, 6, 7):
            self._request(self.parcel, date(2026, 1, day))
        self.contract._recurring_create_invoice(date(2026, 1, 1))
        february = self.contract._recurring_create_invoice(date(2026, 2, 1))
        overage = self._overage(february)
        self.assertEqual(overage.concierge_period_start, date(2026, 1, 1))
        self.assertEqual(overage.concierge_period_end, date(2026, 1, 31))
        self.assertIn("01/01/2026 - 01/31/2026", overage.name)
        self.assertIn("quota of 2", overage.name)
        # the fees of the same invoice bill February
        self.assertEqual(
            self._fee_line(february, "fixed").concierge_period_start,
            date(2026, 2, 1),
        )

    def test_postpaid_overage_on_the_invoice_of_its_period(self):
        contract = self._create_contract(
            name="A terme échu", recurring_invoicing_type="post-paid"
        )
        requests = [self._request(self.parcel, date(2026, 1, day)) for day in (5, 6)]
        # the last day of the period counts in the period's own invoice
        requests.append(self._request(self.parcel, date(2026, 1, 31)))
        self.assertEqual(requests[-1].concierge_b2b_contract_id, contract)
        january = contract._recurring_create_invoice()
        self.assertEqual(january.invoice_date, date(2026, 1, 31))
        overage = self._overage(january)
        self.assertEqual(overage.concierge_request_ids, requests[-1])
        self.assertEqual(overage.concierge_period_start, date(2026, 1, 1))
        self.assertIn("01/01/2026 - 01/31/2026", overage.name)
        # billed once: nothing for January on February's invoice
        self._request(self.parcel, date(2026, 2, 3))
        february = contract._recurring_create_invoice()
        self.assertFalse(self._overage(february))
        self.assertEqual(len(requests[-1].concierge_b2b_invoice_line_id), 1)

    def test_usage_of_current_period(self):
        contract = self._create_contract(
            name="En cours",
            date_start=date.today().replace(day=1),
        )
        self.assertEqual(contract.concierge_usage, 0)
        self._request(self.parcel, date.today())
        contract.invalidate_recordset(["concierge_usage"])
        self.assertEqual(contract.concierge_usage, 1)


@tagged("post_install", "-at_install")
class TestEmployeePrivacyExport(B2bCase):
    def test_export_names_the_plan_covering_the_employee(self):
        contract = self._create_contract(code="CTR-RGPD")
        employee = self.employees[0]
        data = employee.with_user(self.manager)._concierge_privacy_export()
        [plan] = data["sections"]["company_plans"]["records"]
        self.assertEqual(plan["name"], contract.name)
        self.assertEqual(plan["concierge_plan_id"], "Essentiel test")
        alone = self.env["res.partner"].create({"name": "Sans employeur"})
        data = alone.with_user(self.manager)._concierge_privacy_export()
        self.assertEqual(data["sections"]["company_plans"]["records"], [])
