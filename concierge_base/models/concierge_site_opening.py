# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ConciergeSiteOpening(models.Model):
    _name = "concierge.site.opening"
    _description = "Opening hours of a conciergerie site"
    _order = "site_id, dayofweek, hour_from"

    site_id = fields.Many2one(
        "concierge.site", required=True, ondelete="cascade", index=True
    )
    dayofweek = fields.Selection(
        [
            ("0", "Monday"),
            ("1", "Tuesday"),
            ("2", "Wednesday"),
            ("3", "Thursday"),
            ("4", "Friday"),
            ("5", "Saturday"),
            ("6", "Sunday"),
        ],
        string="Day",
        required=True,
        default="0",
    )
    hour_from = fields.Float(string="From", required=True, default=9.0)
    hour_to = fields.Float(string="To", required=True, default=18.0)

    @api.constrains("hour_from", "hour_to")
    def _check_hours(self):
        for line in self:
            if not 0 <= line.hour_from < line.hour_to <= 24:
                raise ValidationError(
                    self.env._(
                        "Opening hours of %(site)s: the opening time must come "
                        "before the closing time, both between 00:00 and 24:00.",
                        site=line.site_id.name,
                    )
                )
