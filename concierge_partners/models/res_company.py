# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import Command, fields, models
from odoo.exceptions import UserError

from .account_account import COMMISSION_PREFIX

# French chart: 467 Autres comptes débiteurs ou créditeurs
THIRD_PARTY_PREFIX = "467"


class ResCompany(models.Model):
    _inherit = "res.company"

    concierge_commission_account_id = fields.Many2one(
        "account.account",
        string="Commission account (708200)",
        check_company=True,
        help="Income account of the commissions the conciergerie earns from "
        "its providers. When empty, the account whose code starts with 7082 "
        "is used, created if the chart has none.",
    )
    concierge_third_party_account_id = fields.Many2one(
        "account.account",
        string="Sales collected for providers (467)",
        check_company=True,
        help="Third-party account of the sales made in a provider's name "
        "(mandate): the customer invoice credits it, the settlement's vendor "
        "bill clears it. When empty, the account whose code starts with 467 "
        "is used, created if the chart has none.",
    )

    def _concierge_find_account(self, prefix):
        self.ensure_one()
        Account = self.env["account.account"].with_company(self).sudo()
        return Account.search(
            [
                *Account._check_company_domain(self),
                ("code", "=like", prefix + "%"),
                ("deprecated", "=", False),
            ],
            order="code",
            limit=1,
        )

    def _concierge_partner_account(self, field_name, prefix, vals):
        """The configured account, else the chart's account coded
        ``prefix``..., else one created with ``vals``; stored on the company."""
        self.ensure_one()
        if self[field_name]:
            return self[field_name]
        if not self.chart_template:
            raise UserError(
                self.env._(
                    "Install a chart of accounts in %(company)s (Accounting > "
                    "Settings) before selling for providers: the conciergerie "
                    "needs its account %(code)s.",
                    company=self.name,
                    code=vals["code"],
                )
            )
        account = self._concierge_find_account(prefix)
        if not account:
            account = (
                self.env["account.account"]
                .with_company(self)
                .sudo()
                .create(dict(vals, company_ids=[Command.set(self.ids)]))
            )
        self.sudo()[field_name] = account
        return account

    def _concierge_commission_account(self):
        return self._concierge_partner_account(
            "concierge_commission_account_id",
            COMMISSION_PREFIX,
            {
                "code": COMMISSION_PREFIX + "00",
                "name": self.env._("Commissions and brokerage"),
                "account_type": "income",
            },
        )

    def _concierge_third_party_account(self):
        return self._concierge_partner_account(
            "concierge_third_party_account_id",
            THIRD_PARTY_PREFIX,
            {
                "code": THIRD_PARTY_PREFIX + "000",
                "name": self.env._("Sales collected on behalf of providers"),
                "account_type": "liability_current",
                "reconcile": True,
            },
        )

    def _concierge_map_sources(self):
        """The commission account (708200, on the commission product) and
        the third-party account (467) of each company with a chart."""
        res = super()._concierge_map_sources()
        commission = self.env.ref(
            "concierge_partners.product_commission", raise_if_not_found=False
        )
        for company in self.filtered("chart_template"):
            account = company._concierge_commission_account()
            if account.concierge_source_category in (False, "market_sales"):
                account.concierge_source_category = "commissions"
            company._concierge_third_party_account()
            if commission:
                template = commission.product_tmpl_id.with_company(company).sudo()
                if not template.property_account_income_id:
                    template.property_account_income_id = account
        return res
