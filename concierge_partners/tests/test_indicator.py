# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
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
