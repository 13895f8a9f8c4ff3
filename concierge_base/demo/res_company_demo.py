# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Demo data built in Python, called by ``demo/res_company_demo.xml``."""

import base64

from odoo import api, models
from odoo.tools import file_open


class ResCompany(models.Model):
    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _demo_french_association(self):
        """Demo data only (demo/res_company_demo.xml): the main company
        becomes a French association of the Monts du Lyonnais, in euros, on
        Odoo's French chart of accounts (plan comptable général); the demo
        entries of the generic chart, if any, are replaced."""
        company = self.env.ref("base.main_company")
        euro = self.env.ref("base.EUR")
        euro.active = True
        company.write(self._demo_french_association_vals())
        if company.chart_template != "fr":
            # _load, not try_loading: we are inside the module installation
            self.env["account.chart.template"]._load("fr", company, install_demo=False)
        pricelists = self.env["product.pricelist"].search(
            [("company_id", "in", [company.id, False]), ("currency_id", "!=", euro.id)]
        )
        pricelists.currency_id = euro
        return True

    @api.model
    def _demo_french_association_vals(self):
        """The address, contacts, registration and logo of the demo
        association."""
        with file_open("concierge_base/static/description/icon.png", "rb") as logo:
            logo = base64.b64encode(logo.read())
        return {
            "name": "Conciergerie des Monts du Lyonnais",
            "street": "5 place de l'Église",
            "zip": "69670",
            "city": "Vaugneray",
            "country_id": self.env.ref("base.fr").id,
            "phone": "+33 4 78 45 00 10",
            "email": "contact@conciergerie-monts-lyonnais.example.com",
            "website": "https://conciergerie-monts-lyonnais.example.com",
            "siret": "89123456900012",
            "company_registry": "891 234 569 (association loi 1901, RNA W691012345)",
            "logo": logo,
        }
