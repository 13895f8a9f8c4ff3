# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date, datetime

from odoo.tests import tagged

from .common import ServicesCase


@tagged("post_install", "-at_install")
class TestIndicators(ServicesCase):
    def _close(self, partner, requested, closed, deadline, site=None):
        request = self._request(
            [self.paperwork], partner=partner, request_date=requested
        )
        if site is not None:
            request.site_id = site  # while a draft: then it is frozen
        request.action_confirm()
        request.action_ready()
        request.line_ids.action_deliver()
        request.action_done()
        request.write({"done_date": closed, "deadline": deadline})
        return request

    def test_monthly_indicators_per_site(self):
        vulnerable = self.env["res.partner"].create(
            {
                "name": "Personne fragile",
                "concierge_beneficiary_type": "inhabitant",
                "concierge_site_id": self.site.id,
                "concierge_vulnerable": True,
                "concierge_consent_date": date(2026, 1, 5),
            }
        )
        # three requests closed in March 2026 at the test site, one late
        self._close(
            self.beneficiary,
            datetime(2026, 3, 2, 9),
            datetime(2026, 3, 4, 9),
            date(2026, 3, 5),
        )
        self._close(
            self.beneficiary,
            datetime(2026, 3, 10, 9),
            datetime(2026, 3, 14, 9),
            date(2026, 3, 12),
        )
        self._close(
            vulnerable,
            datetime(2026, 3, 20, 9),
            datetime(2026, 3, 23, 9),
            date(2026, 3, 25),
        )
        # closed in April: not counted in March
        self._close(
            vulnerable,
            datetime(2026, 3, 28, 9),
            datetime(2026, 4, 2, 9),
            date(2026, 4, 5),
        )
        Value = self.env["concierge.indicator.value"]
        codes = [
            "requests_handled",
            "beneficiaries_served",
            "vulnerable_served",
            "avg_turnaround",
            "late_share",
        ]
        indicators = self.env["concierge.indicator"].search([("code", "in", codes)])
        self.assertEqual(len(indicators), 5)
        Value._recompute_period(date(2026, 3, 1), indicators=indicators)
        values = Value.search(
            [
                ("period", "=", date(2026, 3, 1)),
                ("site_id", "=", self.site.id),
                ("indicator_id", "in", indicators.ids),
            ]
        )
        got = {v.indicator_id.code: v.value for v in values}
        self.assertEqual(got["requests_handled"], 3)
        self.assertEqual(got["beneficiaries_served"], 2)
        self.assertEqual(got["vulnerable_served"], 1)
        self.assertAlmostEqual(got["avg_turnaround"], 3.0)
        self.assertAlmostEqual(got["late_share"], 100 / 3, places=2)
        # idempotent
        Value._recompute_period(date(2026, 3, 1), indicators=indicators)
        again = Value.search(
            [
                ("period", "=", date(2026, 3, 1)),
                ("site_id", "=", self.site.id),
                ("indicator_id", "in", indicators.ids),
            ]
        )
        self.assertEqual(again, values)

    def test_everyone_counted_once_at_month_quarter_and_year(self):
        """Requests without a site count for the company; people are counted
        once over a quarter or a year, not once a month or once a site."""
        site_b = self.env["concierge.site"].create(
            {"name": "Bureau du parc (test)", "site_type": "company_desk"}
        )
        second = self.env["res.partner"].create(
            {
                "name": "Paul Test",
                "concierge_beneficiary_type": "employee",
                "concierge_site_id": self.site.id,
            }
        )
        newcomer = self.env["res.partner"].create(
            {"name": "Nouveau venu (mail)", "email": "nouveau@example.com"}
        )
        vulnerable = self.env["res.partner"].create(
            {
                "name": "Personne fragile",
                "concierge_beneficiary_type": "inhabitant",
                "concierge_site_id": self.site.id,
                "concierge_vulnerable": True,
                "concierge_consent_date": date(2029, 1, 5),
            }
        )

        def close(partner, month, day, site=None):
            return self._close(
                partner,
                datetime(2029, month, day - 1, 9),
                datetime(2029, month, day, 9),
                date(2029, month, day + 1),
                site=site,
            )

        for month in (4, 5, 6, 10):
            close(self.beneficiary, month, 10)
        close(second, 4, 15)
        close(second, 4, 20, site=site_b)
        close(vulnerable, 4, 25)
        close(vulnerable, 6, 5)
        no_site = close(newcomer, 5, 5, site=False)
        self.assertFalse(no_site.site_id)
        codes = ["requests_handled", "beneficiaries_served", "vulnerable_served"]
        indicators = {
            indicator.code: indicator
            for indicator in self.env["concierge.indicator"].search(
                [("code", "in", codes)]
            )
        }
        self.assertEqual(indicators["beneficiaries_served"].aggregation, "distinct")
        self.assertEqual(indicators["vulnerable_served"].aggregation, "distinct")
        Value = self.env["concierge.indicator.value"]
        Value._recompute_periods(
            [date(2029, month, 1) for month in range(1, 13)],
            indicators=self.env["concierge.indicator"].browse(
                [i.id for i in indicators.values()]
            ),
        )

        def stored(code, month):
            return {
                (v.scope, v.site_id): v.value
                for v in Value.search(
                    [
                        ("indicator_id", "=", indicators[code].id),
                        ("period", "=", date(2029, month, 1)),
                    ]
                )
            }

        no = self.env["concierge.site"]
        # April: Jeanne, Paul (at both sites) and the vulnerable person
        self.assertEqual(
            stored("requests_handled", 4),
            {("site", self.site): 3, ("site", site_b): 1, ("company", no): 4},
        )
        self.assertEqual(
            stored("beneficiaries_served", 4),
            {("site", self.site): 3, ("site", site_b): 1, ("company", no): 3},
        )
        # May: the request from the mail alias has no site, counted anyway
        self.assertEqual(
            stored("requests_handled", 5),
            {("site", self.site): 1, ("no_site", no): 1, ("company", no): 2},
        )
        quarter = (date(2029, 4, 1), date(2029, 6, 30))
        year = (date(2029, 1, 1), date(2029, 12, 31))
        expected = {
            "requests_handled": {(4, 4): 4, quarter: 8, year: 9},
            # 3 + 2 + 2 a month, but 4 different persons in the quarter
            "beneficiaries_served": {(4, 4): 3, quarter: 4, year: 4},
            "vulnerable_served": {(4, 4): 1, quarter: 1, year: 1},
        }
        for code, figures in expected.items():
            for period, figure in figures.items():
                if period == (4, 4):
                    period = (date(2029, 4, 1), date(2029, 4, 30))
                self.assertEqual(
                    indicators[code]._aggregate(*period),
                    figure,
                    "%s %s" % (code, period),
                )
        # per site, over the quarter
        served = indicators["beneficiaries_served"]
        self.assertEqual(served._aggregate(*quarter, self.site), 3)
        self.assertEqual(served._aggregate(*quarter, site_b), 1)
        self.assertEqual(served._aggregate(*quarter, self.site | site_b), 3)
