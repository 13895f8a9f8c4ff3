# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, float_is_zero


class ConciergeFundingAgreement(models.Model):
    """A funding agreement (*convention*) with a public or private funder."""

    _name = "concierge.funding.agreement"
    _description = "Funding agreement"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

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
            if agreement.state != "draft":
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
        """The analytic plan of the agreements, created the first time.

        It is the user's data, not the module's: the analytic accounts that
        use it stay when the module is uninstalled."""
        ICP = self.env["ir.config_parameter"].sudo()
        plan_id = int(ICP.get_param("concierge_base.analytic_plan_id", 0) or 0)
        plan = self.env["account.analytic.plan"].sudo().browse(plan_id).exists()
        if not plan:
            plan = (
                self.env["account.analytic.plan"]
                .sudo()
                .create(
                    {
                        "name": self.env._("Funding agreements"),
                        "default_applicability": "optional",
                    }
                )
            )
            ICP.set_param("concierge_base.analytic_plan_id", plan.id)
        return plan

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

    def action_sign(self):
        self._check_can_sign()
        self.write({"state": "signed"})
        self._create_analytic_accounts()
        self.deadline_ids._schedule_activities()
        return True

    def action_close(self):
        if self.filtered(lambda a: a.state != "signed"):
            raise UserError(self.env._("Only a signed agreement can be closed."))
        self.write({"state": "closed"})
        return True

    def action_cancel(self):
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
        self.write({"state": "cancelled"})
        return True

    def action_draft(self):
        if self.filtered(lambda a: a.state != "cancelled"):
            raise UserError(
                self.env._("Only a cancelled agreement can be set back to draft.")
            )
        self.write({"state": "draft"})
        return True

    def action_match_payments(self):
        """Link the funder's posted receivables and receipts to the
        installments waiting for exactly that amount."""
        self.installment_ids._match_move_lines()
        return True

    # ------------------------------------------------------------------
    # demo data
    # ------------------------------------------------------------------
    @api.model
    def _demo_post_accounting(self):
        """Demo data only: sign the demo agreements, post the grants
        received and the sales of the year, compute the past months."""
        company = self.env.ref("base.main_company")
        self = self.with_company(company)
        if not company.chart_template:
            self.env["account.chart.template"].try_loading("generic_coa", company)
        Account = self.env["account.account"]
        company_domain = Account._check_company_domain(company)
        # the French chart's services sold (706) and operating grants (74)
        income = Account.search(
            [*company_domain, ("code", "=like", "706%")], limit=1
        ) or Account.search([*company_domain, ("account_type", "=", "income")], limit=1)
        misc = self.env["account.journal"].search(
            [("type", "=", "general"), ("company_id", "=", company.id)], limit=1
        )
        bank = self.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", company.id)], limit=1
        )
        if not (income and misc and bank):
            return
        if not income.concierge_source_category:
            income.concierge_source_category = "market_sales"
        grant_income = Account.search(
            [*company_domain, ("code", "=like", "741%")], limit=1
        ) or Account.create(
            {
                "code": "740100",
                "name": "Subventions d'exploitation",
                "account_type": "income_other",
                "company_ids": [Command.set(company.ids)],
            }
        )
        commune, region, foundation = (
            self.env.ref("concierge_base.funding_agreement_commune_test"),
            self.env.ref("concierge_base.funding_agreement_region_launch"),
            self.env.ref("concierge_base.funding_agreement_foundation"),
        )
        # the funders get accounting entries: they are created here, without
        # an XML id, so that uninstalling the module leaves them as contacts
        france = self.env.ref("base.fr")
        funders = self.env["res.partner"].create(
            [
                {
                    "name": "Commune de Vaugneray",
                    "is_company": True,
                    "concierge_funder_type": "commune",
                    "street": "Place de la Mairie",
                    "zip": "69670",
                    "city": "Vaugneray",
                    "country_id": france.id,
                    "email": "mairie@vaugneray.example.com",
                },
                {
                    "name": "Région Auvergne-Rhône-Alpes",
                    "is_company": True,
                    "concierge_funder_type": "region",
                    "street": "1 esplanade François Mitterrand",
                    "zip": "69002",
                    "city": "Lyon",
                    "country_id": france.id,
                },
                {
                    "name": "Fondation Solidarités de proximité",
                    "is_company": True,
                    "concierge_funder_type": "foundation",
                    "city": "Lyon",
                    "country_id": france.id,
                },
            ]
        )
        for agreement, funder in zip(
            (commune, region, foundation), funders, strict=True
        ):
            agreement.funder_id = funder
        (commune | region | foundation).action_sign()
        year = fields.Date.context_today(self).year
        day = fields.Date.to_date

        def entry(date, debit_account, credit_account, amount, partner=None):
            move = self.env["account.move"].create(
                {
                    "move_type": "entry",
                    "journal_id": misc.id,
                    "date": date,
                    "line_ids": [
                        Command.create(
                            {
                                "account_id": debit_account.id,
                                "partner_id": partner.id if partner else False,
                                "debit": amount,
                                "name": self.env._("Demo"),
                            }
                        ),
                        Command.create(
                            {
                                "account_id": credit_account.id,
                                "partner_id": partner.id if partner else False,
                                "credit": amount,
                                "name": self.env._("Demo"),
                            }
                        ),
                    ],
                }
            )
            move.action_post()
            return move.line_ids.filtered(lambda line: line.debit)

        def pay(partner, amount, date, claim):
            payment = self.env["account.payment"].create(
                {
                    "payment_type": "inbound",
                    "partner_type": "customer",
                    "partner_id": partner.id,
                    "amount": amount,
                    "date": date,
                    "journal_id": bank.id,
                }
            )
            payment.action_post()
            lines = payment.move_id.line_ids.filtered(
                lambda line: line.account_id == claim.account_id
            )
            (lines | claim).reconcile()

        # the commune's first installment: claimed, then paid
        funder = commune.funder_id
        claim = entry(
            day(f"{year}-02-01"),
            funder.property_account_receivable_id,
            grant_income,
            6000.0,
            funder,
        )
        commune.installment_ids.sorted("date_due")[0].move_line_ids = claim
        pay(funder, 6000.0, day(f"{year}-02-20"), claim)
        # the region's advance, received straight on the bank account
        funder = region.funder_id
        receipt = entry(
            day(f"{year}-10-10"), bank.default_account_id, grant_income, 15000.0, funder
        )
        region.installment_ids.sorted("date_due")[0].move_line_ids = receipt
        # the foundation paid 3,000 of its 5,000
        funder = foundation.funder_id
        claim = entry(
            day(f"{year}-07-01"),
            funder.property_account_receivable_id,
            grant_income,
            5000.0,
            funder,
        )
        foundation.installment_ids.move_line_ids = claim
        pay(funder, 3000.0, day(f"{year}-07-15"), claim)
        # sales of the shop, from January to October
        cash = bank.default_account_id
        for month in range(1, 11):
            entry(day(f"{year}-{month:02d}-15"), cash, income, 1500.0 + 100 * month)
        # indicators of the past months of the year
        today = fields.Date.context_today(self)
        months = [day(f"{year}-{month:02d}-01") for month in range(1, today.month)]
        self.env["concierge.indicator.value"].with_company(company)._recompute_periods(
            months, companies=company
        )
