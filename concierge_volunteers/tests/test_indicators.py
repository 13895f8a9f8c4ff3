# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date

from odoo import Command
from odoo.tests import tagged

from .common import VolunteerCase

# queries to recompute a month of the 14 indicators of base, services and
# volunteers, whatever the number of records (48 measured with the five
# addons installed, since each addon maps its own funding-mix sources; the
# test also checks that 3 and 20 records cost exactly the same)
QUERIES = 54


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
        # requests of a vulnerable person and of another inhabitant
        category = cls.env["concierge.service.category"].create(
            {"name": "Livraisons (test)", "code": "TLIV"}
        )
        cls.groceries = groceries = cls.env["product.product"].create(
            {
                "name": "Livraison de courses (test)",
                "type": "service",
                "list_price": 5,
                "concierge_category_id": category.id,
            }
        )
        Partner = cls.env["res.partner"]
        cls.fragile = Partner.create(
            {
                "name": "Germaine Test",
                "concierge_beneficiary_type": "inhabitant",
                "concierge_site_id": cls.site.id,
                "concierge_vulnerable": True,
                "concierge_consent_date": "2033-01-01",
            }
        )
        sturdy = Partner.create(
            {
                "name": "Marcel Test",
                "concierge_beneficiary_type": "inhabitant",
                "concierge_site_id": cls.site.id,
            }
        )
        requests = cls.env["concierge.service.request"].create(
            [
                {
                    "partner_id": partner.id,
                    "line_ids": [Command.create({"product_id": groceries.id})],
                }
                for partner in (cls.fragile, sturdy)
            ]
        )
        requests.action_confirm()
        # March 2033 on the first site: 3 h desk x 2 volunteers, one absent,
        # two deliveries (2 h for the vulnerable person, 1 h for the other);
        # on the second site: 4 h desk (Alice)
        desk = cls._shift(start=cls._at(2033, 3, 7), hours=3, capacity=3)
        cls._attend(desk, cls.alice)
        cls._attend(desk, cls.bruno)
        cls._attend(desk, cls.chloe, "absent")
        for day, hours, request in ((8, 2, requests[0]), (15, 1, requests[1])):
            delivery = cls._shift(
                mission=cls.mission_delivery,
                start=cls._at(2033, 3, day),
                hours=hours,
                capacity=1,
                service_request_id=request.id,
            )
            cls._attend(delivery, cls.bruno)
        cls.unattended = cls._shift(
            mission=cls.mission_delivery,
            start=cls._at(2033, 3, 22),
            capacity=1,
            service_request_id=requests[0].id,
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
        method = getattr(Value, "_indicator_%s" % code)
        return method(*self.march, sites or self.env["concierge.site"])

    def test_volunteer_hours_and_active_volunteers(self):
        self.assertEqual(
            self._compute("volunteer_hours"),
            {self.site.id: 9.0, self.site_b.id: 4.0},
        )
        # Alice helped at both sites: once for the whole conciergerie
        self.assertEqual(
            self._compute("active_volunteers"),
            {self.site.id: 2, self.site_b.id: 1, "total": 2},
        )
        self.assertEqual(
            self._compute("volunteer_hours", self.site_b), {self.site_b.id: 4.0}
        )

    def test_valued_time_and_deliveries(self):
        self.assertEqual(
            self._compute("volunteer_time_value"),
            {self.site.id: 135.0, self.site_b.id: 60.0},
        )
        # only the attended delivery serving the vulnerable person's request
        self.assertEqual(
            self._compute("vulnerable_deliveries"), {self.site.id: 1, "total": 1}
        )

    def test_valued_time_at_the_posted_rate(self):
        valuation = self.env["concierge.volunteer.valuation"].create(
            {"date_from": self.march[0], "date_to": self.march[1]}
        )
        valuation.action_post()
        self.assertEqual(valuation.rate, 15.0)
        # the rate changes after posting: the posted time keeps its rate
        self.company.concierge_volunteer_hourly_rate = 20.0
        self.assertEqual(
            self._compute("volunteer_time_value"),
            {self.site.id: 135.0, self.site_b.id: 60.0},
        )
        # hours attended since, not valued yet, at today's rate
        late = self._shift(start=self._at(2033, 3, 29), hours=2)
        self._attend(late, self.chloe)
        self.assertEqual(
            self._compute("volunteer_time_value"),
            {self.site.id: 135.0 + 40.0, self.site_b.id: 60.0},
        )

    def test_active_volunteers_distinct_over_quarter_and_year(self):
        Value = self.env["concierge.indicator.value"]
        indicator = self.env.ref("concierge_volunteers.indicator_active_volunteers")
        hours = self.env.ref("concierge_volunteers.indicator_volunteer_hours")
        self.assertEqual(indicator.aggregation, "distinct")
        # May: Alice again, and Chloé for the first time
        may = self._shift(start=self._at(2033, 5, 2), hours=2, capacity=3)
        self._attend(may, self.alice)
        self._attend(may, self.chloe)
        Value._recompute_periods(
            [date(2033, month, 1) for month in range(1, 13)],
            indicators=indicator | hours,
        )
        company = Value.search(
            [
                ("indicator_id", "=", indicator.id),
                ("scope", "=", "company"),
                ("period", ">=", date(2033, 1, 1)),
                ("period", "<=", date(2033, 12, 1)),
            ]
        )
        # March: Alice and Bruno; April: Alice; May: Alice and Chloé
        self.assertEqual(
            {v.period.month: v.value for v in company}, {3: 2.0, 4: 1.0, 5: 2.0}
        )
        self.assertEqual(indicator._aggregate(date(2033, 3, 1), date(2033, 3, 31)), 2)
        self.assertEqual(indicator._aggregate(date(2033, 1, 1), date(2033, 3, 31)), 2)
        self.assertEqual(indicator._aggregate(date(2033, 4, 1), date(2033, 6, 30)), 2)
        self.assertEqual(indicator._aggregate(date(2033, 1, 1), date(2033, 12, 31)), 3)
        self.assertEqual(
            indicator._aggregate(date(2033, 1, 1), date(2033, 12, 31), self.site_b), 1
        )
        # hours are added up: 13 in March, 5 in April, 4 in May
        self.assertEqual(hours._aggregate(date(2033, 1, 1), date(2033, 3, 31)), 13)
        self.assertEqual(hours._aggregate(date(2033, 1, 1), date(2033, 12, 31)), 22)

    def test_recompute_month_stores_values_once(self):
        Value = self.env["concierge.indicator.value"]
        indicator = self.env.ref("concierge_volunteers.indicator_volunteer_hours")
        Value._recompute_period(date(2033, 3, 12), indicators=indicator)
        Value._recompute_period(date(2033, 3, 12), indicators=indicator)
        values = Value.search(
            [("indicator_id", "=", indicator.id), ("period", "=", date(2033, 3, 1))]
        )
        self.assertEqual(
            {(v.scope, v.site_id): v.value for v in values},
            {
                ("site", self.site): 9.0,
                ("site", self.site_b): 4.0,
                ("company", self.site.browse()): 13.0,
            },
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
        Mix = self.env["concierge.funding.mix.compute"]
        self.assertEqual(Mix._get_mix_totals(*self.march)["volunteer_time"], 195.0)
        self.assertEqual(
            Mix._get_mix_totals(*self.march, sites=self.site)["volunteer_time"], 135.0
        )

    def _close_requests(self, partners, site_ids):
        requests = self.env["concierge.service.request"].create(
            [
                {
                    "partner_id": partner.id,
                    "site_id": site_id,
                    "line_ids": [Command.create({"product_id": self.groceries.id})],
                }
                for partner, site_id in zip(partners, site_ids, strict=True)
            ]
        )
        requests.action_confirm()
        requests.action_ready()
        requests.line_ids.action_deliver()
        requests.action_done()
        requests.write({"done_date": self._at(2034, 3, 20)})
        return requests

    def _add_records(self, count):
        """``count`` beneficiaries, closed requests and attended shifts, at
        the two sites and without a site, in March 2034."""
        places = [self.site.id, self.site_b.id, False]
        site_ids = [places[i % 3] for i in range(count)]
        partners = self.env["res.partner"].create(
            [
                {
                    "name": "Bénéficiaire %s" % i,
                    "concierge_beneficiary_type": "inhabitant",
                    "concierge_site_id": site_id,
                    "concierge_vulnerable": not i % 2,
                    "concierge_consent_date": "2034-01-01" if not i % 2 else False,
                }
                for i, site_id in enumerate(site_ids)
            ]
        )
        requests = self._close_requests(partners, site_ids)
        volunteers = self.env["res.partner"].create(
            [
                {"name": "Bénévole %s" % i, "concierge_is_volunteer": True}
                for i in range(count)
            ]
        )
        for i, (volunteer, site_id) in enumerate(
            zip(volunteers, site_ids, strict=True)
        ):
            shift = self._shift(
                mission=self.mission_delivery,
                start=self._at(2034, 3, 1 + i % 28, 8 + i % 10),
                hours=1,
                capacity=1,
                service_request_id=requests[i].id,
            )
            # a shift always has a site
            shift.site_id = site_id or self.site_b.id
            self._attend(shift, volunteer)

    def _recompute_queries(self, indicators, expected=QUERIES):
        Value = self.env["concierge.indicator.value"]
        Value.search(
            [("indicator_id", "in", indicators.ids), ("period", "=", date(2034, 3, 1))]
        ).unlink()
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        with self.assertQueryCount(expected):
            values = Value._recompute_period(date(2034, 3, 1), indicators)
            self.env.flush_all()
        return self.env.cr.sql_log_count - before, values

    def test_recompute_queries_do_not_grow_with_records(self):
        """Recomputing a month of every indicator of base, services and
        volunteers costs the same queries for 3 records as for 20."""
        indicators = self.env["concierge.indicator"].search(
            [
                ("computation", "=", "computed"),
                (
                    "module",
                    "in",
                    ("concierge_base", "concierge_services", "concierge_volunteers"),
                ),
            ]
        )
        self.assertGreaterEqual(len(indicators), 14)
        self._add_records(3)  # one at each site, one without a site
        self._recompute_queries(indicators, expected=100)  # warm the caches
        small, values = self._recompute_queries(indicators)
        served = values.filtered(
            lambda v: v.code == "beneficiaries_served" and v.scope == "company"
        )
        self.assertEqual(served.value, 3)
        self._add_records(17)
        large, values = self._recompute_queries(indicators)
        served = values.filtered(
            lambda v: v.code == "beneficiaries_served" and v.scope == "company"
        )
        self.assertEqual(served.value, 20)
        deliveries = values.filtered(
            lambda v: v.code == "vulnerable_deliveries" and v.scope == "company"
        )
        # the vulnerable half of them: 2 of the first 3, 9 of the next 17
        self.assertEqual(deliveries.value, 11)
        self.assertEqual(large, small)
