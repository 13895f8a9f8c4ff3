# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from random import randint

from odoo import fields, models


class ConciergeVolunteerSkill(models.Model):
    _name = "concierge.volunteer.skill"
    _description = "Volunteer skill"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    # kanban cards hide tags of color 0: a new skill gets a visible color
    color = fields.Integer(default=lambda self: randint(1, 11))
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "name_uniq",
            "unique(name)",
            "A volunteer skill with this name already exists.",
        ),
    ]
