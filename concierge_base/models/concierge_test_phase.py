# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .concierge_indicator import AGGREGATIONS


class ConciergeTestPhase(models.Model):
    """The subsidised test phase of a conciergerie, judged on criteria."""

    _name = "concierge.test.phase"
    _description = "Test phase"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

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
    )
    criterion_ids = fields.One2many(
        "concierge.test.criterion", "phase_id", string="Criteria", copy=True
    )
    verdict = fields.Selection(
        [
            ("passed", "Criteria met"),
            ("failed", "Criteria not met"),
            ("incomplete", "Not enough data"),
        ],
        compute="_compute_verdict",
        help="Criteria met: every criterion is met. Criteria not met: at "
        "least one criterion misses its target. Not enough data: no "
        "criterion misses its target but some have no value yet.",
    )
    criteria_met_count = fields.Integer(compute="_compute_verdict")
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

    @api.depends("criterion_ids.result")
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

    def action_start(self):
        if any(not phase.criterion_ids for phase in self):
            raise UserError(
                self.env._("Give the test phase its criteria before starting it.")
            )
        self.write({"state": "running"})
        return True

    def action_done(self):
        self.write({"state": "done"})
        return True

    def action_draft(self):
        self.write({"state": "draft"})
        return True

    def action_print(self):
        return self.env.ref(
            "concierge_base.action_report_concierge_test_phase"
        ).report_action(self)


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
        "hand, the values are added up).",
    )
    value = fields.Float(compute="_compute_result", digits=(16, 2))
    result = fields.Selection(
        [("met", "Met"), ("not_met", "Not met"), ("no_data", "No data")],
        compute="_compute_result",
    )

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
