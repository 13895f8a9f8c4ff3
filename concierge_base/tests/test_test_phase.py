# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import ConciergeCase, RollbackRaisesMixin


@tagged("post_install", "-at_install")
class TestTestPhase(RollbackRaisesMixin, ConciergeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Indicator = cls.env["concierge.indicator"]
        cls.jobs = cls.env.ref("concierge_base.indicator_jobs_fte")
        cls.requests = Indicator.create(
            {"name": "Demandes (test)", "code": "test_requests", "aggregation": "sum"}
        )
        cls.satisfaction = Indicator.create(
            {
                "name": "Satisfaction (test)",
                "code": "test_satisfaction",
                "aggregation": "avg",
            }
        )
        Value = cls.env["concierge.indicator.value"]
        Value.create(
            [
                {"indicator_id": cls.jobs.id, "period": date(2030, 2, 1), "value": 1.0},
                {"indicator_id": cls.jobs.id, "period": date(2030, 5, 1), "value": 3.0},
                {
                    "indicator_id": cls.requests.id,
                    "period": date(2030, 3, 1),
                    "site_id": cls.site.id,
                    "value": 10.0,
                },
                {
                    "indicator_id": cls.requests.id,
                    "period": date(2030, 4, 1),
                    "site_id": cls.site.id,
                    "value": 20.0,
                },
                # outside the phase
                {
                    "indicator_id": cls.requests.id,
                    "period": date(2030, 9, 1),
                    "site_id": cls.site.id,
                    "value": 500.0,
                },
            ]
        )
        cls.phase = cls.env["concierge.test.phase"].create(
            {
                "name": "Phase de test 2030",
                "date_start": date(2030, 1, 1),
                "date_end": date(2030, 6, 30),
                "criterion_ids": [
                    Command.create(
                        {"indicator_id": cls.jobs.id, "comparison": ">=", "target": 2}
                    ),
                    Command.create(
                        {
                            "indicator_id": cls.requests.id,
                            "comparison": ">=",
                            "target": 50,
                        }
                    ),
                    Command.create(
                        {
                            "indicator_id": cls.satisfaction.id,
                            "comparison": ">=",
                            "target": 4,
                        }
                    ),
                ],
            }
        )
        cls.c_jobs, cls.c_requests, cls.c_satisfaction = cls.phase.criterion_ids

    def test_criteria_and_verdict(self):
        self.assertEqual(self.c_jobs.aggregation, "last")  # the indicator's
        self.assertEqual((self.c_jobs.value, self.c_jobs.result), (3.0, "met"))
        self.assertEqual(
            (self.c_requests.value, self.c_requests.result), (30.0, "not_met")
        )
        self.assertEqual(self.c_satisfaction.result, "no_data")
        self.assertEqual(self.phase.verdict, "failed")
        self.assertEqual(self.phase.criteria_met_count, 1)
        self.c_requests.target = 30  # reached exactly
        self.assertEqual(self.c_requests.result, "met")
        self.assertEqual(self.phase.verdict, "incomplete")
        self.env["concierge.indicator.value"].create(
            [
                {
                    "indicator_id": self.satisfaction.id,
                    "period": date(2030, month, 1),
                    "value": score,
                }
                for month, score in ((3, 4.0), (4, 4.5))
            ]
        )
        self.env.invalidate_all()
        self.assertEqual(self.c_satisfaction.value, 4.25)
        self.assertEqual(self.phase.verdict, "passed")
        # at most, and another aggregation than the indicator's
        self.c_jobs.write({"comparison": "<=", "target": 3.5, "aggregation": "sum"})
        self.assertEqual((self.c_jobs.value, self.c_jobs.result), (4.0, "not_met"))
        self.assertEqual(self.phase.verdict, "failed")

    def test_criteria_on_sites(self):
        self.phase.site_ids = self.site
        self.assertEqual(self.c_requests.value, 30.0)
        # jobs are kept for the whole conciergerie: the phase falls back on them
        self.assertEqual(self.c_jobs.value, 3.0)
        site2 = self.env["concierge.site"].create({"name": "Autre site"})
        self.env["concierge.indicator.value"].create(
            {
                "indicator_id": self.requests.id,
                "period": date(2030, 3, 1),
                "site_id": site2.id,
                "value": 7.0,
            }
        )
        self.phase.site_ids = site2
        self.assertEqual(self.c_requests.value, 7.0)
        self.phase.site_ids = False
        self.assertEqual(self.c_requests.value, 37.0)

    def test_bad_input(self):
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self.phase.date_end = date(2029, 12, 31)
        empty = self.env["concierge.test.phase"].create(
            {
                "name": "Vide",
                "date_start": date(2030, 1, 1),
                "date_end": date(2030, 2, 1),
            }
        )
        self.assertEqual(empty.verdict, "incomplete")
        with self.assertRaisesRegex(UserError, "criteria before starting"):
            empty.action_start()
        self.phase.action_start()
        self.assertEqual(self.phase.state, "running")

    def test_pdf_summary(self):
        report = self.env.ref("concierge_base.action_report_concierge_test_phase")
        content, _kind = report._render_qweb_pdf(report.report_name, self.phase.ids)
        html = content.decode()
        self.assertIn("Phase de test 2030", html)
        self.assertIn("Criteria not met", html)
        self.assertIn("Demandes (test)", html)
        self.assertIn("No data", html)
        action = self.phase.action_print()
        # the report itself, or first the layout configurator, then the report
        action = action.get("context", {}).get("report_action", action)
        self.assertEqual(action["report_name"], report.report_name)

    def test_security(self):
        other = self.env["concierge.test.phase"].create(
            {
                "name": "Ailleurs",
                "date_start": date(2030, 1, 1),
                "date_end": date(2030, 2, 1),
                "company_id": self.other_company.id,
            }
        )
        phases = self.env["concierge.test.phase"].with_user(self.concierge).search([])
        self.assertIn(self.phase, phases)
        self.assertNotIn(other, phases)
        self.assertEqual(self.phase.with_user(self.concierge).verdict, "failed")
        with self.assertRaises(AccessError):
            self.phase.with_user(self.concierge).write({"name": "Modifié"})
        with self.assertRaises(AccessError):
            self.c_jobs.with_user(self.concierge).write({"target": 1})
        self.phase.with_user(self.manager).write({"name": "Phase validée"})
        self.assertEqual(self.phase.name, "Phase validée")
