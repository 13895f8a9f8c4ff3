# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

VOLUNTEER_GROUP = "concierge_base.group_concierge_user"


class ResPartner(models.Model):
    _inherit = "res.partner"

    concierge_is_volunteer = fields.Boolean(string="Volunteer", index=True)
    concierge_volunteer_skill_ids = fields.Many2many(
        "concierge.volunteer.skill",
        string="Skills",
        groups=VOLUNTEER_GROUP,
    )
    concierge_volunteer_availability = fields.Text(
        string="Weekly availability",
        groups=VOLUNTEER_GROUP,
        help="e.g. Tuesday morning, Friday afternoon.",
    )
    concierge_volunteer_charter_date = fields.Date(
        string="Volunteer charter signed on", groups=VOLUNTEER_GROUP
    )
    concierge_emergency_contact = fields.Char(
        string="Emergency contact",
        groups=VOLUNTEER_GROUP,
        help="Name and phone number of a person to call in an emergency.",
    )

    @api.constrains("concierge_is_volunteer", "is_company")
    def _check_concierge_volunteer_person(self):
        for partner in self:
            if partner.concierge_is_volunteer and partner.is_company:
                raise ValidationError(
                    self.env._(
                        "%(name)s is a company: only people can be volunteers.",
                        name=partner.display_name,
                    )
                )
