# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    concierge_phone_country_id = fields.Many2one(
        related="company_id.concierge_phone_country_id", readonly=False
    )
    concierge_privacy_retention_months = fields.Integer(
        related="company_id.concierge_privacy_retention_months", readonly=False
    )
    concierge_grant_accrual = fields.Boolean(
        related="company_id.concierge_grant_accrual", readonly=False
    )
    concierge_grant_journal_id = fields.Many2one(
        related="company_id.concierge_grant_journal_id", readonly=False
    )
    concierge_grant_public_account_id = fields.Many2one(
        related="company_id.concierge_grant_public_account_id", readonly=False
    )
    concierge_grant_private_account_id = fields.Many2one(
        related="company_id.concierge_grant_private_account_id", readonly=False
    )
    concierge_grant_income_account_id = fields.Many2one(
        related="company_id.concierge_grant_income_account_id", readonly=False
    )
    concierge_dedicated_fund_account_id = fields.Many2one(
        related="company_id.concierge_dedicated_fund_account_id", readonly=False
    )
    concierge_dedicated_fund_expense_account_id = fields.Many2one(
        related="company_id.concierge_dedicated_fund_expense_account_id",
        readonly=False,
    )
    concierge_dedicated_fund_income_account_id = fields.Many2one(
        related="company_id.concierge_dedicated_fund_income_account_id",
        readonly=False,
    )
