# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import ConciergeCase


@tagged("post_install", "-at_install")
class TestTestPhase(ConciergeCase):
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

    def test_verdict_stored_filterable_groupable(self):
        Phase = self.env["concierge.test.phase"]
        self.assertEqual(self.phase.verdict, "failed")
        self.assertIn(self.phase, Phase.search([("verdict", "=", "failed")]))
        self.assertNotIn(self.phase, Phase.search([("verdict", "=", "passed")]))
        self.c_requests.target = 30
        self.c_satisfaction.unlink()
        # stored on the phase: found by a search on the new verdict
        self.assertIn(self.phase, Phase.search([("verdict", "=", "passed")]))
        groups = dict(
            Phase._read_group([("id", "=", self.phase.id)], ["verdict"], ["__count"])
        )
        self.assertEqual(groups, {"passed": 1})
        # values entered afterwards bring the stored verdict up to date
        self.env["concierge.indicator.value"].search(
            [("indicator_id", "=", self.jobs.id), ("period", "=", date(2030, 5, 1))]
        ).value = 1.5
        self.assertIn(self.phase, Phase.search([("verdict", "=", "failed")]))

    def test_evaluation_history(self):
        self.phase.action_start()
        self.assertEqual(self.phase.evaluation_count, 0)
        self.assertIs(self.phase.action_evaluate(), True)
        first = self.phase.evaluation_ids
        self.assertEqual(len(first), 1)
        self.assertEqual(first.verdict, "failed")
        self.assertEqual((first.criteria_met_count, first.criterion_count), (1, 3))
        lines = {line.indicator_id: line for line in first.line_ids}
        self.assertEqual(
            (
                lines[self.requests].value,
                lines[self.requests].target,
                lines[self.requests].comparison,
                lines[self.requests].result,
            ),
            (30.0, 50.0, ">=", "not_met"),
        )
        self.assertEqual(lines[self.jobs].result, "met")
        self.assertEqual(lines[self.satisfaction].result, "no_data")
        # the targets change: a new evaluation, the former one stays as it was
        self.c_requests.target = 25
        self.c_satisfaction.target = 0
        self.env["concierge.indicator.value"].create(
            {
                "indicator_id": self.satisfaction.id,
                "period": date(2030, 3, 1),
                "value": 3,
            }
        )
        self.phase.action_evaluate()
        self.assertEqual(self.phase.evaluation_count, 2)
        last = self.phase.evaluation_ids - first
        self.assertEqual(last.verdict, "passed")
        self.assertEqual(last.criteria_met_count, 3)
        self.assertEqual(first.verdict, "failed")
        self.assertEqual(
            first.line_ids.filtered(
                lambda line: line.indicator_id == self.requests
            ).target,
            50.0,
        )
        self.assertEqual(self.phase.last_evaluation_date, last.date)
        action = self.phase.action_view_evaluations()
        self.assertEqual(
            self.env[action["res_model"]].search(action["domain"]), first | last
        )
        # closing evaluates once more: the final verdict
        self.assertIs(self.phase.action_done(), True)
        self.assertEqual(self.phase.evaluation_count, 3)
        self.assertEqual(self.phase.state, "done")
        with self.assertRaisesRegex(UserError, "closed"):
            self.phase.action_evaluate()
        # the history is read-only for everyone, readable by concierges
        evaluations = self.phase.evaluation_ids.with_user(self.concierge)
        self.assertEqual(len(evaluations.read(["verdict"])), 3)
        with self.assertRaises(AccessError):
            evaluations.with_user(self.manager).write({"verdict": "failed"})
        with self.assertRaises(AccessError):
            evaluations.with_user(self.manager).unlink()

    def test_state_changes_guarded(self):
        phase = self.phase
        # draft -> done: not started
        with self.assertRaisesRegex(UserError, "start it first"):
            phase.action_done()
        with self.assertRaisesRegex(UserError, "start it first"):
            phase.write({"state": "done"})
        # draft -> draft
        with self.assertRaisesRegex(UserError, "already at the step Draft"):
            phase.action_draft()
        self.assertIs(phase.action_start(), True)
        # running -> running
        with self.assertRaisesRegex(UserError, "already at the step Running"):
            phase.action_start()
        # running -> draft is allowed (started by mistake), and back
        self.assertIs(phase.action_draft(), True)
        self.assertEqual(phase.state, "draft")
        phase.action_start()
        phase.action_done()
        self.assertEqual(phase.state, "done")
        # done -> draft, done -> running, done -> done
        with self.assertRaisesRegex(UserError, "closed: its verdict is final"):
            phase.action_draft()
        with self.assertRaisesRegex(UserError, "closed: its verdict is final"):
            phase.action_start()
        with self.assertRaisesRegex(UserError, "closed: its verdict is final"):
            phase.write({"state": "running"})
        with self.assertRaisesRegex(UserError, "already at the step Done"):
            phase.action_done()
        self.assertEqual(phase.state, "done")
        # a closed phase keeps its criteria, period and sites
        with self.assertRaisesRegex(UserError, "keeps its period"):
            self.c_jobs.target = 1
        with self.assertRaisesRegex(UserError, "keeps its period"):
            self.c_jobs.unlink()
        with self.assertRaisesRegex(UserError, "keeps its period"):
            self.env["concierge.test.criterion"].create(
                {"phase_id": phase.id, "indicator_id": self.jobs.id, "target": 1}
            )
        with self.assertRaisesRegex(UserError, "keeps its period"):
            phase.date_end = date(2030, 12, 31)
        with self.assertRaisesRegex(UserError, "keeps its period"):
            phase.site_ids = self.site
        # its verdict no longer follows the values
        verdict = phase.verdict
        self.env["concierge.indicator.value"].create(
            {
                "indicator_id": self.requests.id,
                "period": date(2030, 6, 1),
                "site_id": self.site.id,
                "value": 100,
            }
        )
        self.assertEqual(phase.verdict, verdict)
        # the conclusion can still be written
        phase.conclusion = "<p>Phase concluante.</p>"
        # a new phase is planned from it
        new = phase.copy({"name": "Phase de test prolongée"})
        self.assertEqual(new.state, "draft")
        self.assertEqual(len(new.criterion_ids), 3)
        self.assertFalse(new.evaluation_ids)

    def test_distinct_criterion_counted_over_the_phase(self):
        """A criterion on a distinct indicator counts again over the whole
        phase: not the sum of its months."""
        Value = self.env["concierge.indicator.value"]

        def persons(value_model, date_from, date_to, sites):
            # the same two persons every month
            if value_model.env.company != self.company or date_from.year != 2030:
                return {}
            return {"total": 2}

        type(Value)._indicator_test_persons = persons
        try:
            indicator = self.env["concierge.indicator"].create(
                {
                    "name": "Personnes (test)",
                    "code": "test_persons",
                    "computation": "computed",
                    "aggregation": "distinct",
                }
            )
            criterion = self.env["concierge.test.criterion"].create(
                {"phase_id": self.phase.id, "indicator_id": indicator.id, "target": 3}
            )
            self.assertEqual(criterion.aggregation, "distinct")
            Value._recompute_periods(
                [date(2030, month, 1) for month in range(1, 7)], indicators=indicator
            )
            self.assertEqual((criterion.value, criterion.result), (2.0, "not_met"))
            criterion.aggregation = "sum"
            self.assertEqual((criterion.value, criterion.result), (12.0, "met"))
        finally:
            del type(Value)._indicator_test_persons
