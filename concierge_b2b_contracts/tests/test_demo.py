# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemo(TransactionCase):
    def test_demo_invoicing_twice_bills_each_period_once(self):
        contracts = self.env.ref("concierge_b2b_contracts.contract_moreau")
        contracts |= self.env.ref("concierge_b2b_contracts.contract_hospital")
        model = self.env["contract.contract"]
        for __ in range(3):
            model.cron_recurring_create_invoice()
        today = fields.Date.context_today(model)
        this_month = today.replace(day=1)
        last_month = this_month - relativedelta(months=1)
        for contract in contracts:
            lines = self.env["account.move.line"].search(
                [
                    ("move_id.concierge_b2b_contract_id", "=", contract.id),
                    ("contract_line_id.concierge_b2b_kind", "=", "fixed"),
                ]
            )
            starts = sorted(lines.mapped("concierge_period_start"))
            self.assertEqual(len(starts), 2, contract.name)
            self.assertEqual(starts[1], this_month)
            self.assertIn(starts[0], (last_month, last_month.replace(day=16)))
        moreau = contracts[0]
        overage = self.env["account.move.line"].search(
            [
                ("move_id.concierge_b2b_contract_id", "=", moreau.id),
                ("concierge_request_ids", "!=", False),
            ]
        )
        self.assertEqual(overage.quantity, 1.0)
        self.assertEqual(overage.price_unit, 6.0)
        self.assertEqual(len(overage.concierge_request_ids), 1)
        hospital = contracts[1]
        self.assertEqual(hospital.concierge_employee_count, 4)
        first = self.env["account.move"].search(
            [("concierge_b2b_contract_id", "=", hospital.id)], order="id", limit=1
        )
        # started on the 16th: the first month is prorated
        self.assertLess(first.amount_untaxed, 600 + 4 * 6.5)

    def test_demo_requests_of_both_companies(self):
        moreau = self.env.ref("concierge_b2b_contracts.contract_moreau")
        hospital = self.env.ref("concierge_b2b_contracts.contract_hospital")
        expected = {
            "request_moreau_parcel_1": (moreau, "employer", "company"),
            "request_moreau_parcel_4": (moreau, "employer", "company"),
            "request_hospital_shirt": (hospital, "employer", "company"),
            "request_hospital_parcel": (hospital, "employer", "company"),
            "request_hospital_car_wash": (hospital, "employee", "company"),
        }
        for xmlid, (contract, payer, channel) in expected.items():
            request = self.env.ref(f"concierge_b2b_contracts.{xmlid}")
            self.assertEqual(
                (
                    request.concierge_b2b_contract_id,
                    request.concierge_payer,
                    request.channel,
                ),
                (contract, payer, channel),
                xmlid,
            )

    def test_demo_pipeline_has_one_prospect_per_stage(self):
        team = self.env.ref("concierge_b2b_contracts.crm_team_b2b")
        leads = self.env["crm.lead"].search([("team_id", "=", team.id)])
        self.assertTrue(self.env.ref("concierge_b2b_contracts.lead_b2b_signed"))
        stages = self.env["crm.stage"].search([("team_id", "=", team.id)])
        self.assertEqual(leads.stage_id, stages)
