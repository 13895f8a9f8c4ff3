# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models

MISSION_TYPES = [
    ("desk", "Desk shift"),
    ("delivery", "Delivery or visit to a vulnerable person"),
    ("event", "Event or workshop"),
    ("paperwork", "Paperwork help"),
]


class ConciergeVolunteerMission(models.Model):
    _name = "concierge.volunteer.mission"
    _description = "Volunteer mission"
    _order = "sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    mission_type = fields.Selection(
        MISSION_TYPES, string="Type", required=True, default="desk"
    )
    skill_ids = fields.Many2many(
        "concierge.volunteer.skill",
        string="Required skills",
        help="A volunteer sees the shifts of this mission on the portal only "
        "when having all these skills.",
    )
    site_id = fields.Many2one(
        "concierge.site",
        string="Default site",
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    description = fields.Html()
    color = fields.Integer()
    shift_ids = fields.One2many("concierge.volunteer.shift", "mission_id")
    shift_count = fields.Integer(compute="_compute_shift_count")

    def _compute_shift_count(self):
        groups = self.env["concierge.volunteer.shift"]._read_group(
            [("mission_id", "in", self.ids)], ["mission_id"], ["__count"]
        )
        counts = {mission.id: count for mission, count in groups}
        for mission in self:
            mission.shift_count = counts.get(mission.id, 0)

    def action_view_shifts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "concierge_volunteers.action_concierge_volunteer_shift"
        )
        action["domain"] = [("mission_id", "=", self.id)]
        action["context"] = {
            "default_mission_id": self.id,
            "default_site_id": self.site_id.id,
        }
        return action

    def _matches_skills(self, skills):
        """Missions of ``self`` whose required skills are all in ``skills``."""
        return self.filtered(lambda m: not (m.skill_ids - skills))
