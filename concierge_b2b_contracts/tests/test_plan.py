# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.concierge_base.tests.common import ConciergeCase


@tagged("post_install", "-at_install")
class TestPlan(ConciergeCase):
    def test_negative_values_refused(self):
        for field in (
            "fixed_fee",
            "fee_per_employee",
            "included_requests",
            "presence_hours",
        ):
            with self.assertRaisesRegex(ValidationError, "cannot be negative"):
                self.env["concierge.b2b.plan"].create({"name": "Plan", field: -1})

    def test_managers_create_users_read(self):
        plan = (
            self.env["concierge.b2b.plan"]
            .with_user(self.manager)
            .create({"name": "Essentiel", "fixed_fee": 200, "included_requests": 20})
        )
        self.assertEqual(plan.with_user(self.concierge).fixed_fee, 200)
        with self.assertRaises(AccessError):
            self.env["concierge.b2b.plan"].with_user(self.concierge).create(
                {"name": "X"}
            )

    def test_plan_of_other_company_hidden(self):
        plan = self.env["concierge.b2b.plan"].create(
            {"name": "Ailleurs", "company_id": self.other_company.id}
        )
        visible = self.env["concierge.b2b.plan"].with_user(self.concierge).search([])
        self.assertNotIn(plan, visible)
