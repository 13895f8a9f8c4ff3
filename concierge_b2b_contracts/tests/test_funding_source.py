# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date

from odoo import Command
from odoo.tests import tagged

from .common import B2bCase

# a month far from the demo data
MONTH = (date(2034, 5, 1), date(2034, 5, 31))


@tagged("post_install", "-at_install")
class TestFundingSource(B2bCase):
    def test_subscription_and_overage_are_company_subscriptions(self):
        """The fee and the overage of a company contract count as company
        subscriptions in the funding mix, a desk sale as market sales, to the
        cent, whatever their income account."""
        category = self.env.ref("concierge_b2b_contracts.product_category_b2b")
        self.assertEqual(category.concierge_source_category, "subscriptions")
        fee = self.env.ref("concierge_b2b_contracts.product_b2b_subscription")
        overage = self.env.ref("concierge_b2b_contracts.product_b2b_overage")
        self.assertEqual((fee | overage).categ_id, category)
        desk = self.env["product.product"].create(
            {"name": "Retouche au comptoir", "type": "service"}
        )
        Mix = self.env["concierge.funding.mix.compute"]
        before = Mix._get_mix_totals(*MONTH)
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.client.id,
                "invoice_date": date(2034, 5, 10),
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "quantity": quantity,
                            "price_unit": price,
                            "tax_ids": [Command.clear()],
                        }
                    )
                    for product, quantity, price in (
                        (fee, 1, 315.0),
                        (overage, 2, 12.35),
                        (desk, 1, 8.5),
                    )
                ],
            }
        )
        invoice.action_post()
        after = Mix._get_mix_totals(*MONTH)
        self.assertAlmostEqual(
            after["subscriptions"] - before["subscriptions"], 339.7, places=2
        )
        self.assertAlmostEqual(
            after["market_sales"] - before["market_sales"], 8.5, places=2
        )
