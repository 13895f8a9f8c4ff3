# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    concierge_volunteer_hourly_rate = fields.Float(
        related="company_id.concierge_volunteer_hourly_rate", readonly=False
    )
    concierge_volunteer_expense_account_id = fields.Many2one(
        related="company_id.concierge_volunteer_expense_account_id", readonly=False
    )
    concierge_volunteer_income_account_id = fields.Many2one(
        related="company_id.concierge_volunteer_income_account_id", readonly=False
    )
    concierge_volunteer_journal_id = fields.Many2one(
        related="company_id.concierge_volunteer_journal_id", readonly=False
    )
    concierge_volunteer_signup_delay = fields.Integer(
        related="company_id.concierge_volunteer_signup_delay", readonly=False
    )

    def action_concierge_volunteer_create_accounts(self):
        self.ensure_one()
        self.company_id._concierge_volunteer_create_accounts()
        return True
