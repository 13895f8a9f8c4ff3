# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import re

from stdnum.fr import siret

from odoo import api, fields, models
from odoo.exceptions import ValidationError


def compact_siret(value):
    """Drop the spaces, dots and dashes people type in a SIRET."""
    return re.sub(r"[\s.\-/]", "", value or "")


class ResPartner(models.Model):
    _inherit = "res.partner"

    concierge_is_provider = fields.Boolean(
        string="Local provider",
        index=True,
        help="Local shop, craftsman, producer or association whose services "
        "or products the conciergerie sells.",
    )
    concierge_provider_kind = fields.Selection(
        [
            ("shop", "Shop"),
            ("craftsman", "Craftsman"),
            ("producer", "Producer"),
            ("association", "Association"),
            ("ess_company", "Social economy company"),
            ("self_employed", "Self-employed"),
        ],
        string="Provider kind",
    )
    concierge_siret = fields.Char(
        string="SIRET", size=17, help="14-digit French establishment number."
    )
    concierge_ess = fields.Boolean(
        string="Social economy (ESS)",
        help="Member of the social and solidarity economy (ESS).",
    )
    concierge_charter_date = fields.Date(
        string="Charter signed on",
        help="Date the provider signed the conciergerie's quality charter.",
    )

    @api.constrains("concierge_siret")
    def _check_concierge_siret(self):
        for partner in self:
            if partner.concierge_siret and not siret.is_valid(partner.concierge_siret):
                raise ValidationError(
                    self.env._(
                        "The SIRET %(siret)s of %(name)s is not valid: it has 14 "
                        "digits and its check digit must match.",
                        siret=partner.concierge_siret,
                        name=partner.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("concierge_siret"):
                vals["concierge_siret"] = compact_siret(vals["concierge_siret"])
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("concierge_siret"):
            vals = dict(vals, concierge_siret=compact_siret(vals["concierge_siret"]))
        return super().write(vals)
