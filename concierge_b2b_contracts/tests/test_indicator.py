# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date

from odoo import Command
from odoo.tests import tagged

from .common import B2bCase

JANUARY = (date(2026, 1, 1), date(2026, 1, 31))


@tagged("post_install", "-at_install")
class TestIndicators(B2bCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.values = cls.env["concierge.indicator.value"]
        cls.contract = cls._create_contract()
        cls.january = cls.contract._recurring_create_invoice()
        cls.january.action_post()
        # a quarterly contract without site, started in January
        cls.quarterly = cls._create_contract(
            name="Trimestriel",
            concierge_site_id=False,
            recurring_rule_type="quarterly",
        )
        cls.quarter = cls.quarterly._recurring_create_invoice()
        cls.quarter.action_post()
        product = cls.env["product.product"].create(
            {"name": "Retouche", "type": "service", "list_price": 100.0}
        )
        cls.sale = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": cls.employees[0].id,
                "invoice_date": date(2026, 1, 20),
                "invoice_line_ids": [
                    Command.create(
                        {"product_id": product.id, "price_unit": 370.0, "tax_ids": []}
                    )
                ],
            }
        )
        cls.sale.action_post()

    def test_companies_served(self):
        result = self.values._indicator_b2b_companies(*JANUARY, self.site)
        # the quarterly contract has no site: not one of the site's
        self.assertEqual(result, {self.site.id: 1, "total": 1})
        result = self.values._indicator_b2b_companies(
            *JANUARY, self.env["concierge.site"]
        )
        self.assertEqual(result.get(self.site.id), 1)
        # it counts under no site, and for the whole conciergerie
        self.assertGreaterEqual(result.get(False, 0), 1)
        self.assertGreaterEqual(result["total"], 1)
        self.assertLessEqual(result["total"], result[self.site.id] + result[False])
        before = self.values._indicator_b2b_companies(
            date(2025, 12, 1), date(2025, 12, 31), self.site
        )
        self.assertFalse(before)

    def test_employees_covered(self):
        result = self.values._indicator_b2b_employees(*JANUARY, self.site)
        self.assertEqual(result, {self.site.id: 3})
        result = self.values._indicator_b2b_employees(
            *JANUARY, self.env["concierge.site"]
        )
        self.assertEqual((result[self.site.id], result[False]), (3, 3))
        # the quarter covers February too; the monthly contract is not
        # invoiced for February yet
        february = self.values._indicator_b2b_employees(
            date(2026, 2, 1), date(2026, 2, 28), self.env["concierge.site"]
        )
        self.assertEqual(february.get(False), 3)
        self.assertNotIn(self.site.id, february)

    def test_recurring_revenue_spread_over_the_period(self):
        result = self.values._indicator_b2b_recurring_revenue(
            *JANUARY, self.env["concierge.site"]
        )
        self.assertAlmostEqual(result[self.site.id], 315.0)
        # 315 for the quarter January-March (90 days), 31 of them in January
        self.assertAlmostEqual(result[False], 315.0 * 31 / 90, places=2)

    def test_employees_over_a_quarter(self):
        """The employees of a contract invoiced every month count once in the
        quarter: not three times."""
        february = self.contract._recurring_create_invoice()
        february.action_post()
        march = self.contract._recurring_create_invoice()
        march.action_post()
        employees = self.env.ref("concierge_b2b_contracts.indicator_b2b_employees")
        companies = self.env.ref("concierge_b2b_contracts.indicator_b2b_companies")
        self.assertEqual(employees.aggregation, "distinct")
        self.values._recompute_periods(
            [date(2026, month, 1) for month in (1, 2, 3)],
            indicators=employees | companies,
        )
        quarter = (date(2026, 1, 1), date(2026, 3, 31))
        monthly = self.env["concierge.indicator.value"].search(
            [
                ("indicator_id", "=", employees.id),
                ("site_id", "=", self.site.id),
                ("period", ">=", quarter[0]),
                ("period", "<=", quarter[1]),
            ]
        )
        self.assertEqual(monthly.mapped("value"), [3.0, 3.0, 3.0])
        self.assertEqual(employees._aggregate(*quarter, self.site), 3)
        self.assertEqual(companies._aggregate(*quarter, self.site), 1)
        self.assertEqual(
            employees._aggregate(*quarter, self.site, aggregation="sum"), 9
        )

    def test_share_of_subscriptions(self):
        result = self.values._indicator_b2b_fixed_share(
            *JANUARY, self.env["concierge.site"]
        )
        self.assertEqual(result, {"total": round(100 * 630 / 1000, 2)})

    def test_reversed_invoice_not_counted_and_recompute_idempotent(self):
        self.january._reverse_moves(cancel=True)
        result = self.values._indicator_b2b_recurring_revenue(*JANUARY, self.site)
        self.assertNotIn(self.site.id, result)
        first = self.values._recompute_period(date(2026, 1, 1))
        second = self.values._recompute_period(date(2026, 1, 1))
        self.assertEqual(first, second)
        mine = first.filtered(lambda value: value.code.startswith("b2b_"))
        by_key = {
            (value.code, value.scope, value.site_id.id or False): value.value
            for value in mine
        }
        self.assertEqual(by_key.get(("b2b_companies", "site", self.site.id)), 1)
        self.assertEqual(by_key.get(("b2b_employees", "no_site", False)), 3)
        self.assertNotIn(("b2b_recurring_revenue", "site", self.site.id), by_key)
        self.assertIn(("b2b_fixed_share", "company", False), by_key)
        self.assertNotIn(("b2b_fixed_share", "no_site", False), by_key)
