# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from collections import defaultdict
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, float_is_zero

from ..utils import analytic_plan
from .concierge_funding_report_line import (
    EXPENSE_CODES,
    NATURE_CODES,
    OPERATING_EXPENSE_CODES,
)
from .concierge_state_guard import transition


class ConciergeFundingAgreement(models.Model):
    """A funding agreement (*convention*) with a public or private funder."""

    _name = "concierge.funding.agreement"
    _description = "Funding agreement"
    _inherit = ["mail.thread", "mail.activity.mixin", "concierge.state.guard"]
    _order = "date_start desc, id desc"
    _check_company_auto = True
    # transition table: {button: states it may start from} (concierge.state.guard)
    _concierge_transitions = {
        "action_sign": ("draft",),
        "action_close": ("signed",),
        "action_cancel": ("draft", "signed"),
        "action_draft": ("cancelled",),
        "action_post_accruals": ("signed",),
    }
    # what the form makes read-only, refused by write() (concierge.state.guard)
    _concierge_locked_fields = (
        (("signed", "closed", "cancelled"), ("funder_id", "amount", "currency_id")),
        (("closed", "cancelled"), ("name", "installment_ids", "budget_line_ids")),
    )

    name = fields.Char(string="Title", required=True, tracking=True)
    reference = fields.Char(
        tracking=True, help="Number of the agreement given by the funder."
    )
    funder_id = fields.Many2one(
        "res.partner",
        tracking=True,
        index=True,
        domain="[('concierge_funder_type', '!=', False)]",
        check_company=True,
    )
    funder_type = fields.Selection(related="funder_id.concierge_funder_type")
    funder_kind = fields.Selection(
        related="funder_id.concierge_funder_kind", store=True, string="Funding kind"
    )
    purpose = fields.Text(
        help="What the funding pays for, as written in the agreement."
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.company.currency_id,
    )
    amount = fields.Monetary(string="Amount granted", tracking=True, aggregator="sum")
    date_start = fields.Date(string="Start date", tracking=True)
    date_end = fields.Date(string="End date", tracking=True)
    phase = fields.Selection(
        [
            ("emergence", "Emergence"),
            ("test", "Test phase"),
            ("launch", "Launch"),
            ("operation", "Operation"),
        ],
        string="Project phase",
        required=True,
        default="operation",
        tracking=True,
    )
    site_ids = fields.Many2many("concierge.site", string="Sites", check_company=True)
    analytic_account_id = fields.Many2one(
        "account.analytic.account",
        string="Analytic account",
        check_company=True,
        copy=False,
        help="Created when the agreement is signed if none is chosen.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("signed", "Signed"),
            ("closed", "Closed"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    date_signed = fields.Date(
        string="Signature date",
        copy=False,
        tracking=True,
        help="Date of the grant entries booked at signature; today when empty.",
    )
    indicator_ids = fields.Many2many(
        "concierge.indicator",
        string="Indicators reported",
        help="The indicators the agreement asks for: the financial report "
        "gives their values over its period, for the sites of the agreement.",
    )
    budget_line_ids = fields.One2many(
        "concierge.funding.budget.line",
        "agreement_id",
        string="Planned budget",
        copy=True,
    )
    report_ids = fields.One2many(
        "concierge.funding.report", "agreement_id", string="Financial reports"
    )
    report_count = fields.Integer(compute="_compute_report_count")
    dedicated_fund_ids = fields.One2many(
        "concierge.funding.dedicated.fund",
        "agreement_id",
        string="Dedicated funds",
    )
    installment_ids = fields.One2many(
        "concierge.funding.installment",
        "agreement_id",
        string="Installments",
        copy=True,
    )
    deadline_ids = fields.One2many(
        "concierge.funding.deadline",
        "agreement_id",
        string="Reporting deadlines",
        copy=True,
    )
    amount_expected = fields.Monetary(
        compute="_compute_amounts", store=True, aggregator="sum"
    )
    amount_received = fields.Monetary(
        compute="_compute_amounts", store=True, aggregator="sum"
    )
    amount_to_receive = fields.Monetary(
        compute="_compute_amounts", store=True, aggregator="sum"
    )
    received_rate = fields.Float(
        string="Received (%)", compute="_compute_amounts", store=True, aggregator="avg"
    )

    @api.depends(
        "amount",
        "installment_ids.amount_expected",
        "installment_ids.amount_received",
    )
    def _compute_amounts(self):
        for agreement in self:
            expected = sum(agreement.installment_ids.mapped("amount_expected"))
            received = sum(agreement.installment_ids.mapped("amount_received"))
            agreement.amount_expected = expected
            agreement.amount_received = received
            agreement.amount_to_receive = (agreement.amount or expected) - received
            base = agreement.amount or expected
            agreement.received_rate = 100.0 * received / base if base else 0.0

    def _compute_report_count(self):
        groups = self.env["concierge.funding.report"]._read_group(
            [("agreement_id", "in", self.ids)], ["agreement_id"], ["__count"]
        )
        counts = {agreement.id: count for agreement, count in groups}
        for agreement in self:
            agreement.report_count = counts.get(agreement.id, 0)

    # ------------------------------------------------------------------
    # constraints
    # ------------------------------------------------------------------
    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for agreement in self:
            if (
                agreement.date_start
                and agreement.date_end
                and agreement.date_end < agreement.date_start
            ):
                raise ValidationError(
                    self.env._(
                        "The agreement %(name)s ends before it starts: check its "
                        "start and end dates.",
                        name=agreement.name,
                    )
                )

    @api.constrains("amount", "installment_ids")
    def _check_amounts(self):
        for agreement in self:
            rounding = agreement.currency_id.rounding
            if float_compare(agreement.amount, 0.0, precision_rounding=rounding) < 0:
                raise ValidationError(
                    self.env._(
                        "The amount granted by the agreement %(name)s cannot be "
                        "negative.",
                        name=agreement.name,
                    )
                )
            expected = sum(agreement.installment_ids.mapped("amount_expected"))
            if (
                float_compare(expected, agreement.amount, precision_rounding=rounding)
                > 0
            ):
                raise ValidationError(
                    self.env._(
                        "The installments of the agreement %(name)s add up to "
                        "%(expected)s, more than the %(amount)s granted.",
                        name=agreement.name,
                        expected=agreement.currency_id.format(expected),
                        amount=agreement.currency_id.format(agreement.amount),
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed(self):
        for agreement in self:
            if agreement.state in ("signed", "closed"):
                raise UserError(
                    self.env._(
                        "The agreement %(name)s is signed: it cannot be deleted. "
                        "Cancel it instead.",
                        name=agreement.name,
                    )
                )

    # ------------------------------------------------------------------
    # workflow
    # ------------------------------------------------------------------
    def _check_can_sign(self):
        for agreement in self:
            if agreement._concierge_wrong_state("action_sign"):
                raise UserError(
                    self.env._(
                        "Only a draft agreement can be signed: %(name)s is not "
                        "a draft.",
                        name=agreement.name,
                    )
                )
            if not agreement.funder_id:
                raise UserError(
                    self.env._(
                        "Choose the funder of the agreement %(name)s before "
                        "confirming it.",
                        name=agreement.name,
                    )
                )
            if float_is_zero(
                agreement.amount, precision_rounding=agreement.currency_id.rounding
            ):
                raise UserError(
                    self.env._(
                        "Enter the amount granted by the agreement %(name)s "
                        "before confirming it.",
                        name=agreement.name,
                    )
                )

    @api.model
    def _get_analytic_plan(self):
        """The analytic plan of the agreements, created the first time."""
        return analytic_plan(
            self.env,
            "concierge_base.analytic_plan_id",
            self.env._("Funding agreements"),
        )

    def _prepare_analytic_account_vals(self):
        self.ensure_one()
        return {
            "name": f"{self.name} ({self.reference})" if self.reference else self.name,
            "code": self.reference,
            "plan_id": self._get_analytic_plan().id,
            "partner_id": self.funder_id.id,
            "company_id": self.company_id.id,
        }

    def _create_analytic_accounts(self):
        todo = self.filtered(lambda a: not a.analytic_account_id)
        # signing is the manager's; the account is created on their behalf
        accounts = (
            self.env["account.analytic.account"]
            .sudo()
            .create([agreement._prepare_analytic_account_vals() for agreement in todo])
        )
        for agreement, account in zip(todo, accounts, strict=True):
            agreement.analytic_account_id = account

    def _check_plan_editable(self, what):
        """Refuse to change ``what`` (the installments, the planned budget)
        of a closed or cancelled agreement, written on its own model: the
        form shows them read-only in those states."""
        locked = self.filtered(lambda a: a.state in ("closed", "cancelled"))
        if not locked or self._concierge_unlocked():
            return True
        raise UserError(
            self.env._(
                "%(what)s of %(name)s (Funding agreement) cannot be changed: it "
                "is %(state)s.",
                what=what,
                name=locked[0].display_name,
                state=locked[0]._concierge_state_label(),
            )
        )

    @transition
    def action_sign(self):
        self._check_can_sign()
        today = fields.Date.context_today(self)
        for agreement in self:
            agreement.write(
                {"state": "signed", "date_signed": agreement.date_signed or today}
            )
        self._create_analytic_accounts()
        self.deadline_ids._schedule_activities()
        self.filtered(
            "company_id.concierge_grant_accrual"
        ).installment_ids._post_accruals()
        return True

    @transition
    def action_close(self):
        if self._concierge_wrong_state("action_close"):
            raise UserError(self.env._("Only a signed agreement can be closed."))
        self.write({"state": "closed"})
        return True

    @transition
    def action_cancel(self):
        self._check_action("action_cancel", self.env._("Cancelling"))
        for agreement in self:
            if not float_is_zero(
                agreement.amount_received,
                precision_rounding=agreement.currency_id.rounding,
            ):
                raise UserError(
                    self.env._(
                        "Money was already received on the agreement %(name)s: "
                        "unlink its payments from the installments before "
                        "cancelling it.",
                        name=agreement.name,
                    )
                )
        self.deadline_ids._cancel_activities()
        self.installment_ids._reverse_accruals()
        self.write({"state": "cancelled"})
        return True

    @transition
    def action_draft(self):
        if self._concierge_wrong_state("action_draft"):
            raise UserError(
                self.env._("Only a cancelled agreement can be set back to draft.")
            )
        self.write({"state": "draft"})
        return True

    def action_match_payments(self):
        """Link the funder's posted receivables and receipts to the
        installments waiting for exactly that amount."""
        self.installment_ids._match_move_lines()
        self.installment_ids._collect_claims()
        return True

    def action_post_accruals(self):
        """Book the receivables of the installments that have none yet (an
        agreement signed before grants were booked at signature)."""
        if self._concierge_wrong_state("action_post_accruals"):
            raise UserError(
                self.env._("Grant receivables are booked on signed agreements only.")
            )
        self.installment_ids._post_accruals()
        return True

    # ------------------------------------------------------------------
    # figures of the analytic account
    # ------------------------------------------------------------------
    def _get_analytic_balances(self, date_from, date_to):
        """{general account: amount} of the analytic lines of the agreement
        between two dates (income positive, expenses negative)."""
        self.ensure_one()
        account = self.analytic_account_id
        if not account:
            return {}
        column = account.plan_id._column_name()
        groups = (
            self.env["account.analytic.line"]
            .sudo()
            ._read_group(
                [
                    (column, "=", account.id),
                    ("date", ">=", date_from),
                    ("date", "<=", date_to),
                    ("general_account_id", "!=", False),
                ],
                ["general_account_id"],
                ["amount:sum"],
            )
        )
        return dict(groups)

    def _get_nature_amounts(self, date_from, date_to):
        """{nature: actual amount} of the agreement between two dates, by
        nature of expense and income of the French chart (the first two
        digits of the account code): expenses and income both positive."""
        self.ensure_one()
        totals = defaultdict(float)
        balances = self._get_analytic_balances(date_from, date_to)
        for general, amount in balances.items():
            nature = (general.with_company(self.company_id).code or "")[:2]
            if nature not in NATURE_CODES:
                continue
            totals[nature] += -amount if nature in EXPENSE_CODES else amount
        return dict(totals)

    def _get_unspent_amount(self, date_from, date_to):
        """The part of the subsidy not spent between two dates: the
        operating subsidies (74) and the dedicated funds released (789) of
        the analytic account, less its expenses (60 to 68, but the dedicated
        funds carried forward). Zero when everything was spent."""
        self.ensure_one()
        company = self.company_id
        fund_expense = company._concierge_grant_account("fund_expense")
        fund_income = company._concierge_grant_account("fund_income")
        resources = expenses = 0.0
        for general, amount in self._get_analytic_balances(date_from, date_to).items():
            code = general.with_company(company).code or ""
            if general == fund_income or code.startswith("74"):
                resources += amount
            elif general != fund_expense and code[:2] in OPERATING_EXPENSE_CODES:
                expenses -= amount
        unspent = company.currency_id.round(resources - expenses)
        return max(0.0, min(unspent, resources))

    # ------------------------------------------------------------------
    # dedicated funds (fonds dédiés) at year end
    # ------------------------------------------------------------------
    def _post_dedicated_funds(self, day):
        """At the end of the fiscal year holding ``day``, carry the unspent
        part of each subsidy to dedicated funds (689 / 19x, on the last day
        of the year) and release it the next year (19x / 789, on its first
        day). Posted once per agreement, fiscal year and kind: returns the
        dedicated funds created, none the second time."""
        Fund = self.env["concierge.funding.dedicated.fund"]
        agreements = self.filtered(
            lambda a: a.state in ("signed", "closed") and a.analytic_account_id
        )
        if not agreements:
            return Fund
        agreements._lock_for_dedicated_funds()
        vals_list = []
        for agreement in agreements:
            company = agreement.company_id
            dates = company.compute_fiscalyear_dates(fields.Date.to_date(day))
            year_end = dates["date_to"]
            next_end = company.compute_fiscalyear_dates(year_end + timedelta(days=1))[
                "date_to"
            ]
            done = agreement.dedicated_fund_ids.filtered(
                lambda f, y=year_end.year: (
                    f.state == "posted"
                    and f.kind == "allocation"
                    and f.fiscal_year == y
                )
            )
            if done:
                continue
            amount = agreement._get_unspent_amount(dates["date_from"], year_end)
            if float_is_zero(amount, precision_rounding=company.currency_id.rounding):
                continue
            vals_list.append(
                {
                    "agreement_id": agreement.id,
                    "amount": amount,
                    "kind": "allocation",
                    "fiscal_year": year_end.year,
                    "date": year_end,
                    "release_ids": [
                        Command.create(
                            {
                                "agreement_id": agreement.id,
                                "amount": amount,
                                "kind": "release",
                                "fiscal_year": next_end.year,
                                "date": year_end + timedelta(days=1),
                            }
                        )
                    ],
                }
            )
        allocations = Fund.create(vals_list)
        funds = allocations | allocations.release_ids
        # the entries are booked on the manager's behalf
        funds.sudo()._post()
        return funds

    def _lock_for_dedicated_funds(self):
        self.env.cr.execute(
            "SELECT id FROM concierge_funding_agreement WHERE id IN %s FOR UPDATE",
            [tuple(self.ids)],
        )
        self.invalidate_recordset(["dedicated_fund_ids"])

    def action_open_dedicated_fund_wizard(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "concierge_base.action_concierge_dedicated_fund_wizard"
        )
        action["context"] = {"default_agreement_ids": self.ids}
        return action

    # ------------------------------------------------------------------
    # financial reports
    # ------------------------------------------------------------------
    def _prepare_report_vals(self, date_from, date_to, deadline=None):
        self.ensure_one()
        planned = defaultdict(float)
        for line in self.budget_line_ids:
            planned[line.nature] += line.amount
        Line = self.env["concierge.funding.report.line"]
        return {
            "agreement_id": self.id,
            "deadline_id": deadline.id if deadline else False,
            "name": deadline.name
            if deadline
            else self.env._("Financial report %(agreement)s", agreement=self.name),
            "date_from": date_from,
            "date_to": date_to,
            "line_ids": [
                Command.create(vals) for vals in Line._prepare_nature_lines(planned)
            ],
            "indicator_line_ids": [
                Command.create({"indicator_id": indicator.id})
                for indicator in self.indicator_ids
            ],
        }

    def _create_reports(self, deadlines=None):
        """A draft financial report per agreement (per deadline when given)
        over the agreement's period, its figures computed."""
        vals_list = []
        for agreement in self:
            if not agreement.date_start:
                raise UserError(
                    agreement.env._(
                        "Enter the start date of the agreement %(name)s: the "
                        "financial report covers the period of the agreement.",
                        name=agreement.name,
                    )
                )
            date_to = agreement.date_end or fields.Date.context_today(agreement)
            for deadline in (
                deadlines.filtered(lambda d, a=agreement: d.agreement_id == a)
                if deadlines is not None
                else [None]
            ):
                end = date_to
                if deadline and deadline.date_deadline < date_to:
                    end = max(deadline.date_deadline, agreement.date_start)
                vals_list.append(
                    agreement._prepare_report_vals(agreement.date_start, end, deadline)
                )
        reports = self.env["concierge.funding.report"].create(vals_list)
        reports._update_figures()
        return reports

    def action_new_report(self):
        self.ensure_one()
        if self.state not in ("signed", "closed"):
            raise UserError(
                self.env._("A financial report is made for a signed agreement.")
            )
        return self._create_reports()._get_form_action()

    def action_view_reports(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "concierge_base.action_concierge_funding_report"
        )
        action["domain"] = [("agreement_id", "=", self.id)]
        action["context"] = {"default_agreement_id": self.id}
        return action
