# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The demo, as a new user opens it: a rural conciergerie in its test phase
whose funding mix shows all six sources, and volunteer shifts in the coming
days."""

import unittest
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoMix(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.shop = cls.env.ref("concierge_base.site_village_shop", False)
        if not cls.shop:
            raise unittest.SkipTest("the demo data is not loaded")
        cls.company = cls.env.ref("base.main_company")
        cls.today = fields.Date.context_today(cls.shop)

    def _shares(self, sites=None):
        mix = (
            self.env["concierge.funding.mix"]
            .with_company(self.company)
            .create(
                {
                    "date_from": self.today.replace(month=1, day=1),
                    "date_to": self.today,
                    "site_ids": [Command.set(sites.ids if sites else [])],
                }
            )
        )
        mix.action_show()
        return {
            key: share for key, _label, _amount, share in mix._get_category_totals()
        }

    def test_six_sources_with_believable_shares(self):
        shares = self._shares()
        self.assertEqual(
            set(shares),
            {
                "market_sales",
                "commissions",
                "subscriptions",
                "public_grants",
                "private_grants",
                "volunteer_time",
            },
        )
        for source, share in shares.items():
            self.assertGreater(share, 0.0, source)
        # a desk in its test phase: public money first, own revenue second
        self.assertTrue(40.0 <= shares["public_grants"] <= 70.0, shares)
        self.assertTrue(15.0 <= shares["market_sales"] <= 40.0, shares)
        self.assertLess(shares["private_grants"], shares["public_grants"])
        self.assertLess(shares["commissions"], shares["market_sales"])

    def test_each_site_has_its_figures(self):
        shop = self._shares(self.shop)
        self.assertGreater(shop["market_sales"], 0.0)
        self.assertGreater(shop["public_grants"], 0.0)
        park = self._shares(self.env.ref("concierge_base.site_business_park"))
        self.assertGreater(park["subscriptions"], 0.0)
        self.assertGreater(park["volunteer_time"], 0.0)

    def test_per_site_reading_matches_each_site_alone(self):
        """The dashboard's per-site funding mix (one reading for all sites)
        gives each site what the funding mix of that site alone gives."""
        Mix = self.env["concierge.funding.mix.compute"].with_company(self.company)
        period = (self.today.replace(month=1, day=1), self.today)
        sites = self.env["concierge.site"].search(
            [("company_id", "=", self.company.id)]
        )
        per_site = Mix._get_mix_totals_per_site(*period, sites)
        self.assertEqual(set(per_site), set(sites.ids))
        for site in sites:
            alone = Mix._get_mix_totals(*period, sites=site)
            for source, amount in alone.items():
                self.assertAlmostEqual(
                    per_site[site.id][source],
                    amount,
                    places=2,
                    msg=f"{site.name}: {source}",
                )
        self.assertGreater(per_site[self.shop.id]["market_sales"], 0.0)

    def test_shifts_in_the_coming_days(self):
        now = fields.Datetime.now()
        shifts = self.env["concierge.volunteer.shift"].search(
            [
                ("state", "=", "open"),
                ("date_start", ">=", now),
                ("date_start", "<", now + timedelta(days=5)),
            ]
        )
        self.assertGreaterEqual(len(shifts), 4)
        self.assertEqual(len(shifts.site_id), 2)
        self.assertTrue(
            any(shift.seats_taken < shift.capacity for shift in shifts),
            "some shifts still need volunteers",
        )
