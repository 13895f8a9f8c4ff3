# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date
from unittest.mock import patch

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import ConciergeCase

# beneficiaries count by creation date: work on the current month
PERIOD = date.today().replace(day=1)
NEXT_MONTH = PERIOD + relativedelta(months=1, days=2)
# manual values: a month without demo values
MANUAL = date(2024, 10, 1)


@tagged("post_install", "-at_install")
class TestIndicator(ConciergeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Value = cls.env["concierge.indicator.value"]
        cls.beneficiaries = cls.env.ref("concierge_base.indicator_beneficiaries")
        cls.jobs = cls.env.ref("concierge_base.indicator_jobs_fte")
        cls.site2 = cls.env["concierge.site"].create(
            {"name": "Bureau du parc", "code": "PRC", "site_type": "company_desk"}
        )
        cls.env["res.partner"].create(
            [
                {
                    "name": "Habitant %s" % i,
                    "concierge_beneficiary_type": "inhabitant",
                    "concierge_site_id": cls.site.id,
                }
                for i in range(2)
            ]
            + [
                {
                    "name": "Salariée",
                    "concierge_beneficiary_type": "employee",
                    "concierge_site_id": cls.site2.id,
                }
            ]
        )

    def _values(self, indicator, period=PERIOD):
        return self.Value.search(
            [("indicator_id", "=", indicator.id), ("period", "=", period)]
        )

    def _patched(self, results):
        """Give the values' model a test indicator method returning results."""
        return patch.object(
            type(self.Value),
            "_indicator_test_counter",
            lambda self, date_from, date_to, sites: dict(results),
            create=True,
        )

    def test_recompute_twice_leaves_one_value_per_site(self):
        self.Value._recompute_period(PERIOD, self.beneficiaries)
        self.Value._recompute_period(
            PERIOD + relativedelta(days=16), self.beneficiaries
        )
        values = self._values(self.beneficiaries)
        site_values = values.filtered(lambda v: v.scope == "site")
        # one value per site (the demo sites count too), one for the company
        self.assertEqual(len(site_values), len(values.site_id))
        self.assertLessEqual({self.site, self.site2}, set(values.mapped("site_id")))
        company_value = values.filtered(lambda v: v.scope == "company")
        self.assertEqual(len(company_value), 1)
        # the company counts everyone, those without a home site too
        self.assertEqual(company_value.value, sum(values.mapped("value")) / 2)
        count = len(values)
        by_site = {v.site_id: v.value for v in site_values}
        self.assertGreaterEqual(by_site[self.site], 2)
        self.assertGreaterEqual(by_site[self.site2], 1)
        self.assertEqual(set(values.mapped("source")), {"computed"})
        before = by_site[self.site]
        company_before = company_value.value
        self.env["res.partner"].create(
            {
                "name": "Nouvel habitant",
                "concierge_beneficiary_type": "inhabitant",
                "concierge_site_id": self.site.id,
            }
        )
        self.Value._recompute_period(PERIOD, self.beneficiaries)
        values = self._values(self.beneficiaries)
        self.assertEqual(len(values), count)
        self.assertEqual(
            values.filtered(lambda v: v.site_id == self.site).value, before + 1
        )
        self.assertEqual(company_value.value, company_before + 1)

    def test_records_without_site_count(self):
        """A beneficiary without a home site counts for the company, under
        "no site" in the breakdown, and not for any site."""
        self.Value._recompute_period(PERIOD, self.beneficiaries)
        values = self._values(self.beneficiaries)
        no_site = values.filtered(lambda v: v.scope == "no_site").value
        company = values.filtered(lambda v: v.scope == "company").value
        self.env["res.partner"].create(
            [
                {
                    "name": "Nouveau venu %s" % i,
                    "concierge_beneficiary_type": "inhabitant",
                }
                for i in range(3)
            ]
        )
        self.Value._recompute_period(PERIOD, self.beneficiaries)
        values = self._values(self.beneficiaries)
        no_site_value = values.filtered(lambda v: v.scope == "no_site")
        self.assertEqual(no_site_value.value, no_site + 3)
        self.assertFalse(no_site_value.site_id)
        self.assertIn("No site", no_site_value.display_name)
        self.assertEqual(
            values.filtered(lambda v: v.scope == "company").value, company + 3
        )
        self.assertEqual(self.beneficiaries._aggregate(PERIOD, PERIOD), company + 3)
        # the sites do not get them
        self.assertEqual(
            self.beneficiaries._aggregate(PERIOD, PERIOD, self.site | self.site2),
            sum(
                values.filtered(lambda v: v.site_id in (self.site | self.site2)).mapped(
                    "value"
                )
            ),
        )

    def test_recompute_site_less_values_and_stale_ones(self):
        with self._patched({False: 5, self.site.id: 2}):
            indicator = self.env["concierge.indicator"].create(
                {"name": "Compteur", "code": "test_counter", "computation": "computed"}
            )
            self.Value._recompute_period(PERIOD, indicator)
            self.Value._recompute_period(PERIOD, indicator)
        values = self._values(indicator)
        # the site, the records without a site, and the whole company
        self.assertEqual(
            {(v.scope, v.site_id.id, v.value) for v in values},
            {
                ("site", self.site.id, 2.0),
                ("no_site", False, 5.0),
                ("company", False, 7.0),
            },
        )
        with self._patched({False: 7}):
            self.Value._recompute_period(PERIOD, indicator)
        values = self._values(indicator)
        self.assertEqual(
            {(v.scope, v.site_id.id, v.value) for v in values},
            {("no_site", False, 7.0), ("company", False, 7.0)},
        )
        # a total given by the method (a distinct count) is kept as such
        with self._patched({False: 1, self.site.id: 2, "total": 2}):
            self.Value._recompute_period(PERIOD, indicator)
        values = self._values(indicator)
        self.assertEqual(values.filtered(lambda v: v.scope == "company").value, 2.0)
        self.assertEqual(len(values), 3)

    def test_manual_values(self):
        value = self.Value.create(
            {
                "indicator_id": self.jobs.id,
                "period": MANUAL + relativedelta(days=19),
                "value": 2.5,
            }
        )
        self.assertEqual(value.period, MANUAL)
        self.assertEqual(value.source, "manual")
        self.assertEqual(value.company_id, self.company)
        with self.assertRaisesRegex(ValidationError, "already has a value"):
            self.Value.create(
                {"indicator_id": self.jobs.id, "period": MANUAL, "value": 3}
            )
        # another site, or no site in another company, is another value
        self.Value.create(
            {"indicator_id": self.jobs.id, "period": MANUAL, "site_id": self.site.id}
        )
        self.Value.create(
            {
                "indicator_id": self.jobs.id,
                "period": MANUAL,
                "company_id": self.other_company.id,
            }
        )
        value.value = 3.0
        # a recomputation leaves manual values alone
        self.Value._recompute_period(MANUAL)
        self.assertEqual(value.value, 3.0)
        self.assertEqual(len(self._values(self.jobs, MANUAL)), 3)

    def test_computed_values_not_typed_by_hand(self):
        with self.assertRaisesRegex(ValidationError, "cannot be entered by hand"):
            self.Value.create({"indicator_id": self.beneficiaries.id, "value": 4})
        self.Value._recompute_period(PERIOD, self.beneficiaries)
        with self.assertRaisesRegex(UserError, "cannot be edited"):
            self._values(self.beneficiaries)[0].value = 99
        self._values(self.beneficiaries)[0].note = "Vérifié"  # comments are allowed

    def test_indicator_code_and_method_checked(self):
        Indicator = self.env["concierge.indicator"]
        with self.assertRaisesRegex(ValidationError, "lowercase letters"):
            Indicator.create({"name": "Mauvais", "code": "Bad Code"})
        with self.assertRaisesRegex(ValidationError, "no module provides"):
            Indicator.create(
                {"name": "Sans calcul", "code": "no_method", "computation": "computed"}
            )

    def test_aggregation(self):
        Indicator = self.env["concierge.indicator"]
        values = self.Value.create(
            [
                {"indicator_id": self.jobs.id, "period": date(2024, 9, 1), "value": 2},
                {
                    "indicator_id": self.jobs.id,
                    "period": date(2024, 10, 1),
                    "site_id": self.site.id,
                    "value": 3,
                },
                {
                    "indicator_id": self.jobs.id,
                    "period": date(2024, 10, 1),
                    "site_id": self.site2.id,
                    "value": 4,
                },
            ]
        )
        self.assertEqual(Indicator._aggregate_values(values, "sum"), 9)
        self.assertEqual(Indicator._aggregate_values(values, "avg"), 3)
        self.assertEqual(Indicator._aggregate_values(values, "last"), 7)
        self.assertIsNone(Indicator._aggregate_values(self.Value, "sum"))
        # per site values win over company-wide ones; a site without value
        # falls back to the company-wide values
        self.assertEqual(self.jobs._aggregate(date(2024, 9, 1), date(2024, 10, 31)), 7)
        self.assertEqual(
            self.jobs._aggregate(
                date(2024, 9, 1), date(2024, 10, 31), self.site, aggregation="sum"
            ),
            3,
        )
        self.assertIsNone(self.jobs._aggregate(date(2025, 1, 1), date(2025, 12, 31)))
        # a company-wide value does not disappear because sites have values
        self.Value.create(
            {"indicator_id": self.jobs.id, "period": date(2024, 10, 1), "value": 10}
        )
        self.assertEqual(self.jobs._aggregate(date(2024, 9, 1), date(2024, 10, 31)), 10)
        self.assertEqual(
            self.jobs._aggregate(
                date(2024, 9, 1), date(2024, 10, 31), aggregation="sum"
            ),
            12,
        )
        self.assertEqual(
            self.jobs._aggregate(date(2024, 10, 1), date(2024, 10, 31), self.site2),
            4,
        )

    def test_aggregation_rules_at_month_quarter_and_year(self):
        """Each rule on a computed indicator: the month stored, the quarter
        and the year made from the months, or counted again (distinct)."""
        # (day, site, person): Ann every month of the first quarter at the
        # shop, Bob in January at both sites, Cleo in November without site
        visits = [
            (date(2031, 1, 5), self.site, "ann"),
            (date(2031, 1, 9), self.site, "bob"),
            (date(2031, 1, 20), self.site2, "bob"),
            (date(2031, 2, 3), self.site, "ann"),
            (date(2031, 3, 3), self.site, "ann"),
            (date(2031, 11, 3), False, "cleo"),
        ]

        def people(value_model, date_from, date_to, sites):
            if value_model.env.company != self.company:
                return {}
            inside = [
                (site, person)
                for day, site, person in visits
                if date_from <= day <= date_to
                and (not sites or (site and site in sites))
            ]
            result = {}
            for site in {site for site, _person in inside}:
                result[site.id if site else False] = len(
                    {person for s, person in inside if s == site}
                )
            if inside:
                result["total"] = len({person for _site, person in inside})
            return result

        indicators = {}
        for rule in ("sum", "avg", "distinct", "ratio", "last"):
            setattr(type(self.Value), "_indicator_test_people_%s" % rule, people)
        try:
            for rule in ("sum", "avg", "distinct", "ratio", "last"):
                indicators[rule] = self.env["concierge.indicator"].create(
                    {
                        "name": "Personnes (%s)" % rule,
                        "code": "test_people_%s" % rule,
                        "computation": "computed",
                        "aggregation": rule,
                    }
                )
            all_indicators = self.env["concierge.indicator"].browse(
                [i.id for i in indicators.values()]
            )
            self.Value._recompute_periods(
                [date(2031, month, 1) for month in range(1, 13)],
                indicators=all_indicators,
            )
            january = (date(2031, 1, 1), date(2031, 1, 31))
            quarter = (date(2031, 1, 1), date(2031, 3, 31))
            year = (date(2031, 1, 1), date(2031, 12, 31))
            expected = {
                # month: Ann and Bob; Bob counts once for the company
                "sum": {january: 2, quarter: 4, year: 5},
                "avg": {january: 2, quarter: 4 / 3, year: 5 / 4},
                "distinct": {january: 2, quarter: 2, year: 3},
                # computed again over the period, as a share or an average
                "ratio": {january: 2, quarter: 2, year: 3},
                "last": {january: 2, quarter: 1, year: 1},
            }
            for rule, figures in expected.items():
                for (date_from, date_to), figure in figures.items():
                    self.assertAlmostEqual(
                        indicators[rule]._aggregate(date_from, date_to),
                        figure,
                        places=4,
                        msg="%s %s-%s" % (rule, date_from, date_to),
                    )
            # per site: Bob at the shop and at the park desk
            distinct = indicators["distinct"]
            self.assertEqual(distinct._aggregate(*quarter, self.site), 2)
            self.assertEqual(distinct._aggregate(*quarter, self.site2), 1)
            self.assertEqual(distinct._aggregate(*quarter, self.site | self.site2), 2)
            self.assertEqual(
                indicators["sum"]._aggregate(*quarter, self.site | self.site2), 5
            )
            # the month stored: one value per site, no site and company
            values = self._values(distinct, date(2031, 1, 1))
            self.assertEqual(
                {(v.scope, v.site_id, v.value) for v in values},
                {
                    ("site", self.site, 2.0),
                    ("site", self.site2, 1.0),
                    ("company", self.site2.browse(), 2.0),
                },
            )
            november = self._values(distinct, date(2031, 11, 1))
            self.assertEqual(
                {(v.scope, v.value) for v in november},
                {("no_site", 1.0), ("company", 1.0)},
            )
        finally:
            for rule in ("sum", "avg", "distinct", "ratio", "last"):
                delattr(type(self.Value), "_indicator_test_people_%s" % rule)

    def test_value_scope_and_distinct_rules_checked(self):
        with self.assertRaisesRegex(ValidationError, "entered by hand"):
            self.jobs.aggregation = "distinct"
        with self.assertRaisesRegex(ValidationError, "entered by hand"):
            self.jobs.aggregation = "ratio"
        with self.assertRaisesRegex(ValidationError, "for a site only"):
            self.Value.create(
                {
                    "indicator_id": self.jobs.id,
                    "period": MANUAL,
                    "scope": "site",
                    "value": 1,
                }
            )
        self.Value.create(
            {
                "indicator_id": self.jobs.id,
                "period": MANUAL,
                "scope": "no_site",
                "value": 1,
            }
        )
        with self.assertRaisesRegex(ValidationError, r"already has a value .*No site"):
            self.Value.create(
                {
                    "indicator_id": self.jobs.id,
                    "period": MANUAL,
                    "scope": "no_site",
                    "value": 2,
                }
            )
        # the whole conciergerie is another value of the same month
        company = self.Value.create(
            {"indicator_id": self.jobs.id, "period": MANUAL, "value": 3}
        )
        self.assertEqual(company.scope, "company")

    def test_cron_computes_previous_month_for_every_company(self):
        self.env["res.partner"].create(
            {
                "name": "Habitant ailleurs",
                "concierge_beneficiary_type": "inhabitant",
                "concierge_site_id": self.other_site.id,
            }
        )
        with freeze_time(NEXT_MONTH):
            self.Value._cron_recompute_indicators()
            self.Value._cron_recompute_indicators()
        values = self._values(self.beneficiaries).filtered(
            lambda v: v.company_id == self.company and v.scope == "site"
        )
        self.assertEqual(len(values), len(values.site_id))
        self.assertIn(self.site2, values.site_id)
        other_values = self._values(self.beneficiaries).filtered(
            lambda v: v.company_id == self.other_company and v.scope == "site"
        )
        self.assertEqual(other_values.site_id, self.other_site)
        self.assertEqual(other_values.value, 1)
        other_values = self.Value.search(
            [
                ("indicator_id", "=", self.beneficiaries.id),
                ("period", "=", PERIOD),
                ("company_id", "=", self.other_company.id),
                ("scope", "=", "site"),
            ]
        )
        self.assertEqual(other_values.site_id, self.other_site)
        self.assertEqual(other_values.value, 1)

    def test_cron_daily_this_month_and_previous_closed_once(self):
        """Every day the month so far; the previous month once, with one
        evaluation of the running test phases."""
        Phase = self.env["concierge.test.phase"]
        ICP = self.env["ir.config_parameter"].sudo()
        ICP.set_param("concierge_base.indicators_closed_month", False)
        evaluated = []
        original = type(Phase)._cron_evaluate_running

        def count(phases, companies=None):
            evaluated.append(companies)
            return original(phases, companies)

        with patch.object(type(Phase), "_cron_evaluate_running", count):
            for day in ("2031-07-02 03:00:00", "2031-07-03 03:00:00"):
                with freeze_time(day):
                    self.assertIs(self.Value._cron_recompute_indicators(), True)
        self.assertEqual(len(evaluated), 1, "June is closed once")
        self.assertEqual(
            ICP.get_param("concierge_base.indicators_closed_month"), "2031-06-01"
        )
        periods = set(
            self.Value.search(
                [
                    ("indicator_id", "=", self.beneficiaries.id),
                    ("company_id", "=", self.company.id),
                    ("period", ">=", "2031-06-01"),
                ]
            ).mapped("period")
        )
        self.assertEqual(
            {str(period) for period in periods}, {"2031-06-01", "2031-07-01"}
        )

    def test_recompute_wizard(self):
        with freeze_time(NEXT_MONTH):
            wizard_form = Form(
                self.env["concierge.indicator.recompute"].with_user(self.manager)
            )
        self.assertEqual(wizard_form.period, PERIOD)
        wizard = wizard_form.save()
        action = wizard.action_recompute()
        self.assertEqual(action["res_model"], "concierge.indicator.value")
        count = len(self._values(self.beneficiaries))
        self.assertGreaterEqual(count, 2)
        wizard.action_recompute()
        self.assertEqual(len(self._values(self.beneficiaries)), count)
        # a manager cannot edit a computed value either
        with self.assertRaisesRegex(UserError, "cannot be edited"):
            self._values(self.beneficiaries).with_user(self.manager).write({"value": 1})

    def test_access_rights(self):
        self.Value._recompute_period(PERIOD, self.beneficiaries)
        other = self.Value.create(
            {
                "indicator_id": self.jobs.id,
                "period": PERIOD,
                "company_id": self.other_company.id,
                "value": 1,
            }
        )
        values_as_user = self.Value.with_user(self.concierge)
        self.assertEqual(
            values_as_user.search(
                [
                    ("period", "=", PERIOD),
                    ("indicator_id", "=", self.beneficiaries.id),
                ]
            ),
            self._values(self.beneficiaries).filtered(
                lambda v: v.company_id == self.company
            ),
        )
        self.assertNotIn(other, values_as_user.search([]))
        self.assertTrue(self.beneficiaries.with_user(self.concierge).name)
        with self.assertRaises(AccessError):
            values_as_user.create({"indicator_id": self.jobs.id, "value": 1})
        with self.assertRaises(AccessError):
            self.beneficiaries.with_user(self.concierge).name = "Autre"
        manual = self.Value.with_user(self.manager).create(
            {"indicator_id": self.jobs.id, "period": PERIOD, "value": 4}
        )
        manual.value = 4.5
        self.assertEqual(manual.value, 4.5)

    def test_recompute_queries_do_not_grow_with_sites(self):
        """One query per indicator, not one per site."""

        def queries_for(nb_sites):
            sites = self.env["concierge.site"].create(
                [{"name": "Site %s" % i} for i in range(nb_sites)]
            )
            self.env["res.partner"].create(
                [
                    {
                        "name": "Habitant %s" % site.name,
                        "concierge_beneficiary_type": "inhabitant",
                        "concierge_site_id": site.id,
                    }
                    for site in sites
                ]
            )
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            values = self.Value._recompute_period(PERIOD, self.beneficiaries)
            self.env.flush_all()
            self.assertLessEqual(set(sites), set(values.site_id))
            return self.env.cr.sql_log_count - before

        first = queries_for(3)  # creates the values
        self.Value.search([("indicator_id", "=", self.beneficiaries.id)]).unlink()
        self.assertLessEqual(queries_for(12), first)
