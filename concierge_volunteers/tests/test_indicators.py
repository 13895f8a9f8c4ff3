# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date

from odoo.tests import tagged

from .common import VolunteerCase


@tagged("post_install", "-at_install")
class TestIndicators(VolunteerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        plan = cls.env["account.analytic.plan"].create({"name": "Sites (test)"})
        cls.analytic = cls.env["account.analytic.account"].create(
            {"name": "Épicerie (test)", "plan_id": plan.id}
        )
        cls.site.analytic_account_id = cls.analytic
        cls.site_b = cls.env["concierge.site"].create(
            {"name": "Deuxième site (test)", "site_type": "company_desk"}
        )
        # March 2033 on the first site: 3 h desk x 2 volunteers, one absent,
        # two deliveries (2 h and 1 h); on the second site: 4 h desk (Alice)
        desk = cls._shift(start=cls._at(2033, 3, 7), hours=3, capacity=3)
        cls._attend(desk, cls.alice)
        cls._attend(desk, cls.bruno)
        cls._attend(desk, cls.chloe, "absent")
        for day, hours in ((8, 2), (15, 1)):
            delivery = cls._shift(
                mission=cls.mission_delivery,
                start=cls._at(2033, 3, day),
                hours=hours,
                capacity=1,
            )
            cls._attend(delivery, cls.bruno)
        cls.unattended = cls._shift(
            mission=cls.mission_delivery, start=cls._at(2033, 3, 22), capacity=1
        )
        cls._attend(cls.unattended, cls.bruno, "absent")
        other = cls._shift(start=cls._at(2033, 3, 9), hours=4)
        other.site_id = cls.site_b
        cls._attend(other, cls.alice)
        # April: not in the month
        cls._attend(cls._shift(start=cls._at(2033, 4, 4), hours=5), cls.alice)
        cls.march = (date(2033, 3, 1), date(2033, 3, 31))

    def _compute(self, code, sites=None):
        Value = self.env["concierge.indicator.value"]
        method = getattr(Value, "_compute_indicator_%s" % code)
        return method(*self.march, sites or self.env["concierge.site"])

    def test_volunteer_hours_and_active_volunteers(self):
        self.assertEqual(
            self._compute("volunteer_hours"),
            {self.site.id: 9.0, self.site_b.id: 4.0},
        )
        self.assertEqual(
            self._compute("active_volunteers"),
            {self.site.id: 2, self.site_b.id: 1},
        )
        self.assertEqual(
            self._compute("volunteer_hours", self.site_b), {self.site_b.id: 4.0}
        )

    def test_valued_time_and_deliveries(self):
        self.assertEqual(
            self._compute("volunteer_time_value"),
            {self.site.id: 135.0, self.site_b.id: 60.0},
        )
        self.assertEqual(self._compute("vulnerable_deliveries"), {self.site.id: 2})

    def test_recompute_month_stores_values_once(self):
        Value = self.env["concierge.indicator.value"]
        indicator = self.env.ref("concierge_volunteers.indicator_volunteer_hours")
        Value._recompute_period(date(2033, 3, 12), indicators=indicator)
        Value._recompute_period(date(2033, 3, 12), indicators=indicator)
        values = Value.search(
            [("indicator_id", "=", indicator.id), ("period", "=", date(2033, 3, 1))]
        )
        self.assertEqual(
            {v.site_id: v.value for v in values}, {self.site: 9.0, self.site_b: 4.0}
        )

    def test_valuation_feeds_funding_mix_per_site(self):
        valuation = self.env["concierge.volunteer.valuation"].create(
            {"date_from": self.march[0], "date_to": self.march[1]}
        )
        valuation.action_post()
        self.assertEqual(valuation.amount_total, 195.0)
        site_lines = valuation.move_id.line_ids.filtered(
            lambda line: line.analytic_distribution
        )
        self.assertEqual(
            set(site_lines.mapped("analytic_distribution")[0]), {str(self.analytic.id)}
        )
        Mix = self.env["concierge.funding.mix"]
        self.assertEqual(Mix._get_mix_totals(*self.march)["volunteer_time"], 195.0)
        self.assertEqual(
            Mix._get_mix_totals(*self.march, sites=self.site)["volunteer_time"], 135.0
        )
