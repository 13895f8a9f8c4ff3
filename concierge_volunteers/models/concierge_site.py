# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class ConciergeSite(models.Model):
    _inherit = "concierge.site"

    concierge_latitude = fields.Float(
        string="Latitude",
        digits=(10, 7),
        help="Where the rounds leaving from the site start and end.",
    )
    concierge_longitude = fields.Float(string="Longitude", digits=(10, 7))

    def _concierge_point(self):
        """``(latitude, longitude)`` of the site, or None when not typed."""
        self.ensure_one()
        if not (self.concierge_latitude or self.concierge_longitude):
            return None
        return (self.concierge_latitude, self.concierge_longitude)
