# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ConciergeVolunteerShiftRecurrence(models.TransientModel):
    _name = "concierge.volunteer.shift.recurrence"
    _description = "Create recurring volunteer shifts"
    _inherit = ["concierge.weekly.pattern"]
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    mission_id = fields.Many2one(
        "concierge.volunteer.mission", required=True, check_company=True
    )
    site_id = fields.Many2one("concierge.site", required=True, check_company=True)
    hour_from = fields.Float(string="Starts at", required=True, default=9.0)
    hour_to = fields.Float(string="Ends at", required=True, default=12.0)
    capacity = fields.Integer(required=True, default=1)

    @api.onchange("mission_id")
    def _onchange_mission_id(self):
        if self.mission_id.site_id:
            self.site_id = self.mission_id.site_id

    @api.constrains("hour_from", "hour_to", "capacity")
    def _check_pattern(self):
        for wizard in self:
            if not 0 <= wizard.hour_from < wizard.hour_to <= 24:
                raise ValidationError(
                    self.env._(
                        "The shifts must end after they start, both between "
                        "00:00 and 24:00."
                    )
                )
            if wizard.capacity <= 0:
                raise ValidationError(
                    self.env._("The capacity must be greater than zero.")
                )

    def _to_utc(self, day, hour, tz):
        """Naive UTC datetime of local ``hour`` (float) on ``day``."""
        minutes = round(hour * 60)
        local = datetime.combine(day, time()) + timedelta(minutes=minutes)
        return tz.localize(local).astimezone(pytz.utc).replace(tzinfo=None)

    def _prepare_shift_vals(self):
        """Values of one shift per chosen weekday between the two dates."""
        self.ensure_one()
        tz = pytz.timezone(self.env.user.tz or "Europe/Paris")
        return [
            {
                "mission_id": self.mission_id.id,
                "site_id": self.site_id.id,
                "company_id": self.company_id.id,
                "date_start": self._to_utc(day, self.hour_from, tz),
                "date_end": self._to_utc(day, self.hour_to, tz),
                "capacity": self.capacity,
            }
            for day in self._pattern_days()
        ]

    def action_create_shifts(self):
        self.ensure_one()
        shifts = self.env["concierge.volunteer.shift"].create(
            self._prepare_shift_vals()
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "concierge_volunteers.action_concierge_volunteer_shift"
        )
        action["domain"] = [("id", "in", shifts.ids)]
        action["view_mode"] = "list,calendar,kanban,form"
        action["views"] = [
            (False, mode) for mode in ("list", "calendar", "kanban", "form")
        ]
        return action
