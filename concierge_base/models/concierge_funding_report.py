# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..wizards.funding_report_xlsx import FundingReportXlsx
from .concierge_indicator_value import funding_mix_memo
from .concierge_state_guard import transition

# fields that may change on a delivered report
DELIVERY_FIELDS = {"state", "date_sent", "xlsx_file", "xlsx_filename"}


class ConciergeFundingReport(models.Model):
    """The *compte rendu financier* of a subsidy (cerfa 15059): the budget
    planned against the actual expenses and income of the agreement's
    analytic account, by nature, the indicators the agreement names and the
    association's commentary."""

    _name = "concierge.funding.report"
    _description = "Financial report of a funding agreement"
    _inherit = ["mail.thread", "concierge.state.guard", "concierge.xlsx.mixin"]
    _order = "date_to desc, id desc"
    _check_company_auto = True
    # transition table (concierge.state.guard); write() keeps a delivered
    # report as it was delivered
    _concierge_transitions = {
        "action_send": ("draft",),
        "action_draft": ("sent",),
    }

    name = fields.Char(required=True, tracking=True)
    agreement_id = fields.Many2one(
        "concierge.funding.agreement",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    deadline_id = fields.Many2one(
        "concierge.funding.deadline",
        string="Reporting deadline",
        index=True,
        ondelete="set null",
        copy=False,
    )
    company_id = fields.Many2one(
        related="agreement_id.company_id", store=True, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    funder_id = fields.Many2one(
        related="agreement_id.funder_id", store=True, index=True
    )
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Delivered")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    date_sent = fields.Date(string="Delivered on", readonly=True, copy=False)
    computed_at = fields.Datetime(string="Figures of", readonly=True, copy=False)
    line_ids = fields.One2many(
        "concierge.funding.report.line", "report_id", string="Budget", copy=True
    )
    indicator_line_ids = fields.One2many(
        "concierge.funding.report.indicator",
        "report_id",
        string="Indicators",
        copy=True,
    )
    commentary = fields.Text(
        help="The explanatory note of the cerfa: the actions carried out, the "
        "differences between the budget and the actual figures, how shared "
        "expenses were allocated, the contributions in kind.",
    )
    amount_granted = fields.Monetary(
        related="agreement_id.amount", string="Amount granted"
    )
    expense_planned = fields.Monetary(
        string="Planned expenses", compute="_compute_totals", store=True
    )
    expense_actual = fields.Monetary(
        string="Actual expenses", compute="_compute_totals", store=True
    )
    income_planned = fields.Monetary(
        string="Planned income", compute="_compute_totals", store=True
    )
    income_actual = fields.Monetary(
        string="Actual income", compute="_compute_totals", store=True
    )
    in_kind_expense_actual = fields.Monetary(
        string="Contributions in kind used", compute="_compute_totals", store=True
    )
    in_kind_income_actual = fields.Monetary(
        string="Contributions in kind received", compute="_compute_totals", store=True
    )
    balance_planned = fields.Monetary(
        string="Planned balance",
        compute="_compute_totals",
        store=True,
        help="Income less expenses, contributions in kind excluded.",
    )
    balance_actual = fields.Monetary(
        string="Actual balance",
        compute="_compute_totals",
        store=True,
        help="Income less expenses, contributions in kind excluded: a surplus "
        "when positive, a deficit when negative.",
    )
    xlsx_file = fields.Binary(string="XLSX file", readonly=True, attachment=True)
    xlsx_filename = fields.Char(readonly=True)

    @api.depends(
        "line_ids.amount_planned",
        "line_ids.amount_actual",
        "line_ids.kind",
        "line_ids.in_kind",
    )
    def _compute_totals(self):
        for report in self:
            totals = dict.fromkeys(
                (
                    "expense_planned",
                    "expense_actual",
                    "income_planned",
                    "income_actual",
                    "in_kind_expense_actual",
                    "in_kind_income_actual",
                ),
                0.0,
            )
            for line in report.line_ids:
                if line.in_kind:
                    totals[f"in_kind_{line.kind}_actual"] += line.amount_actual
                    continue
                totals[f"{line.kind}_planned"] += line.amount_planned
                totals[f"{line.kind}_actual"] += line.amount_actual
            report.update(totals)
            report.balance_planned = (
                totals["income_planned"] - totals["expense_planned"]
            )
            report.balance_actual = totals["income_actual"] - totals["expense_actual"]

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for report in self:
            if report.date_to < report.date_from:
                raise ValidationError(
                    self.env._(
                        "The financial report %(name)s ends before it starts: "
                        "check its dates.",
                        name=report.name,
                    )
                )

    def write(self, vals):
        if set(vals) - DELIVERY_FIELDS and self.filtered(lambda r: r.state == "sent"):
            raise UserError(
                self.env._(
                    "The financial report is delivered: set it back to draft "
                    "to change it."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent(self):
        if self.filtered(lambda r: r.state == "sent"):
            raise UserError(
                self.env._(
                    "A delivered financial report cannot be deleted: set it "
                    "back to draft first."
                )
            )

    # ------------------------------------------------------------------
    # figures
    # ------------------------------------------------------------------
    def _get_indicator_value(self, indicator):
        """The value of an indicator over the report's period, for the sites
        of the agreement (the whole company when it names none), or None."""
        self.ensure_one()
        sites = self.agreement_id.site_ids
        return indicator.sudo()._aggregate(
            self.date_from,
            self.date_to,
            sites or None,
            companies=self.company_id,
        )

    def _update_figures(self):
        """Actual amounts from the analytic account, indicator values over
        the period: the figures of a draft report, computed again on demand."""
        if self.filtered(lambda r: r.state != "draft"):
            raise UserError(
                self.env._(
                    "The figures of a delivered financial report do not change: "
                    "set it back to draft to compute them again."
                )
            )
        Line = self.env["concierge.funding.report.line"]
        for report in self:
            amounts = report.agreement_id._get_nature_amounts(
                report.date_from, report.date_to
            )
            missing = [
                vals
                for vals in Line._prepare_nature_lines()
                if vals["nature"] not in report.line_ids.mapped("nature")
            ]
            if missing:
                report.line_ids = [fields.Command.create(vals) for vals in missing]
            for line in report.line_ids:
                line.amount_actual = amounts.get(line.nature, 0.0)
            with funding_mix_memo():
                values = [
                    (line, report._get_indicator_value(line.indicator_id))
                    for line in report.indicator_line_ids
                ]
            for indicator_line, value in values:
                indicator_line.write(
                    {"value": value or 0.0, "has_value": value is not None}
                )
            report.computed_at = fields.Datetime.now()
        return True

    def _get_analytic_balance(self):
        """Income less expenses of the analytic account over the period, as
        the analytic reports show it: what the report's balance reads."""
        self.ensure_one()
        return sum(
            self.agreement_id._get_analytic_balances(
                self.date_from, self.date_to
            ).values()
        )

    # ------------------------------------------------------------------
    # buttons
    # ------------------------------------------------------------------
    def _get_form_action(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "concierge_base.action_concierge_funding_report"
        )
        if len(self) == 1:
            action.update(res_id=self.id, view_mode="form", views=[(False, "form")])
        else:
            action["domain"] = [("id", "in", self.ids)]
        return action

    def action_compute(self):
        self._update_figures()
        return True

    @transition
    def action_send(self):
        """The report is delivered to the funder: its figures are frozen and
        the reporting activity of its deadline is done."""
        if self._concierge_wrong_state("action_send"):
            raise UserError(self.env._("This financial report is already delivered."))
        for report in self:
            if not report.computed_at:
                report._update_figures()
        self.write({"state": "sent", "date_sent": fields.Date.context_today(self)})
        for report in self.filtered("deadline_id.activity_id"):
            report.deadline_id.activity_id.sudo().action_feedback(
                feedback=self.env._(
                    "Financial report %(name)s delivered.", name=report.name
                )
            )
        return True

    @transition
    def action_draft(self):
        if self._concierge_wrong_state("action_draft"):
            raise UserError(
                self.env._("Only a delivered report can be set back to draft.")
            )
        self.write({"state": "draft"})
        return True

    def action_export_xlsx(self):
        self.ensure_one()
        return self._concierge_xlsx_download(
            "%s.xlsx" % self._get_filename(),
            lambda workbook: FundingReportXlsx(self.env).build(workbook, self),
        )

    def _get_filename(self):
        self.ensure_one()
        return self.env._(
            "Financial report %(agreement)s %(start)s %(end)s",
            agreement=self.agreement_id.reference or self.agreement_id.name,
            start=self.date_from,
            end=self.date_to,
        ).replace("/", "-")
