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
