# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models

from .concierge_test_phase import VERDICTS


class ConciergeTestPhaseEvaluation(models.Model):
    """One evaluation of a test phase: its verdict and the figure of each
    criterion on that day, kept as they were."""

    _name = "concierge.test.phase.evaluation"
    _description = "Test phase evaluation"
    _order = "date desc, id desc"
    _check_company_auto = True

    phase_id = fields.Many2one(
        "concierge.test.phase",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    company_id = fields.Many2one(related="phase_id.company_id", store=True)
    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now)
    user_id = fields.Many2one(
        "res.users",
        string="Evaluated by",
        readonly=True,
        default=lambda self: self.env.user,
    )
    verdict = fields.Selection(VERDICTS, readonly=True)
    criteria_met_count = fields.Integer(string="Criteria met", readonly=True)
    criterion_count = fields.Integer(string="Criteria", readonly=True)
    line_ids = fields.One2many(
        "concierge.test.phase.evaluation.line",
        "evaluation_id",
        string="Criteria evaluated",
        readonly=True,
    )

    @api.depends("phase_id", "date")
    def _compute_display_name(self):
        for evaluation in self:
            when = ""
            if evaluation.date:
                when = fields.Datetime.context_timestamp(
                    evaluation, evaluation.date
                ).strftime("%d/%m/%Y %H:%M")
            evaluation.display_name = "%s - %s" % (evaluation.phase_id.name or "", when)
