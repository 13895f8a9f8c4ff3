# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    concierge_phone_country_id = fields.Many2one(
        "res.country",
        string="Default country for phone numbers",
        default=lambda self: self.env.ref("base.fr", False),
        help="Phone numbers of beneficiaries without a country are read as "
        "numbers of this country before being stored in E.164 format.",
    )
    concierge_privacy_retention_months = fields.Integer(
        string="Keep sensitive data of inactive people (months)",
        default=24,
        help="The vulnerable status, consent and free-text notes of a person "
        "with no activity (request, custody, shift, invoice, message) for this "
        "many months are purged by a daily job.",
    )

    @api.constrains("concierge_privacy_retention_months")
    def _check_concierge_privacy_retention_months(self):
        for company in self:
            if company.concierge_privacy_retention_months <= 0:
                raise ValidationError(
                    self.env._(
                        "The retention period of %(company)s must be at least one "
                        "month.",
                        company=company.name,
                    )
                )
