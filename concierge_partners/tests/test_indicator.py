# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date

from odoo.tests import tagged

from .common import CommissionCase


@tagged("post_install", "-at_install")
class TestIndicator(CommissionCase):
    def test_monthly_indicators_per_site(self):
        self._create_agreement()
        self._create_agreement(provider=self.producer, commission_model="mandate")
        self.customer.concierge_site_id = self.site
        self._invoice([(self.product, 3, 10.0)])
        self._invoice([(self.basket, 2, 15.0)])
        self._invoice([(self.product, 1, 10.0)], move_type="out_refund")
        self._invoice([(self.product, 9, 10.0)], date="2026-04-01")
        Value = self.env["concierge.indicator.value"]
        values = Value._recompute_period(self.date)
        by_code = {
            (v.indicator_id.code, v.site_id): v.value
            for v in values
            if v.indicator_id.module == "concierge_partners"
        }
        self.assertEqual(by_code[("local_spend", self.site)], 50.0)
        self.assertEqual(by_code[("commission_revenue", self.site)], 5.0)
        self.assertEqual(by_code[("active_providers", self.site)], 2)
        # Idempotent: the same values again, not new ones.
        again = Value._recompute_period(self.date)
        self.assertEqual(values, again)

    def test_restricted_to_sites(self):
        self._create_agreement()
        self._invoice([(self.product, 3, 10.0)])
        Value = self.env["concierge.indicator.value"]
        date_from, date_to = self.date.replace(day=1), self.date.replace(day=31)
        everything = Value._compute_indicator_local_spend(
            date_from, date_to, self.env["concierge.site"]
        )
        self.assertEqual(everything, {False: 30.0})
        self.assertEqual(
            Value._compute_indicator_local_spend(date_from, date_to, self.site), {}
        )

    def test_active_providers_distinct_over_the_quarter(self):
        """A provider selling every month counts once in the quarter, and a
        sale to a customer without home site counts for the company."""
        self._create_agreement()
        self._create_agreement(provider=self.producer)
        self.customer.concierge_site_id = False
        self._invoice([(self.product, 1, 10.0)], date="2031-01-15")
        self._invoice([(self.product, 2, 10.0)], date="2031-02-15")
        self._invoice(
            [(self.product, 3, 10.0), (self.basket, 1, 15.0)], date="2031-03-10"
        )
        Value = self.env["concierge.indicator.value"]
        providers = self.env.ref("concierge_partners.indicator_active_providers")
        spend = self.env.ref("concierge_partners.indicator_local_spend")
        self.assertEqual(providers.aggregation, "distinct")
        Value._recompute_periods(
            [date(2031, month, 1) for month in (1, 2, 3)],
            indicators=providers | spend,
        )
        march = Value.search(
            [
                ("indicator_id", "=", providers.id),
                ("period", "=", date(2031, 3, 1)),
                ("company_id", "=", self.env.company.id),
            ]
        )
        self.assertEqual(
            {(v.scope, v.value) for v in march}, {("no_site", 2.0), ("company", 2.0)}
        )
        quarter = (date(2031, 1, 1), date(2031, 3, 31))
        # 1 + 1 + 2 a month, but two providers in the quarter
        self.assertEqual(providers._aggregate(*quarter), 2)
        self.assertEqual(providers._aggregate(*quarter, aggregation="sum"), 4)
        self.assertEqual(spend._aggregate(*quarter), 75.0)
        self.assertEqual(spend._aggregate(date(2031, 1, 1), date(2031, 12, 31)), 75.0)
        self.assertEqual(spend._aggregate(date(2031, 2, 1), date(2031, 2, 28)), 20.0)
