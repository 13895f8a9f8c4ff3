# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models

from .concierge_indicator import AGGREGATIONS


class ConciergeTestPhaseEvaluationLine(models.Model):
    """The figure of one criterion at an evaluation of its test phase."""

    _name = "concierge.test.phase.evaluation.line"
    _description = "Test phase evaluation of a criterion"
    _order = "evaluation_id, id"

    evaluation_id = fields.Many2one(
        "concierge.test.phase.evaluation",
        required=True,
        index=True,
        ondelete="cascade",
    )
    phase_id = fields.Many2one(related="evaluation_id.phase_id", store=True)
    company_id = fields.Many2one(related="evaluation_id.company_id", store=True)
    date = fields.Datetime(related="evaluation_id.date", store=True)
    criterion_id = fields.Many2one("concierge.test.criterion", ondelete="set null")
    indicator_id = fields.Many2one(
        "concierge.indicator", required=True, ondelete="cascade"
    )
    unit = fields.Char(related="indicator_id.unit")
    comparison = fields.Selection(
        [(">=", "≥ at least"), ("<=", "≤ at most")], required=True
    )
    target = fields.Float(digits=(16, 2))
    aggregation = fields.Selection(AGGREGATIONS, string="Over the period")
    value = fields.Float(digits=(16, 2))
    result = fields.Selection(
        [("met", "Met"), ("not_met", "Not met"), ("no_data", "No data")]
    )
