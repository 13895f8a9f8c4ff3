# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models

from .concierge_volunteer_mission import MISSION_TYPES


class ConciergeVolunteerValuationLine(models.Model):
    _name = "concierge.volunteer.valuation.line"
    _description = "Valued volunteer time of one attendance"
    _order = "valuation_id, mission_type, id"

    valuation_id = fields.Many2one(
        "concierge.volunteer.valuation",
        required=True,
        index=True,
        ondelete="cascade",
    )
    # not stored: posting a year's valuation would rewrite its thousands of
    # lines (one UPDATE per hundred); searching it reads the valuation's state
    valuation_state = fields.Selection(related="valuation_id.state")
    company_id = fields.Many2one(related="valuation_id.company_id", store=True)
    currency_id = fields.Many2one(related="valuation_id.currency_id")
    attendance_id = fields.Many2one(
        "concierge.volunteer.attendance",
        required=True,
        index=True,
        ondelete="restrict",
    )
    partner_id = fields.Many2one(
        related="attendance_id.partner_id", string="Volunteer", store=True
    )
    date = fields.Date(related="attendance_id.date", store=True)
    site_id = fields.Many2one(related="attendance_id.site_id", store=True)
    mission_type = fields.Selection(MISSION_TYPES, required=True)
    hours = fields.Float(aggregator="sum")
    rate = fields.Float(string="Hourly rate", digits="Product Price")
    amount = fields.Monetary(aggregator="sum")
    is_adjustment = fields.Boolean(
        string="Adjustment",
        help="Correction of an attendance of a period already valued.",
    )
