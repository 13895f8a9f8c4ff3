# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import base64

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import file_open


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

    @api.model
    def _demo_french_association(self):
        """Demo data only (demo/res_company_demo.xml): the main company
        becomes a French association of the Monts du Lyonnais, in euros, on
        Odoo's French chart of accounts (plan comptable général); the demo
        entries of the generic chart, if any, are replaced."""
        company = self.env.ref("base.main_company")
        france = self.env.ref("base.fr")
        euro = self.env.ref("base.EUR")
        euro.active = True
        with file_open("concierge_base/static/description/icon.png", "rb") as logo:
            logo = base64.b64encode(logo.read())
        company.write(
            {
                "name": "Conciergerie des Monts du Lyonnais",
                "street": "5 place de l'Église",
                "zip": "69670",
                "city": "Vaugneray",
                "country_id": france.id,
                "phone": "+33 4 78 45 00 10",
                "email": "contact@conciergerie-monts-lyonnais.example.com",
                "website": "https://conciergerie-monts-lyonnais.example.com",
                "siret": "89123456900012",
                "company_registry": "891 234 569 (association loi 1901, "
                "RNA W691012345)",
                "logo": logo,
            }
        )
        if company.chart_template != "fr":
            # _load, not try_loading: we are inside the module installation
            self.env["account.chart.template"]._load("fr", company, install_demo=False)
        pricelists = self.env["product.pricelist"].search(
            [("company_id", "in", [company.id, False]), ("currency_id", "!=", euro.id)]
        )
        pricelists.currency_id = euro
        return True
