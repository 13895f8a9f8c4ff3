# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models

# revenue sources of the funding mix that come from the accounting; grants
# come from the installments of the funding agreements
ACCOUNTING_SOURCES = [
    ("market_sales", "Market sales"),
    ("commissions", "Commissions"),
    ("subscriptions", "Company subscriptions"),
    ("volunteer_time", "Valued volunteer time (in kind)"),
]


class AccountAccount(models.Model):
    _inherit = "account.account"

    concierge_source_category = fields.Selection(
        ACCOUNTING_SOURCES,
        string="Funding mix source",
        help="Entries posted on this account count in the funding mix under "
        "this source (credit minus debit). Leave empty for accounts that are "
        "no revenue, and for grant accounts: grants are taken from the "
        "installments of the funding agreements.",
    )
