# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    concierge_custody_alert_days = fields.Integer(
        related="company_id.concierge_custody_alert_days", readonly=False
    )
