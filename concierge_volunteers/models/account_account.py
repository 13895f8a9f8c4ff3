# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models

from .res_company import INCOME_PREFIX


class AccountAccount(models.Model):
    _inherit = "account.account"

    concierge_source_category = fields.Selection(
        selection_add=[("volunteer_time", "Valued volunteer time (in kind)")],
        ondelete={"volunteer_time": "set null"},
    )

    @api.model
    def _concierge_default_source(self, code, account_type):
        """875 Bénévolat: the valued volunteer time of the funding mix."""
        if (code or "").startswith(INCOME_PREFIX):
            return "volunteer_time"
        return super()._concierge_default_source(code, account_type)
