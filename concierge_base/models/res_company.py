# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# the account types an account found in the chart may have, by the type of
# the account the suite would create
ACCOUNT_KINDS = {
    "asset_current": ("asset_current", "asset_receivable"),
    "income_other": ("income", "income_other"),
    "liability_non_current": ("liability_non_current", "liability_current", "equity"),
    "expense": ("expense",),
}


class ResCompany(models.Model):
    _inherit = "res.company"

    concierge_phone_country_id = fields.Many2one(
        "res.country",
        string="Default country for phone numbers",
        default=lambda self: self.env.ref("base.fr", False),
        help="Phone numbers of beneficiaries without a country are read as "
        "numbers of this country before being stored in E.164 format.",
    )
    concierge_privacy_retention_months = fields.Integer(
        string="Keep sensitive data of inactive people (months)",
        default=24,
        help="The vulnerable status, consent and free-text notes of a person "
        "with no activity (request, custody, shift, invoice, message) for this "
        "many months are purged by a daily job.",
    )

    @api.constrains("concierge_privacy_retention_months")
    def _check_concierge_privacy_retention_months(self):
        for company in self:
            if company.concierge_privacy_retention_months <= 0:
                raise ValidationError(
                    self.env._(
                        "The retention period of %(company)s must be at least one "
                        "month.",
                        company=company.name,
                    )
                )

    def _concierge_map_sources(self):
        """Declare the funding mix source of the companies' accounts (and
        whatever else each addon needs for its revenue: its accounts, its
        products' accounts). Called when an addon is installed, for every
        company, and when a chart of accounts is loaded, for the companies
        created later. Only fills what is empty or generic: what an
        accountant chose stays."""
        for company in self:
            if not company.chart_template:
                continue
            Account = self.env["account.account"].with_company(company).sudo()
            Account.search(
                Account._check_company_domain(company)
            )._concierge_map_default_sources()
        return True

    # grant accounting, the ANC 2018-06 way
    concierge_grant_accrual = fields.Boolean(
        string="Book grants at signature",
        help="When an agreement is signed, book one receivable per installment "
        "(441 for public funders, 4687 for private ones) against the operating "
        "subsidies (74), on the analytic account of the agreement.",
    )
    concierge_grant_journal_id = fields.Many2one(
        "account.journal",
        string="Grant journal",
        domain="[('type', '=', 'general'), ('company_id', '=', id)]",
        help="Miscellaneous journal of the grant receivables and of the "
        "dedicated funds. The first miscellaneous journal when empty.",
    )
    concierge_grant_public_account_id = fields.Many2one(
        "account.account",
        string="Public grants receivable",
        help="441 État et autres collectivités - subventions à recevoir.",
    )
    concierge_grant_private_account_id = fields.Many2one(
        "account.account",
        string="Private grants receivable",
        help="4687 Produits à recevoir, for foundations, companies and donors.",
    )
    concierge_grant_income_account_id = fields.Many2one(
        "account.account",
        string="Operating subsidies",
        help="74 Subventions d'exploitation.",
    )
    concierge_dedicated_fund_account_id = fields.Many2one(
        "account.account",
        string="Dedicated funds",
        help="19 Fonds dédiés (194 sur subventions d'exploitation).",
    )
    concierge_dedicated_fund_expense_account_id = fields.Many2one(
        "account.account",
        string="Carried to dedicated funds",
        help="689 Reports en fonds dédiés (6894 sur subventions d'exploitation).",
    )
    concierge_dedicated_fund_income_account_id = fields.Many2one(
        "account.account",
        string="Use of dedicated funds",
        help="789 Utilisation des fonds dédiés (7894 sur subventions d'exploitation).",
    )

    def _concierge_grant_account_specs(self):
        """Accounts of the grant entries: {key: (field, code prefixes tried in
        order, code and name of the account created when none matches, type,
        reconcilable)}."""
        return {
            "public": (
                "concierge_grant_public_account_id",
                ("4411", "441"),
                (
                    "441000",
                    self.env._("State and local authorities - grants receivable"),
                ),
                "asset_current",
                True,
            ),
            "private": (
                "concierge_grant_private_account_id",
                ("4687",),
                ("468700", self.env._("Accrued income - grants receivable")),
                "asset_current",
                True,
            ),
            "income": (
                "concierge_grant_income_account_id",
                ("741", "740", "74"),
                ("741000", self.env._("Operating subsidies")),
                "income_other",
                False,
            ),
            "fund": (
                "concierge_dedicated_fund_account_id",
                ("194", "19"),
                ("194000", self.env._("Dedicated funds on operating subsidies")),
                "liability_non_current",
                False,
            ),
            "fund_expense": (
                "concierge_dedicated_fund_expense_account_id",
                ("6894", "689"),
                (
                    "689400",
                    self.env._(
                        "Carried forward to dedicated funds on operating subsidies"
                    ),
                ),
                "expense",
                False,
            ),
            "fund_income": (
                "concierge_dedicated_fund_income_account_id",
                ("7894", "789"),
                ("789400", self.env._("Use of dedicated funds on operating subsidies")),
                "income_other",
                False,
            ),
        }

    def _concierge_grant_account(self, key):
        """The account of the company for ``key`` (see
        _concierge_grant_account_specs): the one configured; else, on the
        French chart (plan comptable général), the first account of the
        expected kind whose number starts as expected; else one created with
        its French number (the next free number when another chart already
        uses it). It is stored on the company so that the accountant sees it
        and can change it."""
        self.ensure_one()
        field, prefixes, (code, name), account_type, reconcile = (
            self._concierge_grant_account_specs()[key]
        )
        # read and booked on the manager's behalf: they need no accounting rights
        account = self.sudo()[field]
        if not account:
            Account = self.env["account.account"].sudo().with_company(self)
            domain = [
                ("company_ids", "parent_of", self.ids),
                ("deprecated", "=", False),
                ("account_type", "in", ACCOUNT_KINDS[account_type]),
            ]
            if reconcile:
                domain.append(("reconcile", "=", True))
            if (self.chart_template or "").startswith("fr"):
                for prefix in prefixes:
                    account = Account.search(
                        [*domain, ("code", "=like", f"{prefix}%")],
                        order="code",
                        limit=1,
                    )
                    if account:
                        break
            if not account:
                taken = set(
                    Account.search(
                        [
                            ("company_ids", "parent_of", self.ids),
                            ("code", "=like", f"{code[:3]}%"),
                        ]
                    ).mapped("code")
                )
                while code in taken:
                    code = str(int(code) + 1)
                account = Account.create(
                    {
                        "code": code,
                        "name": name,
                        "account_type": account_type,
                        "reconcile": reconcile,
                        "company_ids": [fields.Command.set(self.ids)],
                    }
                )
            self.sudo()[field] = account
        if reconcile and not account.reconcile:
            raise UserError(
                self.env._(
                    "The account %(account)s receives the grants to be collected: "
                    "allow reconciliation on it, or choose another account in the "
                    "Conciergerie settings.",
                    account=account.display_name,
                )
            )
        return account

    def _concierge_grant_journal(self):
        self.ensure_one()
        journal = self.concierge_grant_journal_id or self.env[
            "account.journal"
        ].sudo().search(
            [("type", "=", "general"), ("company_id", "=", self.id)], limit=1
        )
        if not journal:
            raise UserError(
                self.env._(
                    "The company %(company)s has no miscellaneous journal for the "
                    "grant entries: install a chart of accounts or create one.",
                    company=self.name,
                )
            )
        return journal
