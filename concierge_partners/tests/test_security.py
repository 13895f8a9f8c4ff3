# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import CommissionCase


@tagged("post_install", "-at_install")
class TestSecurity(CommissionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.accountant = new_test_user(
            cls.env,
            login="concierge_accountant_test",
            groups="account.group_account_invoice",
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.agreement = cls._create_agreement()
        cls._invoice([(cls.product, 5, 10.0)])
        cls.other_agreement = cls.Agreement.create(
            {
                "name": "Autre société",
                "provider_id": cls.producer.id,
                "company_id": cls.other_company.id,
                "date_start": "2026-01-01",
                "rule_ids": [Command.create({"scope": "all", "percent": 5})],
            }
        )

    def test_concierge_reads_but_cannot_settle(self):
        agreement = self.agreement.with_user(self.concierge)
        self.assertEqual(agreement.name, "Accord test")
        self.assertEqual(agreement.rule_ids.percent, 10.0)
        self.assertTrue(self.provider.with_user(self.concierge).concierge_is_provider)
        with self.assertRaises(AccessError):
            agreement.write({"name": "Changé"})
        with self.assertRaises(AccessError):
            self.env["concierge.commission.settle.wizard"].with_user(
                self.concierge
            ).create({"date": self.date})
        with self.assertRaises(AccessError):
            self.Settlement.with_user(self.concierge).create(
                {
                    "provider_id": self.provider.id,
                    "commission_model": "referral",
                    "settlement_period": "monthly",
                    "date_from": "2026-03-01",
                    "date_to": "2026-03-31",
                }
            )
        settlement = self._settle()
        with self.assertRaises(AccessError):
            settlement.with_user(self.concierge).action_confirm()

    def test_accountant_confirms_invoices_and_cancels(self):
        wizard = (
            self.env["concierge.commission.settle.wizard"]
            .with_user(self.accountant)
            .create(
                {"date": self.date, "provider_ids": [Command.set(self.provider.ids)]}
            )
        )
        settlement = wizard._settle()
        self.assertEqual(settlement.provider_id, self.provider)
        settlement.action_confirm()
        settlement.action_create_document()
        self.assertEqual(settlement.state, "invoiced")
        settlement.move_id.button_cancel()
        settlement.action_cancel()
        self.assertEqual(settlement.state, "cancelled")

    def test_multi_company_rules(self):
        agreements = self.Agreement.with_user(self.manager).search([])
        self.assertIn(self.agreement, agreements)
        self.assertNotIn(self.other_agreement, agreements)
        rules = self.env["concierge.commission.rule"].with_user(self.manager).search([])
        self.assertNotIn(self.other_agreement.rule_ids, rules)
        settlement = self._settle()
        other = self.Settlement.create(
            {
                "provider_id": self.producer.id,
                "company_id": self.other_company.id,
                "commission_model": "referral",
                "settlement_period": "monthly",
                "date_from": "2026-03-01",
                "date_to": "2026-03-31",
            }
        )
        visible = self.Settlement.with_user(self.accountant).search([])
        self.assertIn(settlement, visible)
        self.assertNotIn(other, visible)
        lines = self.Line.with_user(self.accountant).search([])
        self.assertTrue(lines)
        self.assertEqual(lines.company_id, self.company)
