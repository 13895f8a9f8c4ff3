# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models
from odoo.exceptions import UserError


class ConciergeSite(models.Model):
    _inherit = "concierge.site"

    concierge_consignment_location_id = fields.Many2one(
        "stock.location",
        string="Consignment stock",
        readonly=True,
        copy=False,
        help="Stock location of the goods producers leave in consignment at "
        "this site: they stay the producers' property until they are sold.",
    )

    def _concierge_consignment_location(self):
        """The consignment location of the site, created on first use inside
        the stock of the company's warehouse, so that sales from the
        warehouse can reserve the goods."""
        self.ensure_one()
        if self.concierge_consignment_location_id:
            return self.concierge_consignment_location_id
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", self.company_id.id)], limit=1
        )
        if not warehouse:
            raise UserError(
                self.env._(
                    "Set up a warehouse with receipts in %(company)s first.",
                    company=self.company_id.name,
                )
            )
        location = (
            self.env["stock.location"]
            .sudo()
            .create(
                {
                    "name": self.env._("%s consignment", self.code or self.name),
                    "usage": "internal",
                    "location_id": warehouse.lot_stock_id.id,
                    "company_id": self.company_id.id,
                    "concierge_site_id": self.id,
                }
            )
        )
        self.sudo().concierge_consignment_location_id = location
        return location
