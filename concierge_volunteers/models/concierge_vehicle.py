# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# km/h over the straight-line distance, and minutes at each stop
DEFAULT_SPEED = 30.0
DEFAULT_STOP_MINUTES = 10


class ConciergeVehicle(models.Model):
    _name = "concierge.vehicle"
    _description = "Vehicle of the rounds"
    _order = "name, id"
    _check_company_auto = True

    name = fields.Char(required=True, help="e.g. Vaugneray van")
    active = fields.Boolean(default=True)
    license_plate = fields.Char()
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    site_id = fields.Many2one(
        "concierge.site",
        check_company=True,
        help="The site the vehicle is based at.",
    )
    capacity = fields.Integer(
        string="Capacity (items)",
        required=True,
        default=30,
        help="How many items (bags, parcels) the vehicle carries on a round, "
        "collected and delivered together.",
    )
    average_speed = fields.Float(
        string="Average speed (km/h)",
        required=True,
        default=DEFAULT_SPEED,
        help="Speed over the straight-line distance between two stops: it "
        "accounts for the roads and the traffic.",
    )
    stop_minutes = fields.Integer(
        string="Time per stop (minutes)",
        required=True,
        default=DEFAULT_STOP_MINUTES,
        help="How long the vehicle stays at a stop.",
    )

    @api.constrains("capacity", "average_speed", "stop_minutes")
    def _check_figures(self):
        for vehicle in self:
            if vehicle.capacity <= 0 or vehicle.average_speed <= 0:
                raise ValidationError(
                    self.env._(
                        "The capacity and the average speed of %(name)s must be "
                        "greater than zero.",
                        name=vehicle.name,
                    )
                )
            if vehicle.stop_minutes < 0:
                raise ValidationError(
                    self.env._(
                        "The time per stop of %(name)s cannot be negative.",
                        name=vehicle.name,
                    )
                )
