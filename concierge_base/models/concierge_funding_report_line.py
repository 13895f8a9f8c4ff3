# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# the rows of the compte rendu financier (cerfa 15059): expenses and income
# by nature, the first two digits of the account of the French chart
EXPENSE_NATURES = [
    ("60", "60 - Purchases"),
    ("61", "61 - External services"),
    ("62", "62 - Other external services"),
    ("63", "63 - Taxes"),
    ("64", "64 - Staff costs"),
    ("65", "65 - Other operating expenses"),
    ("66", "66 - Financial expenses"),
    ("67", "67 - Exceptional expenses"),
    ("68", "68 - Depreciation, provisions and dedicated funds carried forward"),
    ("86", "86 - Use of voluntary contributions in kind"),
]
INCOME_NATURES = [
    ("70", "70 - Sales of goods and services"),
    ("74", "74 - Operating subsidies"),
    ("75", "75 - Other operating income"),
    ("76", "76 - Financial income"),
    ("77", "77 - Exceptional income"),
    ("78", "78 - Reversals of depreciation and provisions, use of dedicated funds"),
    ("87", "87 - Voluntary contributions in kind"),
]
NATURES = EXPENSE_NATURES + INCOME_NATURES
NATURE_CODES = {code for code, _label in NATURES}
EXPENSE_CODES = {code for code, _label in EXPENSE_NATURES}
OPERATING_EXPENSE_CODES = EXPENSE_CODES - {"86"}
IN_KIND_CODES = {"86", "87"}


class ConciergeFundingReportLine(models.Model):
    """A row of the financial report: planned and actual for one nature of
    expense or income."""

    _name = "concierge.funding.report.line"
    _description = "Financial report line"
    _order = "report_id, sequence, id"

    report_id = fields.Many2one(
        "concierge.funding.report", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    nature = fields.Selection(NATURES, required=True)
    kind = fields.Selection(
        [("expense", "Expense"), ("income", "Income")],
        compute="_compute_kind",
        store=True,
    )
    in_kind = fields.Boolean(
        string="Contribution in kind", compute="_compute_kind", store=True
    )
    currency_id = fields.Many2one(related="report_id.currency_id")
    amount_planned = fields.Monetary(string="Planned")
    amount_actual = fields.Monetary(
        string="Actual",
        readonly=True,
        help="From the journal items of the analytic account of the agreement.",
    )
    amount_difference = fields.Monetary(
        string="Difference", compute="_compute_difference"
    )
    difference_rate = fields.Float(
        string="Achieved (%)", compute="_compute_difference", digits=(16, 1)
    )

    _sql_constraints = [
        (
            "nature_uniq",
            "unique(report_id, nature)",
            "A financial report has one row per nature of expense or income.",
        ),
    ]

    @api.depends("nature")
    def _compute_kind(self):
        for line in self:
            line.kind = "expense" if line.nature in EXPENSE_CODES else "income"
            line.in_kind = line.nature in IN_KIND_CODES

    @api.depends("amount_planned", "amount_actual")
    def _compute_difference(self):
        for line in self:
            line.amount_difference = line.amount_actual - line.amount_planned
            line.difference_rate = (
                100.0 * line.amount_actual / line.amount_planned
                if line.amount_planned
                else 0.0
            )

    @api.constrains("amount_planned")
    def _check_amount_planned(self):
        for line in self:
            if line.currency_id.compare_amounts(line.amount_planned, 0.0) < 0:
                raise ValidationError(
                    self.env._(
                        "The planned amount of a row of the financial report "
                        "%(report)s cannot be negative: type expenses and income "
                        "as positive amounts.",
                        report=line.report_id.name,
                    )
                )

    @api.model
    def _prepare_nature_lines(self, planned=None):
        """One row per nature, in the order of the cerfa."""
        planned = planned or {}
        return [
            {"sequence": index, "nature": code, "amount_planned": planned.get(code, 0)}
            for index, (code, _label) in enumerate(NATURES, start=1)
        ]

    def _check_report_draft(self):
        if self.report_id.filtered(lambda r: r.state != "draft"):
            raise UserError(
                self.env._(
                    "The financial report is delivered: set it back to draft "
                    "to change its figures."
                )
            )

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
