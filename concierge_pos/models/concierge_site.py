# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class ConciergeSite(models.Model):
    _inherit = "concierge.site"

    concierge_pos_config_ids = fields.One2many(
        "pos.config", "concierge_site_id", string="Tills"
    )
    concierge_pos_config_count = fields.Integer(
        string="Till count", compute="_compute_concierge_pos_config_count"
    )

    def _compute_concierge_pos_config_count(self):
        groups = self.env["pos.config"]._read_group(
            [("concierge_site_id", "in", self.ids)], ["concierge_site_id"], ["__count"]
        )
        counts = {site.id: count for site, count in groups}
        for site in self:
            site.concierge_pos_config_count = counts.get(site.id, 0)

    def action_view_pos_configs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "point_of_sale.action_pos_config_kanban"
        )
        action["domain"] = [("concierge_site_id", "=", self.id)]
        action["context"] = {
            "default_concierge_site_id": self.id,
            "default_company_id": self.company_id.id,
        }
        return action
