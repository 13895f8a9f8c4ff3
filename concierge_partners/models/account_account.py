# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models

# French chart: 7082 Commissions et courtages
COMMISSION_PREFIX = "7082"


class AccountAccount(models.Model):
    _inherit = "account.account"

    concierge_source_category = fields.Selection(
        selection_add=[("commissions", "Commissions"), ("public_grants",)],
        ondelete={"commissions": "set market_sales"},
    )

    @api.model
    def _concierge_default_source(self, code, account_type):
        if (code or "").startswith(COMMISSION_PREFIX):
            return "commissions"
        return super()._concierge_default_source(code, account_type)
