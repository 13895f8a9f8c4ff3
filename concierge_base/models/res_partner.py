# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

PHONE_FIELDS = ("phone", "mobile")
FUNDER_TYPES = [
    ("commune", "Commune"),
    ("epci", "Intercommunality (EPCI)"),
    ("departement", "Département"),
    ("region", "Region"),
    ("state", "State"),
    ("eu", "European Union"),
    ("foundation", "Foundation"),
    ("company", "Company (sponsorship)"),
    ("citizens", "Citizens (crowdfunding)"),
    ("other", "Other"),
]
PUBLIC_FUNDER_TYPES = ("commune", "epci", "departement", "region", "state", "eu")


class ResPartner(models.Model):
    _inherit = "res.partner"

    concierge_beneficiary_type = fields.Selection(
        [
            ("inhabitant", "Inhabitant"),
            ("employee", "Employee"),
            ("company", "Company"),
            ("establishment", "Establishment"),
        ],
        string="Beneficiary type",
        index=True,
        tracking=True,
        help="Set to make this contact a beneficiary of the conciergerie.",
    )
    concierge_employer_id = fields.Many2one(
        "res.partner",
        string="Employer",
        index=True,
        domain="[('is_company', '=', True)]",
        help="Company employing this beneficiary: its subscription and "
        "prices may apply.",
    )
    concierge_employee_ids = fields.One2many(
        "res.partner", "concierge_employer_id", string="Employees (beneficiaries)"
    )
    concierge_employee_count = fields.Integer(
        string="Beneficiary employees", compute="_compute_concierge_employee_count"
    )
    concierge_site_id = fields.Many2one(
        "concierge.site",
        string="Home site",
        index=True,
        help="The conciergerie site this beneficiary usually goes to.",
    )
    concierge_vulnerable = fields.Boolean(
        string="Vulnerable person",
        groups="concierge_base.group_concierge_user",
        tracking=True,
        help="Reduced mobility or fragile person: deliveries and visits may "
        "be organised. Requires the person's consent.",
    )
    concierge_consent_date = fields.Date(
        string="Consent date",
        groups="concierge_base.group_concierge_user",
        help="Date the person agreed that the conciergerie keeps this "
        "information (GDPR).",
    )

    concierge_funder_type = fields.Selection(
        FUNDER_TYPES,
        string="Funder type",
        index=True,
        tracking=True,
        help="Set to make this contact a funder of the conciergerie.",
    )
    concierge_funder_kind = fields.Selection(
        [("public", "Public"), ("private", "Private")],
        string="Funding kind",
        compute="_compute_concierge_funder_kind",
        store=True,
        help="Public: local authorities, the State and the European Union; "
        "private: foundations, companies, citizens and others.",
    )
    concierge_funding_agreement_ids = fields.One2many(
        "concierge.funding.agreement", "funder_id", string="Funding agreements"
    )
    concierge_funding_agreement_count = fields.Integer(
        string="Funding agreement count",
        compute="_compute_concierge_funding_agreement_count",
    )

    @api.depends("concierge_funder_type")
    def _compute_concierge_funder_kind(self):
        for partner in self:
            funder_type = partner.concierge_funder_type
            if not funder_type:
                partner.concierge_funder_kind = False
            elif funder_type in PUBLIC_FUNDER_TYPES:
                partner.concierge_funder_kind = "public"
            else:
                partner.concierge_funder_kind = "private"

    def _compute_concierge_funding_agreement_count(self):
        groups = self.env["concierge.funding.agreement"]._read_group(
            [("funder_id", "in", self.ids)], ["funder_id"], ["__count"]
        )
        counts = {partner.id: count for partner, count in groups}
        for partner in self:
            partner.concierge_funding_agreement_count = counts.get(partner.id, 0)

    def action_view_concierge_funding_agreements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "concierge_base.action_concierge_funding_agreement"
        )
        action["domain"] = [("funder_id", "=", self.id)]
        action["context"] = {"default_funder_id": self.id}
        return action

    @api.depends("concierge_employee_ids")
    def _compute_concierge_employee_count(self):
        groups = self._read_group(
            [("concierge_employer_id", "in", self.ids)],
            ["concierge_employer_id"],
            ["__count"],
        )
        counts = {partner.id: count for partner, count in groups}
        for partner in self:
            partner.concierge_employee_count = counts.get(partner.id, 0)

    # ------------------------------------------------------------------
    # constraints
    # ------------------------------------------------------------------
    @api.constrains("concierge_vulnerable", "concierge_consent_date")
    def _check_concierge_consent(self):
        for partner in self.sudo():
            if partner.concierge_vulnerable and not partner.concierge_consent_date:
                raise ValidationError(
                    self.env._(
                        "%(name)s is marked as a vulnerable person: record the "
                        "date on which the person gave consent.",
                        name=partner.display_name,
                    )
                )

    @api.constrains("concierge_site_id", "company_id")
    def _check_concierge_site_company(self):
        for partner in self:
            site = partner.concierge_site_id
            if site and partner.company_id and site.company_id != partner.company_id:
                raise ValidationError(
                    self.env._(
                        "The home site %(site)s belongs to %(site_company)s, "
                        "not to %(company)s, the company of %(name)s.",
                        site=site.name,
                        site_company=site.company_id.name,
                        company=partner.company_id.name,
                        name=partner.display_name,
                    )
                )

    @api.constrains("concierge_employer_id")
    def _check_concierge_employer(self):
        for partner in self:
            employer = partner.concierge_employer_id
            if not employer:
                continue
            if employer == partner:
                raise ValidationError(
                    self.env._(
                        "%(name)s cannot be its own employer.", name=partner.name
                    )
                )
            if not employer.is_company:
                raise ValidationError(
                    self.env._(
                        "The employer of %(name)s must be a company: "
                        "%(employer)s is an individual.",
                        name=partner.display_name,
                        employer=employer.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # phone normalisation
    # ------------------------------------------------------------------
    def _concierge_phone_country(self, country=None):
        """Country used to read a beneficiary's phone numbers."""
        return (
            country
            or self.country_id
            or self.env.company.concierge_phone_country_id
            or self.env.ref("base.fr")
        )

    def _concierge_format_phone(self, number, country):
        """Return ``number`` in E.164, or raise a ValidationError."""
        if not number:
            return number
        try:
            formatted = self._phone_format_number(
                number, country, force_format="E164", raise_exception=True
            )
        except UserError as error:
            raise ValidationError(
                self.env._(
                    "The phone number %(number)s of %(name)s cannot be read as a "
                    "phone number of %(country)s. Type it in full, for example "
                    "06 12 34 56 78 or +33 6 12 34 56 78.",
                    number=number,
                    name=self.name or self.env._("this contact"),
                    country=country.name,
                )
            ) from error
        return formatted or number

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("concierge_beneficiary_type"):
                continue
            country = self.env["res.country"].browse(vals.get("country_id"))
            country = self._concierge_phone_country(country)
            named = self.new({"name": vals.get("name")})
            for fname in PHONE_FIELDS:
                if vals.get(fname):
                    vals[fname] = named._concierge_format_phone(vals[fname], country)
        return super().create(vals_list)

    def write(self, vals):
        res = super().write(vals)
        triggers = {"concierge_beneficiary_type", "country_id", *PHONE_FIELDS}
        if triggers.intersection(vals) and not self.env.context.get(
            "concierge_skip_phone_format"
        ):
            self._concierge_normalize_phones()
        return res

    def _concierge_normalize_phones(self):
        """Store the phones of beneficiaries in E.164 format."""
        for partner in self.filtered("concierge_beneficiary_type"):
            country = partner._concierge_phone_country()
            updates = {}
            for fname in PHONE_FIELDS:
                number = partner[fname]
                if number:
                    formatted = partner._concierge_format_phone(number, country)
                    if formatted != number:
                        updates[fname] = formatted
            if updates:
                partner.with_context(concierge_skip_phone_format=True).write(updates)

    def action_view_concierge_employees(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "concierge_base.action_concierge_beneficiary"
        )
        action["domain"] = [("concierge_employer_id", "=", self.id)]
        action["context"] = {
            "default_concierge_employer_id": self.id,
            "default_concierge_beneficiary_type": "employee",
        }
        return action
