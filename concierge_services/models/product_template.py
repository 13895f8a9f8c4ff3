# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .concierge_locker_compartment import LOCKER_SIZES


class ProductTemplate(models.Model):
    _inherit = "product.template"

    concierge_category_id = fields.Many2one(
        "concierge.service.category",
        string="Conciergerie category",
        index=True,
        help="Set to offer this product or service at the conciergerie desk.",
    )
    concierge_provider_id = fields.Many2one(
        "res.partner",
        string="Default provider",
        help="Local shop, craftsman, producer or association that delivers "
        "this service.",
    )
    concierge_lead_days = fields.Integer(
        string="Lead time (opening days)",
        default=0,
        help="Opening days of the site needed to hand the result back.",
    )
    concierge_custody = fields.Boolean(
        string="Takes an item into custody",
        help="The beneficiary leaves an item at the desk (a garment, shoes, "
        "a parcel...): a custody ticket is printed.",
    )

    concierge_locker_size = fields.Selection(
        LOCKER_SIZES,
        string="Locker size",
        default="small",
        help="The smallest locker compartment the item left for this service "
        "fits in (a coat: medium, a suitcase: large).",
    )

    @api.constrains("concierge_lead_days")
    def _check_concierge_lead_days(self):
        for template in self:
            if template.concierge_lead_days < 0:
                raise ValidationError(
                    self.env._(
                        "The lead time of %(product)s cannot be negative.",
                        product=template.name,
                    )
                )
