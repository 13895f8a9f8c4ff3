# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date, datetime, time

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import html2plaintext, is_html_empty

from ..input_checks import plausible_phone, valid_email
from .concierge_state_guard import marshallable

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
MANAGER_GROUP = "concierge_base.group_concierge_manager"
# contact fields erased by the anonymisation (the name is replaced)
ERASED_CONTACT_FIELDS = (
    "email",
    "phone",
    "mobile",
    "street",
    "street2",
    "zip",
    "city",
    "state_id",
    "website",
    "function",
    "title",
    "ref",
    "vat",
    "comment",
    "image_1920",
)


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
    concierge_anonymized_date = fields.Datetime(
        string="Anonymised on",
        readonly=True,
        copy=False,
        groups="concierge_base.group_concierge_user",
        help="The person asked to be forgotten: name, contact data, notes, "
        "vulnerable status and consent were erased on this date.",
    )
    concierge_anonymized_vulnerable = fields.Boolean(
        string="Counted as vulnerable (anonymised)",
        readonly=True,
        copy=False,
        groups="concierge_base.group_concierge_user",
        help="Statistical trace of an anonymised person: the indicators of "
        "vulnerable people served keep counting them.",
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

    def _concierge_is_suite_contact(self):
        """Whether the suite checks the contact data typed for this partner:
        beneficiaries and funders here; providers and volunteers in their
        addons."""
        self.ensure_one()
        return bool(self.concierge_beneficiary_type or self.concierge_funder_type)

    @api.constrains(
        "phone",
        "mobile",
        "email",
        "concierge_beneficiary_type",
        "concierge_funder_type",
    )
    def _check_concierge_contact_data(self):
        """Phones and e-mail of the suite's contacts are read as such. The
        phones of beneficiaries are checked strictly by their E.164
        normalisation; the others leniently here."""
        labels = {"phone": self.env._("phone"), "mobile": self.env._("mobile")}
        for partner in self:
            if not partner._concierge_is_suite_contact():
                continue
            if not partner.concierge_beneficiary_type:
                for fname in PHONE_FIELDS:
                    number = partner[fname]
                    if number and not plausible_phone(number):
                        raise ValidationError(
                            self.env._(
                                "The %(field)s number %(number)s of %(name)s is "
                                "not a phone number: type its 8 to 20 digits, "
                                "for example 06 12 34 56 78 or +33 6 12 34 56 78.",
                                field=labels[fname],
                                number=number,
                                name=partner.display_name,
                            )
                        )
            if partner.email and not valid_email(partner.email):
                raise ValidationError(
                    self.env._(
                        "The e-mail address %(email)s of %(name)s is not valid: "
                        "type one address, for example jeanne.martin@example.fr.",
                        email=partner.email,
                        name=partner.display_name,
                    )
                )
        return True

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

    # ------------------------------------------------------------------
    # personal data (GDPR): right of access (export), right to erasure
    # (anonymisation), retention (purge of inactive people). Each addon adds
    # its part by extending these hooks with super():
    # _concierge_privacy_data, _concierge_check_anonymize,
    # _concierge_anonymize, _concierge_privacy_last_activity,
    # _concierge_privacy_purge_domain and _concierge_privacy_purge.
    # ------------------------------------------------------------------
    def _concierge_check_privacy_manager(self):
        if self.env.su or self.env.user.has_group(MANAGER_GROUP):
            return True
        raise AccessError(
            self.env._(
                "Only a Conciergerie manager may export or anonymise the personal "
                "data of a person."
            )
        )

    # ------------------------------------------------------------------
    # right of access: export
    # ------------------------------------------------------------------
    def _concierge_privacy_value(self, record, fname):
        """The value of ``record[fname]`` as JSON (text, number, list, None)."""
        field = record._fields[fname]
        value = record[fname]
        if field.type == "many2one":
            return value.display_name or None
        if field.type in ("one2many", "many2many"):
            return value.mapped("display_name")
        if field.type == "selection":
            labels = dict(field._description_selection(self.env))
            return labels.get(value) if value else None
        if field.type == "boolean":
            return bool(value)
        if not value and value != 0:
            return None
        if field.type == "date":
            return fields.Date.to_string(value)
        if field.type == "datetime":
            return fields.Datetime.to_string(value)
        if field.type == "html":
            return None if is_html_empty(value) else html2plaintext(value)
        if field.type == "binary":
            return None
        return value

    def _concierge_privacy_section(self, title, records, field_names):
        """One section of the export: its title, the labels of its fields and
        one dict per record, by field name."""
        return {
            "title": title,
            "fields": {
                fname: records._fields[fname]._description_string(self.env)
                for fname in field_names
            },
            "records": [
                {
                    fname: self._concierge_privacy_value(record, fname)
                    for fname in field_names
                }
                for record in records
            ],
        }

    def _concierge_privacy_data(self):
        """Everything the suite holds on this person, by section. Addons add
        their sections with ``super()``."""
        self.ensure_one()
        partner = self.sudo()
        env = self.env
        messages = (
            env["mail.message"]
            .sudo()
            .search(
                [
                    ("message_type", "in", ("email", "comment")),
                    "|",
                    ("author_id", "=", partner.id),
                    "&",
                    ("model", "=", "res.partner"),
                    ("res_id", "=", partner.id),
                ],
                order="date, id",
            )
        )
        moves = (
            env["account.move"]
            .sudo()
            .search(
                [("partner_id", "=", partner.id), ("move_type", "!=", "entry")],
                order="date, id",
            )
        )
        return {
            "contact": self._concierge_privacy_section(
                env._("Contact"),
                partner,
                [
                    "name",
                    "email",
                    "phone",
                    "mobile",
                    "street",
                    "street2",
                    "zip",
                    "city",
                    "state_id",
                    "country_id",
                    "lang",
                    "function",
                    "website",
                    "comment",
                    "create_date",
                ],
            ),
            "beneficiary": self._concierge_privacy_section(
                env._("Beneficiary"),
                partner,
                [
                    "concierge_beneficiary_type",
                    "concierge_employer_id",
                    "concierge_site_id",
                    "concierge_vulnerable",
                    "concierge_consent_date",
                    "concierge_anonymized_date",
                ],
            ),
            "messages": self._concierge_privacy_section(
                env._("Messages"),
                messages,
                ["date", "record_name", "subject", "body"],
            ),
            "invoices": self._concierge_privacy_section(
                env._("Invoices"),
                moves,
                [
                    "name",
                    "move_type",
                    "invoice_date",
                    "amount_total",
                    "state",
                    "payment_state",
                ],
            ),
        }

    def _concierge_privacy_export(self):
        """The export of this person's data (a dict ready for JSON), logged."""
        self._concierge_check_privacy_manager()
        self.ensure_one()
        sections = self._concierge_privacy_data()
        self.env["concierge.privacy.log"]._concierge_log(
            "export",
            self,
            {self.id: ", ".join(s["title"] for s in sections.values() if s["records"])},
        )
        return {
            "person": self.sudo().name,
            "reference": f"#{self.id}",
            "exported_at": fields.Datetime.to_string(fields.Datetime.now()),
            "exported_by": self.env.user.name,
            "company": self.env.company.name,
            "sections": sections,
        }

    def action_concierge_privacy_export_json(self):
        self._concierge_check_privacy_manager()
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/concierge/privacy/{self.id}/export.json",
            "target": "download",
        }

    def action_concierge_privacy_export_pdf(self):
        self._concierge_check_privacy_manager()
        self.ensure_one()
        return marshallable(
            self.env.ref(
                "concierge_base.action_report_concierge_privacy_export"
            ).report_action(self)
        )

    # ------------------------------------------------------------------
    # right to erasure: anonymisation
    # ------------------------------------------------------------------
    def _concierge_check_anonymize(self):
        """Refuse what cannot be anonymised, with the reason. Addons add
        their refusals with ``super()``."""
        for partner in self.sudo().with_context(active_test=False):
            if partner.concierge_anonymized_date:
                raise UserError(
                    self.env._(
                        "%(name)s is already anonymised.", name=partner.display_name
                    )
                )
            if partner.is_company:
                raise UserError(
                    self.env._(
                        "%(name)s is a company: only the data of a person can be "
                        "anonymised.",
                        name=partner.display_name,
                    )
                )
            if partner.user_ids:
                raise UserError(
                    self.env._(
                        "%(name)s has a user account (%(login)s): remove the "
                        "account first, then anonymise the person.",
                        name=partner.display_name,
                        login=", ".join(partner.user_ids.mapped("login")),
                    )
                )
        drafts = (
            self.env["account.move"]
            .sudo()
            .search(
                [
                    ("partner_id", "in", self.ids),
                    ("state", "=", "draft"),
                    ("move_type", "!=", "entry"),
                ]
            )
        )
        if drafts:
            raise UserError(
                self.env._(
                    "%(name)s has invoices or bills in draft (%(moves)s): post or "
                    "delete them first, so that no document is left to issue in "
                    "the person's name.",
                    name=drafts.partner_id[:1].display_name,
                    moves=", ".join(drafts.mapped("display_name")),
                )
            )
        return True

    def _concierge_prepare_anonymize_vals(self):
        self.ensure_one()
        vals = dict.fromkeys(ERASED_CONTACT_FIELDS, False)
        vals.update(
            {
                "name": self.env._("Anonymised person #%(id)s", id=self.id),
                "concierge_vulnerable": False,
                "concierge_consent_date": False,
                "concierge_anonymized_date": fields.Datetime.now(),
                "concierge_anonymized_vulnerable": self.concierge_vulnerable,
            }
        )
        return vals

    def _concierge_anonymize(self):
        """Erase the person's data; what counts (type, site, employer,
        invoices, requests, attendances) stays. Addons erase their part with
        ``super()``."""
        partners = self.sudo().with_context(
            tracking_disable=True, concierge_skip_phone_format=True
        )
        for partner in partners:
            partner.write(partner._concierge_prepare_anonymize_vals())
        Message = self.env["mail.message"].sudo()
        # the chatter of the contact holds its former values (tracking)
        Message.search(
            [("model", "=", "res.partner"), ("res_id", "in", self.ids)]
        ).unlink()
        # what the person wrote elsewhere (mails to the request alias...)
        written = Message.search(
            [
                ("author_id", "in", self.ids),
                ("message_type", "in", ("email", "comment")),
            ]
        )
        written.attachment_ids.unlink()
        written.write(
            {
                "body": Markup("<p>%s</p>")
                % self.env._("Message erased (anonymisation)."),
                "subject": False,
                "email_from": False,
            }
        )
        return True

    def action_concierge_anonymize(self):
        """Anonymise these people on their request (right to erasure)."""
        self._concierge_check_privacy_manager()
        self._concierge_check_anonymize()
        self._concierge_anonymize()
        self.env["concierge.privacy.log"]._concierge_log(
            "anonymize",
            self,
            dict.fromkeys(
                self.ids,
                self.env._(
                    "Name, contact data, notes, vulnerable status, consent and "
                    "messages erased."
                ),
            ),
        )
        for partner in self.sudo():
            partner.message_post(
                body=self.env._(
                    "Personal data anonymised on request by %(user)s.",
                    user=self.env.user.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    # ------------------------------------------------------------------
    # retention: purge of people with no recent activity
    # ------------------------------------------------------------------
    @api.model
    def _concierge_privacy_merge_activity(self, activity, pairs):
        """Keep in ``activity`` ({partner id: datetime}) the latest of the
        (partner id, date or datetime) ``pairs``."""
        for partner_id, when in pairs:
            if not partner_id or not when:
                continue
            if not isinstance(when, datetime) and isinstance(when, date):
                when = datetime.combine(when, time.max)
            if partner_id not in activity or when > activity[partner_id]:
                activity[partner_id] = when
        return activity

    def _concierge_privacy_last_activity(self):
        """{partner id: last activity}: the contact's creation, its consent,
        its invoices, the messages it wrote. Addons add theirs with
        ``super()``."""
        partners = self.sudo()
        activity = self._concierge_privacy_merge_activity(
            {},
            [(p.id, p.create_date) for p in partners]
            + [(p.id, p.concierge_consent_date) for p in partners],
        )
        moves = (
            self.env["account.move"]
            .sudo()
            ._read_group(
                [("partner_id", "in", self.ids), ("move_type", "!=", "entry")],
                ["partner_id"],
                ["date:max"],
            )
        )
        messages = (
            self.env["mail.message"]
            .sudo()
            ._read_group(
                [
                    ("author_id", "in", self.ids),
                    ("message_type", "in", ("email", "comment")),
                ],
                ["author_id"],
                ["date:max"],
            )
        )
        return self._concierge_privacy_merge_activity(
            activity,
            [(partner.id, last) for partner, last in moves]
            + [(partner.id, last) for partner, last in messages],
        )

    @api.model
    def _concierge_privacy_purge_domain(self):
        """Domains (OR-ed) of the people holding data the retention purges."""
        return [
            [("concierge_vulnerable", "=", True)],
            [("concierge_consent_date", "!=", False)],
            [("comment", "!=", False)],
        ]

    def _concierge_privacy_purge(self):
        """Purge the retained data of these people; return {partner id:
        [labels of what was purged]}. Addons purge theirs with ``super()``."""
        purged = {partner.id: [] for partner in self}
        partners = self.sudo().with_context(
            tracking_disable=True, concierge_skip_phone_format=True
        )
        for fname in ("concierge_vulnerable", "concierge_consent_date", "comment"):
            label = partners._fields[fname]._description_string(self.env)
            holders = partners.filtered(
                lambda p, fname=fname: (
                    not is_html_empty(p[fname]) if fname == "comment" else p[fname]
                )
            )
            for partner in holders:
                purged[partner.id].append(label)
            holders.write({fname: False})
        # former values kept by the tracking of the contact
        self.env["mail.tracking.value"].sudo().search(
            [
                ("field_id.model", "=", "res.partner"),
                ("field_id.name", "in", ("concierge_vulnerable",)),
                ("mail_message_id.model", "=", "res.partner"),
                ("mail_message_id.res_id", "in", self.ids),
            ]
        ).unlink()
        return purged

    @api.model
    def _concierge_privacy_inactive(self, now=None):
        """People holding retained data and inactive for longer than the
        retention period of their company."""
        now = now or fields.Datetime.now()
        domains = self._concierge_privacy_purge_domain()
        domain = [("is_company", "=", False)]
        domain += ["|"] * (len(domains) - 1) + [leaf for d in domains for leaf in d]
        candidates = self.sudo().with_context(active_test=False).search(domain)
        inactive = self.browse()
        for start in range(0, len(candidates), 1000):
            chunk = candidates[start : start + 1000]
            activity = chunk._concierge_privacy_last_activity()
            for partner in chunk:
                company = partner.company_id or self.env.company
                months = company.concierge_privacy_retention_months
                limit = now - relativedelta(months=months)
                last = activity.get(partner.id)
                if months > 0 and (not last or last < limit):
                    inactive |= partner
        return inactive

    @api.model
    def _cron_concierge_privacy_purge(self, batch_size=200):
        """Purge the vulnerable status, consent and notes of the people
        inactive for longer than the retention period, one batch per run
        (the cron runs again at once while people remain), logged."""
        inactive = self._concierge_privacy_inactive()
        batch = inactive[:batch_size]
        if batch:
            purged = batch._concierge_privacy_purge()
            self.env["concierge.privacy.log"]._concierge_log(
                "purge",
                batch,
                {pid: ", ".join(labels) for pid, labels in purged.items() if labels},
            )
        self.env["ir.cron"]._notify_progress(
            done=len(batch), remaining=len(inactive) - len(batch)
        )
        return True
