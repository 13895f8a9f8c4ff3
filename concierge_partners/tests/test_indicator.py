# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date

from odoo.tests import tagged

from .common import CommissionCase

# queries to recompute a month of the 3 provider indicators, whatever the
# number of commission lines (9 measured)
QUERIES = 12


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
        everything = Value._indicator_local_spend(
            date_from, date_to, self.env["concierge.site"]
        )
        self.assertEqual(everything, {False: 30.0})
        self.assertEqual(
            Value._indicator_local_spend(date_from, date_to, self.site), {}
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

    def test_recompute_queries_do_not_grow_with_lines(self):
        """The same queries for the provider indicators of a month with 1
        invoice line as with 20."""
        self._create_agreement()
        self._create_agreement(provider=self.producer)
        indicators = self.env["concierge.indicator"].search(
            [
                ("module", "=", "concierge_partners"),
                ("computation", "=", "computed"),
                # the funding mix's are pinned with base's (volunteers' tests)
                ("code", "not like", "funding_mix_"),
            ]
        )
        self.assertEqual(len(indicators), 3)
        Value = self.env["concierge.indicator.value"]
        period = date(2032, 5, 1)

        def recompute(expected=QUERIES):
            Value.search(
                [("indicator_id", "in", indicators.ids), ("period", "=", period)]
            ).unlink()
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            with self.assertQueryCount(expected):
                values = Value._recompute_period(period, indicators)
            return self.env.cr.sql_log_count - before, values

        self._invoice(
            [(self.product, 1, 10.0), (self.basket, 1, 15.0)], date="2032-05-10"
        )
        recompute(expected=30)  # warm the caches
        small, values = recompute()
        self.assertEqual(
            values.filtered(
                lambda v: v.code == "local_spend" and v.scope == "company"
            ).value,
            25.0,
        )
        for day in range(1, 10):
            self._invoice(
                [(self.product, 1, 10.0), (self.basket, 1, 15.0)],
                date="2032-05-%02d" % day,
            )
        large, values = recompute()
        self.assertEqual(
            values.filtered(
                lambda v: v.code == "local_spend" and v.scope == "company"
            ).value,
            250.0,
        )
        self.assertEqual(large, small)
