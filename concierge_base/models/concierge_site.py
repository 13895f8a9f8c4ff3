# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import re
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..input_checks import plausible_phone, valid_email
from ..utils import analytic_plan

# INSEE commune code: 5 characters, digits, or 2A/2B for Corsica
INSEE_CODE = re.compile(r"^(\d{5}|2[AB]\d{3})$")


class ConciergeSite(models.Model):
    _name = "concierge.site"
    _description = "Conciergerie site"
    _inherit = ["mail.thread"]
    _order = "sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char(help="Short code used on tickets and reports.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    site_type = fields.Selection(
        [
            ("shop", "Shop"),
            ("company_desk", "Desk in a company"),
            ("locker", "Locker"),
            ("itinerant", "Itinerant round"),
        ],
        string="Type",
        required=True,
        default="shop",
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    manager_id = fields.Many2one(
        "res.users",
        tracking=True,
        check_company=True,
        domain="[('share', '=', False)]",
    )
    host_partner_id = fields.Many2one(
        "res.partner",
        string="Host company",
        help="Company or establishment hosting the desk (desks in a company).",
        domain="[('is_company', '=', True)]",
    )
    analytic_account_id = fields.Many2one(
        "account.analytic.account",
        string="Analytic account",
        check_company=True,
        help="Revenue carrying this analytic account counts for this site in "
        "the funding mix.",
    )
    street = fields.Char()
    street2 = fields.Char()
    zip = fields.Char()
    city = fields.Char()
    country_id = fields.Many2one(
        "res.country", default=lambda self: self.env.ref("base.fr", False)
    )
    insee_code = fields.Char(
        string="Commune INSEE code",
        help="Official code of the commune (Code officiel géographique), "
        "e.g. 69123 for Lyon, 2A004 for Ajaccio.",
    )
    phone = fields.Char()
    email = fields.Char()
    opening_ids = fields.One2many(
        "concierge.site.opening", "site_id", string="Opening hours", copy=True
    )
    opening_summary = fields.Char(compute="_compute_opening_summary")
    note = fields.Html()
    color = fields.Integer()
    beneficiary_count = fields.Integer(compute="_compute_beneficiary_count")

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "A site code must be unique within a company.",
        ),
    ]

    @api.constrains("insee_code")
    def _check_insee_code(self):
        for site in self:
            if site.insee_code and not INSEE_CODE.match(site.insee_code.upper()):
                raise ValidationError(
                    self.env._(
                        "The INSEE code %(code)s of site %(site)s is not valid: "
                        "it has 5 characters, digits (or 2A/2B for Corsica).",
                        code=site.insee_code,
                        site=site.name,
                    )
                )

    @api.constrains("phone", "email")
    def _check_contact(self):
        for site in self:
            if site.phone and not plausible_phone(site.phone):
                raise ValidationError(
                    self.env._(
                        "The phone number %(number)s of site %(site)s is not a "
                        "phone number: type its 8 to 20 digits, for example "
                        "04 78 45 00 12 or +33 4 78 45 00 12.",
                        number=site.phone,
                        site=site.name,
                    )
                )
            if site.email and not valid_email(site.email):
                raise ValidationError(
                    self.env._(
                        "The e-mail address %(email)s of site %(site)s is not "
                        "valid: type one address, for example "
                        "accueil@conciergerie.fr.",
                        email=site.email,
                        site=site.name,
                    )
                )

    @api.depends(
        "opening_ids.dayofweek", "opening_ids.hour_from", "opening_ids.hour_to"
    )
    def _compute_opening_summary(self):
        field = self.env["concierge.site.opening"]._fields["dayofweek"]
        days = dict(field._description_selection(self.env))  # translated labels
        for site in self:
            parts = [
                "%s %s-%s"
                % (
                    days[line.dayofweek][:3],
                    self._float_to_hhmm(line.hour_from),
                    self._float_to_hhmm(line.hour_to),
                )
                for line in site.opening_ids.sorted(
                    lambda o: (o.dayofweek, o.hour_from)
                )
            ]
            site.opening_summary = ", ".join(parts)

    @staticmethod
    def _float_to_hhmm(value):
        hours = int(value)
        minutes = round((value - hours) * 60)
        return "%02d:%02d" % (hours, minutes)

    def _compute_beneficiary_count(self):
        groups = self.env["res.partner"]._read_group(
            [
                ("concierge_site_id", "in", self.ids),
                ("concierge_beneficiary_type", "!=", False),
            ],
            ["concierge_site_id"],
            ["__count"],
        )
        counts = {site.id: count for site, count in groups}
        for site in self:
            site.beneficiary_count = counts.get(site.id, 0)

    def _open_weekdays(self):
        """Weekdays (0 = Monday) on which the site opens; every day if unset."""
        self.ensure_one()
        days = {int(d) for d in self.opening_ids.mapped("dayofweek")}
        return days or set(range(7))

    def _add_opening_days(self, start, days):
        """Return the ``days``-th opening day after ``start`` (a date).

        With ``days`` = 0, the first opening day on or after ``start``.
        """
        self.ensure_one()
        open_days = self._open_weekdays()
        current = start
        if days <= 0:
            while current.weekday() not in open_days:
                current += timedelta(days=1)
            return current
        remaining = days
        while remaining:
            current += timedelta(days=1)
            if current.weekday() in open_days:
                remaining -= 1
        return current

    # ------------------------------------------------------------------
    # analytic account: the revenue of the site in the funding mix
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        sites = super().create(vals_list)
        sites.filtered(lambda s: not s.analytic_account_id)._concierge_create_analytic()
        return sites

    @api.model
    def _concierge_analytic_plan(self):
        """The analytic plan of the sites, created the first time."""
        return analytic_plan(
            self.env,
            "concierge_base.site_analytic_plan_id",
            self.env._("Conciergerie sites"),
        )

    def _concierge_create_analytic(self):
        """Give each site an analytic account of the sites' plan, so that the
        revenue the suite books for a site counts for it in the funding mix.
        Returns the sites."""
        if not self:
            return self
        plan = self._concierge_analytic_plan()
        accounts = (
            self.env["account.analytic.account"]
            .sudo()
            .create(
                [
                    {
                        "name": site.name,
                        "code": site.code or False,
                        "plan_id": plan.id,
                        "company_id": site.company_id.id,
                    }
                    for site in self
                ]
            )
        )
        for site, account in zip(self, accounts, strict=True):
            site.sudo().analytic_account_id = account
        return self

    def _concierge_analytic_distribution(self):
        """The analytic distribution of a line booked for this site, or False
        when the site has no analytic account."""
        self.ensure_one()
        account = self.sudo().analytic_account_id
        return {str(account.id): 100.0} if account else False

    def action_view_beneficiaries(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "concierge_base.action_concierge_beneficiary"
        )
        action["domain"] = [("concierge_site_id", "=", self.id)]
        action["context"] = {
            "default_concierge_site_id": self.id,
            "default_concierge_beneficiary_type": "inhabitant",
        }
        return action
