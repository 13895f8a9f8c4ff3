# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date, datetime

from odoo.tests import tagged

from .common import ServicesCase


@tagged("post_install", "-at_install")
class TestIndicators(ServicesCase):
    def _close(self, partner, requested, closed, deadline):
        request = self._request(
            [self.paperwork], partner=partner, request_date=requested
        )
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
