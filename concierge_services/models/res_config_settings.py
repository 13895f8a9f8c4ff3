# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    concierge_custody_alert_days = fields.Integer(
        related="company_id.concierge_custody_alert_days", readonly=False
    )
    concierge_pickup_code_hours = fields.Integer(
        related="company_id.concierge_pickup_code_hours", readonly=False
    )
    concierge_pickup_reminder_hours = fields.Integer(
        related="company_id.concierge_pickup_reminder_hours", readonly=False
    )
    concierge_pickup_sms = fields.Boolean(
        related="company_id.concierge_pickup_sms", readonly=False
    )
    concierge_request_alias_contact = fields.Selection(
        [("partners", "Known contacts only"), ("everyone", "Anyone")],
        string="Requests by e-mail from",
        help="Known contacts only: a mail from an address no contact has is "
        "refused (the sender is told), no beneficiary is created. Anyone: an "
        "unknown sender becomes a new beneficiary.",
    )

    @api.model
    def get_values(self):
        res = super().get_values()
        Request = self.env["concierge.service.request"]
        res["concierge_request_alias_contact"] = (
            "everyone" if Request._concierge_alias_accepts_anyone() else "partners"
        )
        return res

    def set_values(self):
        res = super().set_values()
        alias = self.env["concierge.service.request"]._concierge_request_alias()
        contact = self.concierge_request_alias_contact
        if alias and contact and alias.sudo().alias_contact != contact:
            alias.sudo().alias_contact = contact
        return res
