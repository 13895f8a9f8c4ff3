# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models

PRIVACY_ACTIONS = [
    ("export", "Export of the personal data"),
    ("anonymize", "Anonymisation"),
    ("purge", "Retention purge"),
]


class ConciergePrivacyLog(models.Model):
    """What the suite did with a person's data (GDPR accountability): each
    export, anonymisation and retention purge. Written by the code (sudo),
    read by managers, never changed."""

    _name = "concierge.privacy.log"
    _description = "Personal data log"
    _order = "date desc, id desc"
    _rec_name = "action"

    date = fields.Datetime(default=fields.Datetime.now, required=True, readonly=True)
    action = fields.Selection(PRIVACY_ACTIONS, required=True, readonly=True)
    partner_id = fields.Many2one(
        "res.partner", string="Person", ondelete="set null", index=True, readonly=True
    )
    partner_ref = fields.Char(
        string="Person reference",
        readonly=True,
        help="Internal number of the contact, kept when the contact is "
        "deleted (no name: the log holds no personal data).",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Done by",
        default=lambda self: self.env.user,
        readonly=True,
        ondelete="set null",
    )
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, readonly=True
    )
    detail = fields.Text(
        readonly=True, help="What was exported, erased or purged (field names)."
    )

    @api.model
    def _concierge_log(self, action, partners, details=None):
        """Log ``action`` on ``partners``; ``details`` maps a partner id to
        the text of what was done to it."""
        details = details or {}
        return self.sudo().create(
            [
                {
                    "action": action,
                    "partner_id": partner.id,
                    "partner_ref": f"#{partner.id}",
                    "user_id": self.env.user.id,
                    "company_id": (partner.company_id or self.env.company).id,
                    "detail": details.get(partner.id) or False,
                }
                for partner in partners
            ]
        )
