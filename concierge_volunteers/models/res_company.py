# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError

# French chart: class 8, contributions volontaires en nature
EXPENSE_PREFIX = "864"  # personnel bénévole
INCOME_PREFIX = "875"  # bénévolat


class ResCompany(models.Model):
    _inherit = "res.company"

    concierge_volunteer_hourly_rate = fields.Float(
        string="Hourly rate of volunteer time",
        digits="Product Price",
        default=17.0,
        help="Value of one hour of volunteer time, e.g. the gross minimum "
        "wage (SMIC) with employer charges.",
    )
    concierge_volunteer_expense_account_id = fields.Many2one(
        "account.account",
        string="Volunteer staff account (864)",
        check_company=True,
        help="Debited by the valuation of volunteer time. When empty, the "
        "account whose code starts with 864 is used.",
    )
    concierge_volunteer_income_account_id = fields.Many2one(
        "account.account",
        string="Volunteering account (875)",
        check_company=True,
        help="Credited by the valuation of volunteer time. When empty, the "
        "account whose code starts with 875 is used.",
    )
    concierge_volunteer_journal_id = fields.Many2one(
        "account.journal",
        string="Volunteer valuation journal",
        check_company=True,
        domain="[('type', '=', 'general')]",
        help="Journal of the valuation entries. When empty, the first "
        "miscellaneous journal of the company is used.",
    )
    concierge_volunteer_signup_delay = fields.Integer(
        string="Sign-up deadline (hours before the shift)",
        default=24,
        help="Volunteers can sign up for a shift or withdraw from it on the "
        "portal until this many hours before it starts.",
    )

    @api.constrains("concierge_volunteer_hourly_rate")
    def _check_concierge_volunteer_hourly_rate(self):
        for company in self:
            if company.concierge_volunteer_hourly_rate <= 0:
                raise ValidationError(
                    self.env._(
                        "The hourly rate of volunteer time must be greater than zero."
                    )
                )

    @api.constrains("concierge_volunteer_signup_delay")
    def _check_concierge_volunteer_signup_delay(self):
        for company in self:
            if company.concierge_volunteer_signup_delay < 0:
                raise ValidationError(
                    self.env._("The sign-up deadline cannot be negative.")
                )

    def _concierge_volunteer_account(self, field_name, prefix):
        """The configured account, else the first one coded ``prefix``..."""
        self.ensure_one()
        if self[field_name]:
            return self[field_name]
        Account = self.env["account.account"].with_company(self)
        return Account.search(
            [
                *Account._check_company_domain(self),
                ("code", "=like", prefix + "%"),
                ("deprecated", "=", False),
            ],
            order="code",
            limit=1,
        )

    def _concierge_volunteer_accounts(self):
        """Return (debit 864 account, credit 875 account) of the company."""
        self.ensure_one()
        return (
            self._concierge_volunteer_account(
                "concierge_volunteer_expense_account_id", EXPENSE_PREFIX
            ),
            self._concierge_volunteer_account(
                "concierge_volunteer_income_account_id", INCOME_PREFIX
            ),
        )

    def _concierge_volunteer_create_accounts(self):
        """Create the accounts 864000 / 875000 the chart lacks, and use them."""
        for company in self:
            expense, income = company._concierge_volunteer_accounts()
            Account = self.env["account.account"].with_company(company)
            if not expense:
                expense = Account.create(
                    {
                        "code": EXPENSE_PREFIX + "000",
                        "name": self.env._("Volunteer staff"),
                        "account_type": "off_balance",
                        "company_ids": [Command.set(company.ids)],
                    }
                )
            if not income:
                income = Account.create(
                    {
                        "code": INCOME_PREFIX + "000",
                        "name": self.env._("Volunteering"),
                        "account_type": "off_balance",
                        "company_ids": [Command.set(company.ids)],
                    }
                )
            if not income.concierge_source_category:
                # the credit of 875 is the volunteer time of the funding mix
                income.concierge_source_category = "volunteer_time"
            company.write(
                {
                    "concierge_volunteer_expense_account_id": expense.id,
                    "concierge_volunteer_income_account_id": income.id,
                }
            )
        return True

    def _concierge_map_sources(self):
        """The class-8 accounts of volunteer time (864 / 875), which the
        charts lack, are created for every company with a chart."""
        res = super()._concierge_map_sources()
        self.filtered("chart_template")._concierge_volunteer_create_accounts()
        return res

    def _concierge_volunteer_journal(self):
        self.ensure_one()
        if self.concierge_volunteer_journal_id:
            return self.concierge_volunteer_journal_id
        return self.env["account.journal"].search(
            [
                *self.env["account.journal"]._check_company_domain(self),
                ("type", "=", "general"),
            ],
            limit=1,
        )
