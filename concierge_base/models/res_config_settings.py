# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    concierge_phone_country_id = fields.Many2one(
        related="company_id.concierge_phone_country_id", readonly=False
    )
    concierge_privacy_retention_months = fields.Integer(
        related="company_id.concierge_privacy_retention_months", readonly=False
    )
