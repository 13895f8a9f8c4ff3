# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date
from unittest.mock import patch

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import ConciergeCase, RollbackRaisesMixin

# beneficiaries count by creation date: work on the current month
PERIOD = date.today().replace(day=1)
NEXT_MONTH = PERIOD + relativedelta(months=1, days=2)
# manual values: a month without demo values
MANUAL = date(2024, 10, 1)


@tagged("post_install", "-at_install")
class TestIndicator(RollbackRaisesMixin, ConciergeCase):
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
            "_compute_indicator_test_counter",
            lambda self, date_from, date_to, sites: dict(results),
            create=True,
        )

    def test_recompute_twice_leaves_one_value_per_site(self):
        self.Value._recompute_period(PERIOD, self.beneficiaries)
        self.Value._recompute_period(
            PERIOD + relativedelta(days=16), self.beneficiaries
        )
        values = self._values(self.beneficiaries)
        # one value per site (the demo sites count too)
        self.assertEqual(len(values), len(set(values.mapped("site_id"))))
        self.assertLessEqual({self.site, self.site2}, set(values.mapped("site_id")))
        count = len(values)
        by_site = {v.site_id: v.value for v in values}
        self.assertGreaterEqual(by_site[self.site], 2)
        self.assertGreaterEqual(by_site[self.site2], 1)
        self.assertEqual(set(values.mapped("source")), {"computed"})
        before = by_site[self.site]
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

    def test_recompute_site_less_values_and_stale_ones(self):
        with self._patched({False: 5, self.site.id: 2}):
            indicator = self.env["concierge.indicator"].create(
                {"name": "Compteur", "code": "test_counter", "computation": "computed"}
            )
            self.Value._recompute_period(PERIOD, indicator)
            self.Value._recompute_period(PERIOD, indicator)
        values = self._values(indicator)
        self.assertEqual(len(values), 2)
        self.assertEqual(
            {(v.site_id.id, v.value) for v in values},
            {(False, 5.0), (self.site.id, 2.0)},
        )
        with self._patched({False: 7}):
            self.Value._recompute_period(PERIOD, indicator)
        values = self._values(indicator)
        self.assertEqual(len(values), 1)
        self.assertEqual(
            (values.site_id, values.value), (self.env["concierge.site"], 7)
        )

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
            lambda v: v.company_id == self.company
        )
        self.assertEqual(len(values), len(set(values.mapped("site_id"))))
        self.assertIn(self.site2, values.site_id)
        other_values = self._values(self.beneficiaries).filtered(
            lambda v: v.company_id == self.other_company
        )
        self.assertEqual(other_values.site_id, self.other_site)
        self.assertEqual(other_values.value, 1)
        other_values = self.Value.search(
            [
                ("indicator_id", "=", self.beneficiaries.id),
                ("period", "=", PERIOD),
                ("company_id", "=", self.other_company.id),
            ]
        )
        self.assertEqual(other_values.site_id, self.other_site)
        self.assertEqual(other_values.value, 1)

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
