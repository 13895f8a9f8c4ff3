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
    stock_location_id = fields.Many2one(
        "stock.location",
        string="Stock location",
        readonly=True,
        copy=False,
        help="Where the items travel on a round: loaded at the departure, "
        "handed over at the stops, unloaded at the desk on the way back, "
        "still owned by their beneficiaries.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        vehicles = super().create(vals_list)
        vehicles._concierge_ensure_location()
        return vehicles

    def write(self, vals):
        result = super().write(vals)
        if "name" in vals:
            for vehicle in self.filtered("stock_location_id"):
                vehicle.stock_location_id.sudo().name = vehicle.name
        return result

    def _concierge_location_parent(self):
        """The warehouse view location the vehicle's location goes under:
        its site's warehouse, else its company's first one."""
        self.ensure_one()
        if self.site_id:
            return self.site_id._concierge_parent_location()
        return (
            self.env["stock.warehouse"]
            .sudo()
            .search([("company_id", "=", self.company_id.id)], limit=1)
            .view_location_id
        )

    def _concierge_ensure_location(self):
        """Create the stock locations of the vehicles lacking one, at once."""
        missing = self.filtered(lambda v: not v.stock_location_id)
        if not missing:
            return True
        locations = (
            self.env["stock.location"]
            .sudo()
            .create(
                [
                    {
                        "name": vehicle.name,
                        "usage": "internal",
                        "location_id": vehicle._concierge_location_parent().id,
                        "company_id": vehicle.company_id.id,
                        "concierge_site_id": vehicle.site_id.id,
                    }
                    for vehicle in missing
                ]
            )
        )
        for vehicle, location in zip(missing, locations, strict=True):
            vehicle.sudo().stock_location_id = location
        return True

    def _concierge_location(self):
        self.ensure_one()
        self._concierge_ensure_location()
        return self.stock_location_id

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
