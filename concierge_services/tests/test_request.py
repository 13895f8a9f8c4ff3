# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date, datetime

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import ServicesCase


@tagged("post_install", "-at_install")
class TestRequest(ServicesCase):
    def test_sequence_site_and_deadline(self):
        # Sunday 2026-11-29; the test site opens on Tuesdays and Fridays
        request = self._request(request_date=datetime(2026, 11, 29, 10, 0))
        self.assertRegex(request.name, r"^REQ/2026/\d{5}$")
        self.assertEqual(request.site_id, self.site)
        self.assertEqual(request.channel, "desk")
        # two opening days after Sunday: Tuesday 1st, Friday 4th December
        self.assertEqual(request.deadline, date(2026, 12, 4))
        self.assertEqual(request.line_ids.provider_id, self.provider)
        self.assertEqual(request.line_ids.price_unit, 12.0)
        self.assertEqual(request.amount_total, 12.0)
        other = self._request(request_date=datetime(2026, 11, 29, 10, 0))
        self.assertNotEqual(other.name, request.name)

    def test_form_takes_a_request(self):
        with Form(self.env["concierge.service.request"]) as form:
            form.partner_id = self.beneficiary
            with form.line_ids.new() as line:
                line.product_id = self.cleaning
                line.quantity = 2
        request = form.save()
        self.assertEqual(request.site_id, self.site)
        self.assertEqual(request.amount_total, 24.0)

    def test_late_search_and_flag(self):
        request = self._request(request_date=datetime(2019, 12, 2, 10, 0))
        request.deadline = date(2020, 1, 1)
        self.assertTrue(request.is_late)
        late = self.env["concierge.service.request"].search([("is_late", "=", True)])
        self.assertIn(request, late)
        not_late = self.env["concierge.service.request"].search(
            [("is_late", "=", False)]
        )
        self.assertNotIn(request, not_late)
        request.action_cancel()
        self.assertFalse(request.is_late)

    def test_provider_search(self):
        request = self._request([self.cleaning, self.paperwork])
        found = self.env["concierge.service.request"].search(
            [("provider_ids", "in", self.provider.ids)]
        )
        self.assertIn(request, found)
        self.assertEqual(request.provider_ids, self.provider)

    def test_lifecycle_desk_to_invoice(self):
        request = self._request([self.cleaning, self.paperwork])
        request.with_user(self.concierge).action_confirm()
        self.assertEqual(request.state, "confirmed")
        order = request.sale_order_id
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.concierge_request_id, request)
        self.assertEqual(order.partner_id, self.beneficiary)
        self.assertEqual(order.amount_untaxed, 22.0)
        self.assertEqual(
            request.line_ids.sale_line_id, order.order_line, "lines linked both ways"
        )
        self.assertEqual(set(request.line_ids.mapped("state")), {"to_do"})
        request.action_start()
        request.action_send_to_provider()
        request.action_ready()
        self.assertEqual(request.state, "ready")
        self.assertTrue(request.ready_date)
        with self.assertRaisesRegex(UserError, "not delivered yet"):
            request.action_done()
        request.action_hand_back()
        self.assertEqual(request.state, "ready", "the paperwork is still to do")
        request.line_ids.filtered(lambda line: not line.custody).action_deliver()
        self.assertEqual(order.order_line.mapped("qty_delivered"), [1.0, 1.0])
        request.action_done()
        self.assertEqual(request.state, "done")
        self.assertEqual(request.payment_state, "none")
        self.assertEqual(request.invoice_status, "to invoice")
        action = request.action_create_invoice()
        invoice = self.env["account.move"].browse(action["res_id"])
        self.assertEqual(invoice.invoice_origin, order.name)
        invoice.action_post()
        request.invalidate_recordset(["payment_state"])
        self.assertEqual(request.payment_state, "not_paid")
        self.assertEqual(request.invoice_count, 1)
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({})._create_payments()
        request.invalidate_recordset(["payment_state"])
        self.assertIn(request.payment_state, ("paid",))
        with self.assertRaisesRegex(UserError, "nothing to invoice"):
            request.action_create_invoice()

    def test_cancel_cancels_the_order(self):
        request = self._request()
        request.action_confirm()
        request.action_cancel()
        self.assertEqual(request.state, "cancelled")
        self.assertEqual(request.sale_order_id.state, "cancel")
        self.assertEqual(request.line_ids.state, "cancelled")
        request.action_draft()
        self.assertEqual(request.state, "draft")
        self.assertFalse(request.sale_order_id)
        request.action_confirm()
        self.assertEqual(request.sale_order_id.state, "sale")

    def test_cancel_refused_once_invoiced(self):
        request = self._request([self.paperwork])
        request.action_confirm()
        request.sale_order_id._create_invoices()
        with self.assertRaisesRegex(UserError, "already invoiced"):
            request.action_cancel()
        self.assertEqual(request.sale_order_id.state, "sale")

    def test_pricelist_beneficiary_else_employer(self):
        employer_pricelist = self.env["product.pricelist"].create(
            {
                "name": "Tarif entreprise cliente",
                "item_ids": [
                    Command.create(
                        {
                            "compute_price": "percentage",
                            "percent_price": 20,
                            "applied_on": "3_global",
                        }
                    )
                ],
            }
        )
        self.employer.specific_property_product_pricelist = employer_pricelist
        employee = self.env["res.partner"].create(
            {
                "name": "Salarié Test",
                "concierge_beneficiary_type": "employee",
                "concierge_employer_id": self.employer.id,
            }
        )
        request = self._request([self.paperwork], partner=employee)
        self.assertEqual(request.pricelist_id, employer_pricelist)
        self.assertAlmostEqual(request.line_ids.price_unit, 8.0)
        request.action_confirm()
        self.assertEqual(request.sale_order_id.pricelist_id, employer_pricelist)
        self.assertAlmostEqual(request.sale_order_id.amount_untaxed, 8.0)
        own = self.env["product.pricelist"].create({"name": "Tarif personnel"})
        employee.specific_property_product_pricelist = own
        self.assertEqual(self._request(partner=employee).pricelist_id, own)

    def test_state_changes_tracked(self):
        env = self.env(context={})
        request = env["concierge.service.request"].create(
            {
                "partner_id": self.beneficiary.id,
                "line_ids": [Command.create({"product_id": self.paperwork.id})],
            }
        )
        self.cr.flush()  # end of the creation step: later changes are tracked
        request.action_confirm()
        env.flush_all()
        self.cr.flush()
        env.invalidate_all()
        tracked = request.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "state"
        )
        self.assertEqual(len(tracked), 1)

    def test_users_see_the_requests_of_their_company(self):
        mine = self._request()
        other_partner = self.env["res.partner"].create(
            {"name": "Habitant ailleurs", "company_id": self.other_company.id}
        )
        theirs = self.env["concierge.service.request"].create(
            {
                "partner_id": other_partner.id,
                "company_id": self.other_company.id,
                "site_id": self.other_site.id,
            }
        )
        visible = (
            self.env["concierge.service.request"]
            .with_user(self.concierge)
            .search([("id", "in", (mine | theirs).ids)])
        )
        self.assertEqual(visible, mine)
        with self.assertRaises(AccessError):
            theirs.with_user(self.concierge).read(["name"])
        self.assertFalse(
            self.env["concierge.service.request"]
            .with_user(self.salesman)
            .has_access("read"),
            "plain employees outside the Conciergerie groups see no request",
        )

    # ------------------------------------------------------------------
    # bad input
    # ------------------------------------------------------------------
    def test_request_without_beneficiary_refused(self):
        with self.assertRaisesRegex(ValidationError, "needs a beneficiary"):
            self.env["concierge.service.request"].create({"site_id": self.site.id})
        request = self._request()
        with self.assertRaisesRegex(ValidationError, "needs a beneficiary"):
            request.partner_id = False

    def test_confirm_without_line_refused(self):
        request = self._request(products=[])
        with self.assertRaisesRegex(UserError, "has no line"):
            request.action_confirm()
        self.assertEqual(request.state, "draft")
        self.assertFalse(request.sale_order_id)

    def test_quantity_must_be_positive(self):
        for quantity in (0, -2):
            with self.assertRaisesRegex(ValidationError, "greater than zero"):
                self.env["concierge.service.request.line"].create(
                    {
                        "request_id": self._request(products=[]).id,
                        "product_id": self.cleaning.id,
                        "quantity": quantity,
                    }
                )

    def test_product_outside_catalogue_refused(self):
        stray = self.env["product.product"].create(
            {"name": "Hors catalogue", "type": "service"}
        )
        with self.assertRaisesRegex(ValidationError, "not in the conciergerie"):
            self._request([stray])

    def test_wrong_transitions_refused(self):
        request = self._request()
        with self.assertRaisesRegex(UserError, "not possible"):
            request.action_ready()
        with self.assertRaisesRegex(UserError, "not possible"):
            request.action_done()
        with self.assertRaisesRegex(UserError, "confirm the request first"):
            request.line_ids.action_deliver()

    def test_done_date_set(self):
        request = self._request([self.paperwork])
        request.action_confirm()
        request.action_ready()
        request.line_ids.action_deliver()
        request.action_done()
        self.assertLessEqual(request.done_date, fields.Datetime.now())
