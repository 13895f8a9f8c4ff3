# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.tests import TransactionCase, tagged

# (beneficiary's XML id in concierge_base, request state, custody item states)
CUSTODY_DEMO = [
    ("partner_inhabitant_yves", "confirmed", ["received"]),
    ("partner_employee_karim", "ready", ["ready", "ready"]),
    ("partner_employee_thomas", "confirmed", ["received"]),
    ("partner_employee_sophie", "in_progress", ["at_provider"]),
    ("partner_employee_thomas", "ready", ["ready"]),
]
# once installed, Thomas's shirts were collected at the lockers after hours
INSTALLED_DEMO = [*CUSTODY_DEMO[:-1], ("partner_employee_thomas", "done", ["returned"])]


@tagged("post_install", "-at_install")
class TestDemo(TransactionCase):
    def _xmlids(self, records):
        return self.env["ir.model.data"].search(
            [("model", "=", records._name), ("res_id", "in", records.ids)]
        )

    def _check_custody_requests(self, requests, expected=CUSTODY_DEMO):
        """Each demo beneficiary has a request at its stage, its items held."""
        for xmlid, state, item_states in expected:
            partner = self.env.ref(f"concierge_base.{xmlid}")
            request = requests.filtered(
                lambda r, p=partner, s=state, i=item_states: (
                    r.partner_id == p
                    and r.state == s
                    and sorted(r.custody_item_ids.mapped("state")) == i
                )
            )[:1]
            self.assertTrue(request, f"{xmlid}: no {state} request with {item_states}")
            moves = request.custody_item_ids.move_ids
            self.assertTrue(moves)
            self.assertEqual(set(moves.mapped("state")), {"done"})
            self.assertEqual(moves.move_line_ids.owner_id, partner)
            if request.sale_order_id:
                self.assertEqual(request.sale_order_id.state, "sale")
            else:
                # billed otherwise by an addon, e.g. employer-paid requests
                # with concierge_b2b_contracts: no order is made for them
                self.assertFalse(request._create_sale_orders())

    def test_demo_method_takes_requests_through_their_lifecycle(self):
        requests = self.env["concierge.service.request"]._demo_create_custody_requests()
        self.assertEqual(len(requests), len(CUSTODY_DEMO))
        self._check_custody_requests(requests)
        self.assertFalse(self._xmlids(requests))

    def test_demo_requests_moving_stock_are_user_data(self):
        """Uninstalling the module deletes its data: none of it moves stock."""
        Request = self.env["concierge.service.request"]
        module_requests = Request.browse(
            self.env["ir.model.data"]
            .search(
                [
                    ("module", "=", "concierge_services"),
                    ("model", "=", "concierge.service.request"),
                ]
            )
            .mapped("res_id")
        )
        self.assertEqual(len(module_requests), 4, "the XML demo requests")
        self.assertFalse(module_requests.custody_item_ids)
        self.assertFalse(
            self.env["stock.move"].search_count(
                [("concierge_custody_item_id.request_id", "in", module_requests.ids)]
            )
        )
        partners = [self.env.ref(f"concierge_base.{x[0]}") for x in CUSTODY_DEMO]
        custody = Request.search(
            [
                ("partner_id", "in", [p.id for p in partners]),
                ("custody_item_ids", "!=", False),
                ("create_uid", "=", self.env.ref("base.user_root").id),
            ]
        )
        custody -= custody.browse(self._xmlids(custody).mapped("res_id"))
        self._check_custody_requests(custody, INSTALLED_DEMO)
        self.assertFalse(self._xmlids(custody.line_ids))
        self.assertFalse(self._xmlids(custody.custody_item_ids))

    def test_demo_lockers(self):
        site = self.env.ref("concierge_base.site_business_park")
        compartments = site.concierge_compartment_ids
        if not compartments:
            self.skipTest("installed without demo data")
        self.assertEqual(len(compartments), 12)
        karim = self.env.ref("concierge_base.partner_employee_karim")
        waiting = self.env["concierge.pickup.code"].search(
            [("partner_id", "=", karim.id), ("state", "=", "active")]
        )
        self.assertEqual(len(waiting), 1)
        self.assertEqual(waiting.compartment_id.state, "occupied")
        items = waiting.custody_item_ids
        self.assertEqual(items.mapped("state"), ["ready", "ready"])
        self.assertEqual(items.location_id, waiting.compartment_id.location_id)

    def test_demo_collected_after_hours(self):
        thomas = self.env.ref("concierge_base.partner_employee_thomas")
        collected = self.env["concierge.pickup.code"].search(
            [("partner_id", "=", thomas.id), ("state", "=", "used")]
        )
        if not collected:
            self.skipTest("installed without demo data")
        self.assertEqual(collected.used_method, "locker_code")
        self.assertTrue(collected.after_hours)
        self.assertFalse(collected.site_id._concierge_is_open(collected.used_date))
        self.assertEqual(collected.compartment_id.state, "free")
        self.assertEqual(collected.custody_item_ids.handover_method, "locker_code")
        self.assertLess(collected.issue_date, collected.used_date)
