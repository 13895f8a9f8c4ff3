# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date

from odoo import Command
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemo(TransactionCase):
    """The demo shows figures that follow from the demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.phase = cls.env.ref(
            "concierge_base.test_phase_village", raise_if_not_found=False
        )
        cls.year = date.today().year

    def setUp(self):
        super().setUp()
        if not self.phase:
            self.skipTest("demo data not installed")

    def test_demo_french_association(self):
        company = self.env.ref("base.main_company")
        self.assertEqual(company.name, "Conciergerie des Monts du Lyonnais")
        self.assertEqual(company.chart_template, "fr")
        self.assertEqual(company.currency_id, self.env.ref("base.EUR"))
        self.assertEqual(company.country_id, self.env.ref("base.fr"))
        self.assertEqual((company.zip, company.city), ("69670", "Vaugneray"))
        self.assertEqual(company.siret, "89123456900012")
        self.assertTrue(company.logo)
        Account = self.env["account.account"].with_company(company)
        sales = Account.search(
            [*Account._check_company_domain(company), ("code", "=", "706000")]
        )
        self.assertEqual(sales.concierge_source_category, "market_sales")

    def test_demo_agreements(self):
        commune = self.env.ref("concierge_base.funding_agreement_commune_test")
        region = self.env.ref("concierge_base.funding_agreement_region_launch")
        foundation = self.env.ref("concierge_base.funding_agreement_foundation")
        self.assertEqual(
            (commune | region | foundation).mapped("state"), ["signed"] * 3
        )
        self.assertEqual(commune.phase, "test")
        self.assertEqual(region.phase, "launch")
        self.assertEqual(commune.amount_received, 6000.0)
        self.assertEqual(region.amount_received, 15000.0)
        self.assertEqual(foundation.amount_received, 3000.0)
        self.assertEqual(foundation.installment_ids.state, "partial")
        self.assertTrue(commune.analytic_account_id)
        self.assertTrue(commune.activity_ids)

    def test_demo_funding_mix(self):
        mix = self.env["concierge.funding.mix"].create(
            {"date_from": date(self.year, 1, 1), "date_to": date(self.year, 12, 31)}
        )
        mix.action_show()
        totals = {
            key: amount for key, _label, amount, _share in mix._get_category_totals()
        }
        self.assertAlmostEqual(totals["public_grants"], 21000.0)
        self.assertAlmostEqual(totals["private_grants"], 3000.0)
        # the shop's counter sales (900 + 40 a month, January to October);
        # the other addons of the suite may add theirs
        self.assertGreaterEqual(totals["market_sales"], 11200.0)
        shop = self.env["concierge.funding.mix"].create(
            {
                "date_from": date(self.year, 1, 1),
                "date_to": date(self.year, 12, 31),
                "site_ids": [
                    Command.set(self.env.ref("concierge_base.site_village_shop").ids)
                ],
            }
        )
        shop.action_show()
        shop_totals = {
            key: amount for key, _l, amount, _s in shop._get_category_totals()
        }
        self.assertGreaterEqual(shop_totals["market_sales"], 11200.0)

    def test_demo_test_phase_verdict(self):
        self.env["concierge.indicator.value"]._recompute_periods(
            [date(self.year, month, 1) for month in range(1, 11)]
        )
        self.env.invalidate_all()
        jobs, public_share, received = self.phase.criterion_ids.sorted("sequence")
        # jobs: 2 FTE in October (last value) >= 1.5
        self.assertEqual((jobs.value, jobs.result), (2.0, "met"))
        # public share: grants in February and October only, averaged
        self.assertEqual(public_share.result, "met")
        self.assertLess(public_share.value, 60.0)
        # received by the end of October: 24,000 of the 26,000 due
        self.assertAlmostEqual(received.value, 2400 / 26, places=2)
        self.assertEqual(received.result, "not_met")
        self.assertEqual(self.phase.verdict, "failed")
        self.assertEqual(self.phase.criteria_met_count, 2)
