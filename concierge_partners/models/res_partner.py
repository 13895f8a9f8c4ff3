# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import re

from stdnum.fr import siret

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .concierge_commission_agreement import COMMISSION_MODELS

# APE/NAF activity code: 2 digits, a dot (often left out), 2 digits and a
# letter (56.10A); codes of the former nomenclature have one digit (52.7A)
NAF_CODE = re.compile(r"^\d{2}\.?\d{1,2}[A-Z]$", re.IGNORECASE)


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
    # not "SIRET": the French localisation's own field on contacts has it
    concierge_siret = fields.Char(
        string="Provider SIRET",
        size=17,
        help="14-digit French establishment number of the provider, checked.",
    )
    concierge_siren = fields.Char(
        string="SIREN",
        compute="_compute_concierge_siren",
        help="9-digit French company number: the first digits of the SIRET.",
    )
    concierge_naf_code = fields.Char(
        string="Activity code (NAF)",
        size=8,
        help="Main activity code (APE/NAF) of the establishment.",
    )
    concierge_ess = fields.Boolean(
        string="Social economy (ESS)",
        help="Member of the social and solidarity economy (ESS).",
    )
    concierge_charter_date = fields.Date(
        string="Charter signed on",
        help="Date the provider signed the conciergerie's quality charter.",
    )
    concierge_category_ids = fields.Many2many(
        "concierge.service.category",
        "concierge_provider_category_rel",
        "partner_id",
        "category_id",
        string="Categories served",
    )
    concierge_agreement_ids = fields.One2many(
        "concierge.commission.agreement",
        "provider_id",
        string="Commission agreements",
    )
    concierge_agreement_count = fields.Integer(
        compute="_compute_concierge_agreement_count"
    )
    concierge_commission_model = fields.Selection(
        COMMISSION_MODELS,
        string="Current agreement",
        compute="_compute_concierge_commission_model",
        help="Model of the commission agreement of the provider valid today.",
    )

    @api.depends("concierge_siret")
    def _compute_concierge_siren(self):
        for partner in self:
            partner.concierge_siren = (partner.concierge_siret or "")[:9] or False

    def _compute_concierge_agreement_count(self):
        groups = self.env["concierge.commission.agreement"]._read_group(
            [("provider_id", "in", self.ids)], ["provider_id"], ["__count"]
        )
        counts = {partner.id: count for partner, count in groups}
        for partner in self:
            partner.concierge_agreement_count = counts.get(partner.id, 0)

    def _compute_concierge_commission_model(self):
        """Model of the agreement valid today: one search for all partners.
        Anyone who sees the partner sees this label (the agreement itself
        stays protected by its access rights)."""
        today = fields.Date.context_today(self)
        agreements = (
            self.env["concierge.commission.agreement"]
            .sudo()
            .search(
                [
                    ("provider_id", "in", self.ids),
                    ("company_id", "in", self.env.companies.ids),
                    ("date_start", "<=", today),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", today),
                ],
                order="date_start desc, id desc",
            )
        )
        models_by_provider = {}
        for agreement in agreements:
            models_by_provider.setdefault(
                agreement.provider_id.id, agreement.commission_model
            )
        for partner in self:
            partner.concierge_commission_model = models_by_provider.get(
                partner.id, False
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

    @api.constrains("concierge_naf_code")
    def _check_concierge_naf_code(self):
        for partner in self:
            code = (partner.concierge_naf_code or "").strip()
            if code and not NAF_CODE.match(code):
                raise ValidationError(
                    self.env._(
                        "The activity code %(code)s of %(name)s is not an APE/NAF "
                        "code: it reads like 56.10A (4 digits and a letter).",
                        code=partner.concierge_naf_code,
                        name=partner.display_name,
                    )
                )

    def _concierge_is_suite_contact(self):
        return super()._concierge_is_suite_contact() or self.concierge_is_provider

    @api.constrains("concierge_is_provider")
    def _check_concierge_provider_contact_data(self):
        return self._check_concierge_contact_data()

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

    def action_concierge_registry_lookup(self):
        """Look the SIRET up in the public company registry and show what
        would change before anything is written."""
        self.ensure_one()
        if not self.concierge_siret:
            raise UserError(
                self.env._("Enter the SIRET of the provider before looking it up.")
            )
        Wizard = self.env["concierge.provider.lookup.wizard"]
        answer = Wizard._fetch(self.concierge_siret)
        values = Wizard._prepare_values(self.concierge_siret, answer)
        wizard = Wizard.create(dict(values, partner_id=self.id))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Company registry"),
            "res_model": wizard._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_view_concierge_agreements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "concierge_partners.action_concierge_commission_agreement"
        )
        action["domain"] = [("provider_id", "=", self.id)]
        action["context"] = {"default_provider_id": self.id}
        return action

    # ------------------------------------------------------------------
    # personal data (GDPR): a self-employed provider is a person
    # ------------------------------------------------------------------
    def _concierge_privacy_data(self):
        data = super()._concierge_privacy_data()
        partner = self.sudo()
        if partner.concierge_is_provider:
            data["provider"] = self._concierge_privacy_section(
                self.env._("Provider"),
                partner,
                [
                    "concierge_provider_kind",
                    "concierge_siret",
                    "concierge_naf_code",
                    "concierge_charter_date",
                    "concierge_category_ids",
                ],
            )
            data["commission_agreements"] = self._concierge_privacy_section(
                self.env._("Commission agreements"),
                partner.concierge_agreement_ids,
                ["name", "commission_model", "basis", "date_start", "date_end"],
            )
        return data
