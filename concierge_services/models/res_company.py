# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    concierge_custody_alert_days = fields.Integer(
        string="Custody alert after (days)",
        default=30,
        help="Items held at the desk or at a provider for longer than this "
        "appear in the report of items held too long.",
    )
