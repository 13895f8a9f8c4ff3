# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models
from odoo.osv import expression


class PosConfig(models.Model):
    _inherit = "pos.config"

    def _get_available_pricelists(self):
        """The till also loads the prices of the employers whose company
        contract runs today: an employee chosen as the customer (by card or
        by name) buys at the employer's prices, as at the desk. They are not
        offered in the till's pricelist list: only the employee gets them."""
        pricelists = super()._get_available_pricelists()
        return pricelists | self._concierge_employer_pricelists()

    def _concierge_employer_pricelists(self):
        """Pricelists of the company contracts of this till's company
        running today (the contract's, else the employer's), in the till's
        currency."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        contracts = (
            self.env["contract.contract"]
            .sudo()
            .search(
                expression.AND(
                    [
                        [
                            ("concierge_plan_id", "!=", False),
                            ("company_id", "=", self.company_id.id),
                            ("date_start", "<=", today),
                        ],
                        ["|", ("date_end", "=", False), ("date_end", ">=", today)],
                    ]
                )
            )
        )
        # the employers' pricelists computed at once, in the till's company
        employers = contracts.commercial_partner_id.with_company(self.company_id)
        of_employer = {e.id: e.property_product_pricelist for e in employers}
        pricelists = (
            self.env["product.pricelist"]
            .sudo()
            .union(
                *(
                    contract.pricelist_id
                    or of_employer[contract.commercial_partner_id.id]
                    for contract in contracts
                )
            )
        )
        companies = (self.company_id, self.env["res.company"])
        return pricelists.filtered(
            lambda pricelist: (
                pricelist.currency_id == self.currency_id
                and pricelist.company_id in companies
            )
        ).sudo(False)
