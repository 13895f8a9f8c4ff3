# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import B2bCase


@tagged("post_install", "-at_install")
class TestCrmFlow(B2bCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team = cls.env.ref("concierge_b2b_contracts.crm_team_b2b")
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Clinique des Monts - conciergerie",
                "type": "opportunity",
                "partner_id": cls.client.id,
                "team_id": cls.team.id,
                "concierge_headcount": 3,
                "concierge_plan_id": cls.plan.id,
                "concierge_site_ids": [Command.set(cls.site.ids)],
            }
        )

    def _quotation(self):
        context = self.lead._prepare_opportunity_quotation_context()
        return (
            self.env["sale.order"]
            .with_context(**context)
            .create({"partner_id": self.client.id})
        )

    def test_pipeline_stages(self):
        stages = self.env["crm.stage"].search(
            [("team_id", "=", self.team.id)], order="sequence"
        )
        self.assertEqual(
            stages.mapped("name"),
            ["First contact", "Needs study", "Proposal", "Trial", "Signed"],
        )
        self.assertEqual(stages.filtered("is_won"), stages[-1])

    def test_quotation_with_plan(self):
        order = self._quotation()
        self.assertEqual(order.opportunity_id, self.lead)
        self.assertEqual(order.concierge_plan_id, self.plan)
        self.assertEqual(order.concierge_site_id, self.site)
        self.assertEqual(order.order_line.mapped("product_uom_qty"), [1.0, 3.0])
        self.assertEqual(order.amount_untaxed, 315.0)

    def test_confirm_creates_contract_linked_both_ways(self):
        order = self._quotation()
        order.action_confirm()
        contract = order.concierge_contract_id
        self.assertTrue(contract)
        self.assertEqual(contract.concierge_sale_order_id, order)
        self.assertEqual(contract.partner_id, self.client)
        self.assertEqual(contract.concierge_plan_id, self.plan)
        self.assertEqual(contract.concierge_site_id, self.site)
        self.assertEqual(
            sorted(contract.contract_line_ids.mapped("concierge_b2b_kind")),
            ["employee", "fixed"],
        )
        self.assertEqual(self.lead.concierge_contract_count, 1)
        action = self.lead.action_view_concierge_contracts()
        self.assertEqual(
            self.env["contract.contract"].search(action["domain"]), contract
        )
        # the contract invoices, the order does not
        self.assertEqual(order.invoice_status, "no")
        # confirming creates the contract once
        self.assertFalse(order._concierge_create_contracts())
        self.assertEqual(
            self.env["contract.contract"].search_count(
                [("concierge_sale_order_id", "=", order.id)]
            ),
            1,
        )

    def test_salesman_confirms(self):
        salesman = self.env["res.users"].create(
            {
                "name": "Commercial",
                "login": "b2b_salesman",
                "groups_id": [
                    Command.set(self.env.ref("sales_team.group_sale_salesman").ids)
                ],
            }
        )
        order = self._quotation()
        order.user_id = salesman
        self.lead.user_id = salesman
        order.with_user(salesman).action_confirm()
        self.assertTrue(order.concierge_contract_id)

    def test_negative_headcount_refused(self):
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.lead.concierge_headcount = -4
