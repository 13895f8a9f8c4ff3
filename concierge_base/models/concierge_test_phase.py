# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .concierge_indicator import AGGREGATIONS
from .concierge_indicator_value import funding_mix_memo
from .concierge_state_guard import marshallable

VERDICTS = [
    ("passed", "Criteria met"),
    ("failed", "Criteria not met"),
    ("incomplete", "Not enough data"),
]

# the state changes of a test phase: {from: {to, ...}}; a closed phase is
# final (its verdict is the one reported to the funders)
PHASE_TRANSITIONS = {
    "draft": {"running"},
    "running": {"done", "draft"},
    "done": set(),
}


class ConciergeTestPhase(models.Model):
    """The subsidised test phase of a conciergerie, judged on criteria."""

    _name = "concierge.test.phase"
    _description = "Test phase"
    _inherit = ["mail.thread", "concierge.state.guard"]
    # write() runs a change of state as a transition (checked against
    # its own table), so the guard lets it through
    _concierge_state_written = True
    _order = "date_start desc, id desc"
    _check_company_auto = True
    # transition table of the buttons (concierge.state.guard); write()
    # checks every state change against PHASE_TRANSITIONS, with a message
    # of its own, and keeps a closed phase's period, sites and criteria
    _concierge_transitions = {
        "action_start": ("draft",),
        "action_done": ("running",),
        "action_draft": ("running",),
    }

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date_start = fields.Date(string="Start date", required=True, tracking=True)
    date_end = fields.Date(string="End date", required=True, tracking=True)
    site_ids = fields.Many2many(
        "concierge.site",
        string="Sites",
        check_company=True,
        help="Sites tested; leave empty for the whole conciergerie.",
    )
    agreement_ids = fields.Many2many(
        "concierge.funding.agreement",
        string="Funding agreements",
        check_company=True,
        help="Agreements that fund the test phase.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("running", "Running"), ("done", "Done")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    criterion_ids = fields.One2many(
        "concierge.test.criterion", "phase_id", string="Criteria", copy=True
    )
    verdict = fields.Selection(
        VERDICTS,
        compute="_compute_verdict",
        store=True,
        help="Criteria met: every criterion is met. Criteria not met: at "
        "least one criterion misses its target. Not enough data: no "
        "criterion misses its target but some have no value yet. Brought up "
        "to date when the criteria change, when indicators are recomputed "
        "and at each evaluation; final once the phase is closed.",
    )
    criteria_met_count = fields.Integer(compute="_compute_verdict", store=True)
    evaluation_ids = fields.One2many(
        "concierge.test.phase.evaluation",
        "phase_id",
        string="Evaluations",
        readonly=True,
    )
    evaluation_count = fields.Integer(compute="_compute_evaluation_count")
    last_evaluation_date = fields.Datetime(
        compute="_compute_evaluation_count", string="Last evaluation"
    )
    conclusion = fields.Html(help="Conclusion of the steering committee.")

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for phase in self:
            if phase.date_end < phase.date_start:
                raise ValidationError(
                    self.env._(
                        "The test phase %(name)s ends before it starts: check "
                        "its dates.",
                        name=phase.name,
                    )
                )

    @api.depends(
        "criterion_ids.result",
        "criterion_ids.indicator_id",
        "criterion_ids.comparison",
        "criterion_ids.target",
        "criterion_ids.aggregation",
        "date_start",
        "date_end",
        "site_ids",
    )
    def _compute_verdict(self):
        for phase in self:
            results = phase.criterion_ids.mapped("result")
            phase.criteria_met_count = results.count("met")
            if not results or "not_met" in results:
                phase.verdict = "failed" if results else "incomplete"
            elif "no_data" in results:
                phase.verdict = "incomplete"
            else:
                phase.verdict = "passed"

    @api.depends("evaluation_ids")
    def _compute_evaluation_count(self):
        groups = self.env["concierge.test.phase.evaluation"]._read_group(
            [("phase_id", "in", self.ids)],
            ["phase_id"],
            ["__count", "date:max"],
        )
        by_phase = {phase.id: (count, last) for phase, count, last in groups}
        for phase in self:
            phase.evaluation_count, phase.last_evaluation_date = by_phase.get(
                phase.id, (0, False)
            )

    # ------------------------------------------------------------------
    # state changes
    # ------------------------------------------------------------------
    def _check_transition(self, new_state):
        """Refuse a state change that the transition table does not allow."""
        label = self._concierge_state_label
        for phase in self:
            if phase.state == new_state:
                raise UserError(
                    self.env._(
                        "The test phase %(name)s is already at the step %(state)s.",
                        name=phase.name,
                        state=label(new_state),
                    )
                )
            if new_state not in PHASE_TRANSITIONS[phase.state]:
                if phase.state == "done":
                    message = self.env._(
                        "The test phase %(name)s is closed: its verdict is "
                        "final and it cannot be started or set back to draft. "
                        "Plan a new test phase instead (duplicate this one).",
                        name=phase.name,
                    )
                else:
                    message = self.env._(
                        "The test phase %(name)s cannot go from %(from)s to "
                        "%(to)s: start it first, then close it.",
                        name=phase.name,
                        **{"from": label(phase.state), "to": label(new_state)},
                    )
                raise UserError(message)

    def write(self, vals):
        if "state" in vals:
            self._check_transition(vals["state"])
        frozen = {"date_start", "date_end", "site_ids", "criterion_ids", "company_id"}
        if frozen & set(vals):
            self._check_not_closed()
        return super().write(vals)

    def _check_not_closed(self):
        if any(phase.state == "done" for phase in self):
            raise UserError(
                self.env._(
                    "A closed test phase keeps its period, sites and criteria: "
                    "they are those of its final verdict."
                )
            )

    def action_start(self):
        if any(not phase.criterion_ids for phase in self):
            raise UserError(
                self.env._("Give the test phase its criteria before starting it.")
            )
        self.write({"state": "running"})
        return True

    def action_done(self):
        """Close the phase: a last evaluation gives its final verdict."""
        self._check_transition("done")
        self._evaluate()
        self.write({"state": "done"})
        return True

    def action_draft(self):
        self.write({"state": "draft"})
        return True

    # ------------------------------------------------------------------
    # evaluation
    # ------------------------------------------------------------------
    def _refresh_verdict(self):
        """Bring the stored verdict up to date with the indicator values
        (they are not a dependency the ORM follows). Closed phases keep
        theirs."""
        phases = self.filtered(lambda phase: phase.state != "done")
        if not phases:
            return phases
        phases.criterion_ids.invalidate_recordset(["value", "result"])
        self.env.add_to_compute(self._fields["verdict"], phases)
        self.env.add_to_compute(self._fields["criteria_met_count"], phases)
        phases.flush_recordset(["verdict", "criteria_met_count"])
        return phases

    def _prepare_evaluation_vals(self):
        self.ensure_one()
        return {
            "phase_id": self.id,
            "date": fields.Datetime.now(),
            "verdict": self.verdict,
            "criteria_met_count": self.criteria_met_count,
            "criterion_count": len(self.criterion_ids),
            "line_ids": [
                fields.Command.create(
                    {
                        "criterion_id": criterion.id,
                        "indicator_id": criterion.indicator_id.id,
                        "comparison": criterion.comparison,
                        "target": criterion.target,
                        "aggregation": criterion.aggregation,
                        "value": criterion.value,
                        "result": criterion.result,
                    }
                )
                for criterion in self.criterion_ids
            ],
        }

    def _evaluate(self):
        """Evaluate the criteria now and keep the evaluation in the history;
        returns the evaluations."""
        closed = self.filtered(lambda phase: phase.state == "done")
        if closed:
            raise UserError(
                self.env._(
                    "The test phase %(name)s is closed: its final evaluation "
                    "is in its history.",
                    name=closed[0].name,
                )
            )
        self._refresh_verdict()
        return self.env["concierge.test.phase.evaluation"].create(
            [phase._prepare_evaluation_vals() for phase in self]
        )

    def action_evaluate(self):
        self._evaluate()
        return True

    def action_view_evaluations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "concierge_base.action_concierge_test_phase_evaluation"
        )
        action["domain"] = [("phase_id", "=", self.id)]
        action["context"] = {"default_phase_id": self.id}
        return action

    @api.model
    def _refresh_for_values(self, values):
        """Verdicts of the phases (not closed) that read these indicator
        values: one search, then their criteria computed again."""
        if not values:
            return self
        phases = self.search(
            [
                ("state", "!=", "done"),
                ("company_id", "in", values.company_id.ids),
                ("criterion_ids.indicator_id", "in", values.indicator_id.ids),
                ("date_start", "<=", max(values.mapped("period"))),
                ("date_end", ">=", min(values.mapped("period"))),
            ]
        )
        return phases._refresh_verdict()

    @api.model
    def _refresh_running(self, companies):
        """Verdicts of the phases (not closed) of these companies, after
        their indicators were recomputed."""
        return self.search(
            [("state", "!=", "done"), ("company_id", "in", companies.ids)]
        )._refresh_verdict()

    @api.model
    def _cron_evaluate_running(self, companies):
        """Monthly evaluation of the running phases, kept in their history."""
        phases = self.search(
            [("state", "=", "running"), ("company_id", "in", companies.ids)]
        )
        return phases._evaluate() if phases else phases.evaluation_ids

    def action_print(self):
        return marshallable(
            self.env.ref(
                "concierge_base.action_report_concierge_test_phase"
            ).report_action(self)
        )


