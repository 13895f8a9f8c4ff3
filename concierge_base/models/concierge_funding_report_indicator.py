# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models

from .concierge_funding_report_line import ConciergeFundingReportLine


class ConciergeFundingReportIndicator(models.Model):
    """An indicator named by the agreement, its value over the report's
    period for the agreement's sites."""

    _name = "concierge.funding.report.indicator"
    _description = "Indicator of a financial report"
    _order = "report_id, sequence, id"

    report_id = fields.Many2one(
        "concierge.funding.report", required=True, index=True, ondelete="cascade"
    )
    indicator_id = fields.Many2one(
        "concierge.indicator", required=True, ondelete="cascade"
    )
    sequence = fields.Integer(related="indicator_id.sequence", store=True)
    unit = fields.Char(related="indicator_id.unit")
    value = fields.Float(digits=(16, 2), readonly=True)
    has_value = fields.Boolean(string="Known", readonly=True)
    note = fields.Char(help="e.g. what the figure counts, or why it differs.")

    _check_report_draft = ConciergeFundingReportLine._check_report_draft

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_report_draft()
        return lines

    def write(self, vals):
        self._check_report_draft()
        return super().write(vals)

    def unlink(self):
        self._check_report_draft()
        return super().unlink()
