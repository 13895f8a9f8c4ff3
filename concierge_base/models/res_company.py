# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    concierge_phone_country_id = fields.Many2one(
        "res.country",
        string="Default country for phone numbers",
        default=lambda self: self.env.ref("base.fr", False),
        help="Phone numbers of beneficiaries without a country are read as "
        "numbers of this country before being stored in E.164 format.",
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
