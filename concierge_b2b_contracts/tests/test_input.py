# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import B2bCase


@tagged("post_install", "-at_install")
class TestInput(B2bCase):
    """What a coordinator types on plans and quotations is checked (negative
    fees and headcounts of leads: test_plan, test_crm)."""

    def test_presence_hours_fit_in_a_week(self):
        self.plan.presence_hours = 168
        with self.assertRaisesRegex(
            ValidationError, "169.0 hours of presence per week is more than the 168"
        ):
            self.plan.presence_hours = 169

    def test_quotation_headcount_not_negative(self):
        order = self.env["sale.order"].create(
            {"partner_id": self.client.id, "concierge_headcount": 3}
        )
        with self.assertRaisesRegex(
            ValidationError, "headcount of the quotation .* cannot be negative"
        ):
            order.concierge_headcount = -1
