# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import date_utils

from ..models.concierge_indicator import AGGREGATIONS
from ..models.concierge_indicator_value import funding_mix_memo

PERIOD_KINDS = [
    ("month", "A month"),
    ("quarter", "A quarter"),
    ("year", "A year"),
    ("custom", "Dates of my choice"),
]


class ConciergeIndicatorFigures(models.TransientModel):
    """The figure of every indicator over a month, a quarter, a year or any
    dates, for the whole conciergerie or some sites: each indicator made by
    its own rule (a person served in three months counts once in the
    quarter, a share is the share of the quarter)."""

    _name = "concierge.indicator.figures"
    _description = "Indicator figures over a period"

    period_kind = fields.Selection(
        PERIOD_KINDS, string="Period", required=True, default="quarter"
    )
    period_day = fields.Date(
        string="Day in the period",
        required=True,
        default=lambda self: self._default_period_day(),
        help="Any day of the month, quarter or year wanted.",
    )
    date_from = fields.Date(
        string="From",
        compute="_compute_dates",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    date_to = fields.Date(
        string="To",
        compute="_compute_dates",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    site_ids = fields.Many2many(
        "concierge.site",
        string="Sites",
        help="Leave empty for the whole conciergerie, records without a site included.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    line_ids = fields.One2many(
        "concierge.indicator.figures.line", "figures_id", readonly=True
    )

    @api.model
    def _default_period_day(self):
        """A day of the last month over: the quarter around it by default."""
        today = fields.Date.context_today(self)
        return today.replace(day=1) - relativedelta(days=1)

    @api.depends("period_kind", "period_day")
    def _compute_dates(self):
        for figures in self:
            day = figures.period_day
            if figures.period_kind == "custom" or not day:
                # dates of one's choice: kept, the chosen day until typed
                figures.date_from = figures.date_from or day
                figures.date_to = figures.date_to or day
                continue
            figures.date_from = date_utils.start_of(day, figures.period_kind)
            figures.date_to = date_utils.end_of(day, figures.period_kind)

    def _check_dates(self):
        for figures in self:
            if figures.date_to < figures.date_from:
                raise UserError(
                    self.env._("The period ends before it starts: check the dates.")
                )

    def _prepare_lines(self):
        """[vals] of the lines: one per active indicator that has a figure
        over the period."""
        self.ensure_one()
        indicators = self.env["concierge.indicator"].search([("active", "=", True)])
        vals_list = []
        # the shares of the period read its funding mix once
        with funding_mix_memo():
            for indicator in indicators:
                value = indicator._aggregate(
                    self.date_from,
                    self.date_to,
                    self.site_ids or None,
                    companies=self.company_id,
                )
                if value is not None:
                    vals_list.append(
                        {
                            "figures_id": self.id,
                            "indicator_id": indicator.id,
                            "aggregation": indicator.aggregation,
                            "value": value,
                        }
                    )
        return vals_list

    def action_compute(self):
        """Compute the figures of the period; the wizard, with its lines."""
        self.ensure_one()
        self._check_dates()
        self.line_ids.unlink()
        self.env["concierge.indicator.figures.line"].create(
            self.with_company(self.company_id)._prepare_lines()
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Figures over a period"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }


class ConciergeIndicatorFiguresLine(models.TransientModel):
    _name = "concierge.indicator.figures.line"
    _description = "Indicator figure over a period"
    _order = "id"

    figures_id = fields.Many2one(
        "concierge.indicator.figures", required=True, ondelete="cascade"
    )
    indicator_id = fields.Many2one(
        "concierge.indicator", required=True, ondelete="cascade"
    )
    unit = fields.Char(related="indicator_id.unit")
    description = fields.Text(related="indicator_id.description")
    aggregation = fields.Selection(AGGREGATIONS, string="Made by")
    value = fields.Float(digits=(16, 2))
