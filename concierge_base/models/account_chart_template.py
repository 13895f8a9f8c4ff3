# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models


class AccountChartTemplate(models.AbstractModel):
    _inherit = "account.chart.template"

    def _post_load_data(self, template_code, company, template_data):
        """A chart of accounts was loaded (a new company, or another chart):
        its accounts get their funding mix sources."""
        res = super()._post_load_data(template_code, company, template_data)
        company._concierge_map_sources()
        return res
