# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ServicesCase


@tagged("post_install", "-at_install")
class TestCustody(ServicesCase):
    def _quants(self, location):
        return self.env["stock.quant"].search(
            [
                ("product_id", "=", self.company.concierge_custody_product_id.id),
                ("location_id", "=", location.id),
                ("quantity", ">", 0),
            ]
        )

    def test_custody_from_desk_to_hand_back(self):
        request = self._request([self.cleaning, self.paperwork])
        request.with_user(self.concierge).action_confirm()
        item = request.custody_item_ids
        self.assertEqual(len(item), 1, "one item for the custody line only")
        self.assertEqual(item.state, "received")
        self.assertRegex(item.name, r"^T\d{2}-\d{5}$")
        self.assertEqual(item.partner_id, self.beneficiary)
        self.assertEqual(item.provider_id, self.provider)
        desk = self.site.concierge_custody_location_id
        self.assertTrue(desk)
        self.assertEqual(item.location_id, desk)
        quant = self._quants(desk)
        self.assertEqual(quant.owner_id, self.beneficiary)
        self.assertEqual(quant.quantity, 1.0)

        request.with_user(self.concierge).action_send_to_provider()
        self.assertEqual(item.state, "at_provider")
        self.assertEqual(request.state, "in_progress")
        self.assertTrue(item.provider_date)
        at_provider = item.location_id
        self.assertEqual(at_provider.concierge_provider_id, self.provider)
        self.assertEqual(
            at_provider.location_id, self.site.concierge_provider_location_id
        )
        self.assertFalse(self._quants(desk))
        self.assertEqual(self._quants(at_provider).owner_id, self.beneficiary)

        request.with_user(self.concierge).action_ready()
        self.assertEqual(item.state, "ready")
        self.assertEqual(item.location_id, desk)
        self.assertEqual(self._quants(desk).owner_id, self.beneficiary)

        request.with_user(self.concierge).action_hand_back()
        self.assertEqual(item.state, "returned")
        self.assertTrue(item.returned_date)
        self.assertFalse(self._quants(desk))
        self.assertEqual(
            item.location_id, self.env.ref("stock.stock_location_customers")
        )
        self.assertEqual(len(item.move_ids), 4)
        self.assertEqual(set(item.move_ids.mapped("state")), {"done"})
        self.assertEqual(
            item.move_ids.move_line_ids.owner_id, self.beneficiary, "owner kept"
        )
        cleaning_line = request.line_ids.filtered("custody")
        self.assertEqual(cleaning_line.state, "delivered")
        self.assertEqual(cleaning_line.sale_line_id.qty_delivered, 1.0)
        self.assertEqual(request.state, "ready", "the paperwork is not delivered")
        request.line_ids.filtered(lambda line: line.state == "to_do").action_deliver()
        request.action_done()
        self.assertEqual(request.state, "done")

    def test_line_with_items_cannot_be_deleted(self):
        request = self._request()
        request.action_confirm()
        with self.assertRaisesRegex(UserError, "items in custody cannot be deleted"):
            request.line_ids.unlink()
        self.assertEqual(len(request.custody_item_ids), 1)

    def test_parcel_without_provider_ready_at_once(self):
        self.cleaning.concierge_provider_id = False
        request = self._request()
        request.action_confirm()
        request.action_ready()
        self.assertEqual(request.custody_item_ids.state, "ready")
        request.action_hand_back()
        self.assertEqual(request.state, "done")

    def test_ready_refused_while_item_waits_for_provider(self):
        request = self._request()
        request.action_confirm()
        with self.assertRaisesRegex(UserError, "still at the desk"):
            request.action_ready()

    def test_backwards_and_skipping_refused(self):
        request = self._request()
        request.action_confirm()
        item = request.custody_item_ids
        with self.assertRaisesRegex(UserError, "cannot go to"):
            item._set_custody_state("ready")  # skipping the provider
        with self.assertRaisesRegex(UserError, "cannot go to"):
            item._set_custody_state("returned")
        item.action_send_to_provider()
        with self.assertRaisesRegex(UserError, "cannot go to"):
            item._set_custody_state("received")  # backwards
        item._set_custody_state("ready")  # the next step of the table
        self.assertEqual(item.location_id, self.site.concierge_custody_location_id)
        item.action_hand_back()
        with self.assertRaisesRegex(UserError, "cannot go to"):
            item.action_mark_ready()

    def test_transition_table(self):
        request = self._request()
        request.action_confirm()
        item = request.custody_item_ids
        with self.assertRaisesRegex(
            UserError, r"is received at the desk: it cannot go to handed back\. "
        ):
            item._set_custody_state("returned")  # only when cancelling
        # the state changes through the buttons (and the table) only
        with self.assertRaisesRegex(UserError, "changes through its buttons only"):
            item.with_user(self.concierge).write({"state": "at_provider"})
        self.assertEqual(item.state, "received")
        self.assertFalse(item.provider_date)
        self.assertEqual(len(item.move_ids), 1, "no stock moved")
        item._set_custody_state("returned", cancelling=True)
        self.assertEqual(item.state, "returned")
        self.assertTrue(item.returned_date)

    def test_hand_back_to_another_beneficiary_refused(self):
        request = self._request()
        request.action_confirm()
        request.action_send_to_provider()
        request.action_ready()
        other = self.env["res.partner"].create(
            {"name": "Autre personne", "concierge_beneficiary_type": "inhabitant"}
        )
        item = request.custody_item_ids
        with self.assertRaisesRegex(UserError, "belongs to Jeanne Test"):
            item._hand_back(other)
        self.assertEqual(item.state, "ready")
        item._hand_back(self.beneficiary)
        self.assertEqual(item.state, "returned")

    def test_cancel_gives_items_back_or_is_refused(self):
        request = self._request()
        request.action_confirm()
        request.action_send_to_provider()
        with self.assertRaisesRegex(UserError, "get it back first"):
            request.action_cancel()
        request.custody_item_ids.action_mark_ready()
        request.action_cancel()
        self.assertEqual(request.custody_item_ids.state, "returned")
        self.assertFalse(self._quants(self.site.concierge_custody_location_id))

    def test_items_held_too_long(self):
        self.company.concierge_custody_alert_days = 10
        request = self._request()
        request.action_confirm()
        item = request.custody_item_ids
        Item = self.env["concierge.custody.item"]
        self.assertNotIn(item, Item.search([("is_overdue", "=", True)]))
        item.received_date = fields.Datetime.now() - timedelta(days=12)
        self.assertIn(item, Item.search([("is_overdue", "=", True)]))
        self.assertNotIn(item, Item.search([("is_overdue", "=", False)]))
        self.assertEqual(item.held_days, 12)
        self.assertTrue(item.is_overdue)
        self.company.concierge_custody_alert_days = 20
        item.invalidate_recordset(["is_overdue"])
        self.assertFalse(item.is_overdue)
        self.assertNotIn(item, Item.search([("is_overdue", "=", True)]))

    def test_ticket_label_report(self):
        request = self._request()
        request.action_confirm()
        item = request.custody_item_ids
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "concierge_services.report_custody_ticket", item.ids
        )
        html = html.decode()
        self.assertIn(item.name, html)
        self.assertIn("Jeanne Test", html)
        action = item.action_print_ticket()
        # without a configured document layout, Odoo asks for one first
        report = (
            action.get("report_name")
            or action["context"]["report_action"]["report_name"]
        )
        self.assertEqual(report, "concierge_services.report_custody_ticket")

    def test_deliver_held_or_closed_refused(self):
        request = self._request()
        request.action_confirm()
        with self.assertRaisesRegex(UserError, "Hand back the items"):
            request.line_ids.action_deliver()
        request.action_cancel()
        with self.assertRaisesRegex(UserError, "confirmed request"):
            self.env["concierge.custody.item"].create(
                {"request_line_id": request.line_ids.id, "description": "Sac"}
            )