class ConciergeTestCriterion(models.Model):
    """A validation criterion: a target on an indicator over the phase."""

    _name = "concierge.test.criterion"
    _description = "Test phase criterion"
    _order = "phase_id, sequence, id"

    phase_id = fields.Many2one(
        "concierge.test.phase", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="phase_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    indicator_id = fields.Many2one(
        "concierge.indicator", required=True, ondelete="restrict"
    )
    unit = fields.Char(related="indicator_id.unit")
    comparison = fields.Selection(
        [(">=", "≥ at least"), ("<=", "≤ at most")],
        required=True,
        default=">=",
    )
    target = fields.Float(required=True, digits=(16, 2))
    aggregation = fields.Selection(
        AGGREGATIONS,
        string="Over the period",
        compute="_compute_aggregation",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
        help="How the monthly values of the phase are combined before the "
        "comparison; the indicator's own aggregation by default. Distinct: "
        "counted again over the whole phase (for an indicator entered by "
        "hand, the values are added up). Share or average: computed again "
        "over the whole phase (for an indicator entered by hand, the "
        "average of the values).",
    )
    value = fields.Float(compute="_compute_result", digits=(16, 2))
    result = fields.Selection(
        [("met", "Met"), ("not_met", "Not met"), ("no_data", "No data")],
        compute="_compute_result",
    )

    @api.model_create_multi
    def create(self, vals_list):
        phase_ids = [vals["phase_id"] for vals in vals_list if vals.get("phase_id")]
        self.env["concierge.test.phase"].browse(phase_ids)._check_not_closed()
        return super().create(vals_list)

    def write(self, vals):
        self.phase_id._check_not_closed()
        if vals.get("phase_id"):
            self.env["concierge.test.phase"].browse(
                vals["phase_id"]
            )._check_not_closed()
        return super().write(vals)

    def unlink(self):
        self.phase_id._check_not_closed()
        return super().unlink()

    @api.depends("indicator_id")
    def _compute_aggregation(self):
        for criterion in self:
            criterion.aggregation = criterion.indicator_id.aggregation or "sum"

    @api.depends(
        "indicator_id",
        "comparison",
        "target",
        "aggregation",
        "phase_id.date_start",
        "phase_id.date_end",
        "phase_id.site_ids",
    )
    def _compute_result(self):
        # shares recomputed over the phase read its funding mix once
        with funding_mix_memo():
            for criterion in self:
                phase = criterion.phase_id
                figure = None
                if criterion.indicator_id and phase.date_start and phase.date_end:
                    figure = criterion.indicator_id._aggregate(
                        phase.date_start,
                        phase.date_end,
                        phase.site_ids,
                        aggregation=criterion.aggregation,
                        companies=phase.company_id,
                    )
                criterion.value = figure or 0.0
                criterion.result = criterion._evaluate(figure)

    def _evaluate(self, figure):
        self.ensure_one()
        if figure is None:
            return "no_data"
        precision = 2
        rounded = round(figure, precision)
        target = round(self.target, precision)
        if self.comparison == ">=":
            return "met" if rounded >= target else "not_met"
        return "met" if rounded <= target else "not_met"
