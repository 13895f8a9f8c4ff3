# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import secrets
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .ics_calendar import build_calendar

VOLUNTEER_GROUP = "concierge_base.group_concierge_user"
MANAGER_GROUP = "concierge_base.group_concierge_manager"
# the calendar feed of a volunteer shows their shifts from this many days back
FEED_PAST_DAYS = 30
# attendances that put a shift in the volunteer's calendar
FEED_STATES = ("registered", "attended")
# free-text data of a volunteer purged after the retention period
PURGED_VOLUNTEER_FIELDS = (
    "concierge_volunteer_availability",
    "concierge_emergency_contact",
    "concierge_round_instructions",
)


class ResPartner(models.Model):
    _inherit = "res.partner"

    concierge_is_volunteer = fields.Boolean(string="Volunteer", index=True)
    concierge_volunteer_skill_ids = fields.Many2many(
        "concierge.volunteer.skill",
        string="Skills",
        groups=VOLUNTEER_GROUP,
    )
    concierge_volunteer_availability = fields.Text(
        string="Weekly availability",
        groups=VOLUNTEER_GROUP,
        help="e.g. Tuesday morning, Friday afternoon.",
    )
    concierge_volunteer_charter_date = fields.Date(
        string="Volunteer charter signed on", groups=VOLUNTEER_GROUP
    )
    concierge_emergency_contact = fields.Char(
        string="Emergency contact",
        groups=VOLUNTEER_GROUP,
        help="Name and phone number of a person to call in an emergency.",
    )
    concierge_round_instructions = fields.Text(
        string="Delivery instructions",
        groups=VOLUNTEER_GROUP,
        help="What the driver of a round needs at this person's door (door "
        "code, floor, whom to ask): shown on the driver's page to the driver "
        "of a round stopping for them only.",
    )
    concierge_volunteer_feed_token = fields.Char(
        string="Calendar feed key",
        groups=MANAGER_GROUP,
        copy=False,
        index="btree_not_null",
        help="Secret key of the volunteer's private calendar link (their "
        "shifts in their phone's calendar). The volunteer creates it and "
        "changes it on the portal; changing it stops the old link.",
    )

    def _concierge_is_suite_contact(self):
        return super()._concierge_is_suite_contact() or self.concierge_is_volunteer

    @api.constrains("concierge_is_volunteer")
    def _check_concierge_volunteer_contact_data(self):
        return self._check_concierge_contact_data()

    @api.constrains("concierge_is_volunteer", "is_company")
    def _check_concierge_volunteer_person(self):
        for partner in self:
            if partner.concierge_is_volunteer and partner.is_company:
                raise ValidationError(
                    self.env._(
                        "%(name)s is a company: only people can be volunteers.",
                        name=partner.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # calendar feed (ICS) of the volunteer's own shifts
    # ------------------------------------------------------------------
    def _concierge_volunteer_feed_token(self, renew=False):
        """The secret key of the volunteer's calendar link, created when
        missing, or replaced by a new one with ``renew`` (the old link then
        shows nothing)."""
        self.ensure_one()
        partner = self.sudo()
        if not partner.concierge_is_volunteer:
            raise UserError(
                self.env._(
                    "%(name)s is not registered as a volunteer.",
                    name=partner.display_name,
                )
            )
        if renew or not partner.concierge_volunteer_feed_token:
            partner.concierge_volunteer_feed_token = secrets.token_urlsafe(32)
        return partner.concierge_volunteer_feed_token

    @api.model
    def _concierge_volunteer_from_feed_token(self, token):
        """The volunteer whose calendar link holds ``token`` (empty when none)."""
        if not token or not isinstance(token, str):
            return self.browse()
        return (
            self.sudo()
            .search(
                [
                    ("concierge_volunteer_feed_token", "=", token),
                    ("concierge_is_volunteer", "=", True),
                ],
                limit=1,
            )
            .sudo(False)
        )

    def _concierge_volunteer_feed_attendances(self):
        """The volunteer's own shifts in the feed: registered or attended,
        from ``FEED_PAST_DAYS`` days back onwards."""
        since = fields.Datetime.now() - timedelta(days=FEED_PAST_DAYS)
        return (
            self.env["concierge.volunteer.attendance"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", self.id),
                    ("state", "in", FEED_STATES),
                    ("date_start", ">=", since),
                ],
                order="date_start, id",
            )
        )

    def _concierge_volunteer_feed_ics(self):
        """The iCalendar feed of the volunteer's own shifts: mission, site
        and its address, start and end; nothing private (no note, no person
        served)."""
        self.ensure_one()
        host = self.get_base_url().split("://", 1)[-1].split("/", 1)[0]
        attendances = self._concierge_volunteer_feed_attendances()
        events = []
        for attendance in attendances:
            shift = attendance.shift_id
            site = shift.site_id
            address = ", ".join(
                part
                for part in (
                    site.street,
                    site.street2,
                    " ".join(p for p in (site.zip, site.city) if p),
                )
                if part
            )
            events.append(
                {
                    "uid": f"concierge-volunteer-attendance-{attendance.id}@{host}",
                    "dtstamp": max(attendance.write_date, shift.write_date),
                    "start": shift.date_start,
                    "end": shift.date_end,
                    "summary": shift.mission_id.name,
                    "location": " - ".join(p for p in (site.name, address) if p),
                }
            )
        company = (attendances.company_id[:1] or self.env.company).sudo()
        env = self.with_context(lang=self.sudo().lang or self.env.lang).env
        return build_calendar(
            env._("Volunteering - %(company)s", company=company.name),
            "-//Concierge Suite//concierge_volunteers//FR",
            events,
        )

    # ------------------------------------------------------------------
    # personal data (GDPR): export, anonymisation, retention
    # ------------------------------------------------------------------
    def _concierge_privacy_attendances(self):
        return (
            self.env["concierge.volunteer.attendance"]
            .sudo()
            .search([("partner_id", "in", self.ids)], order="date_start, id")
        )

    def _concierge_privacy_served_shifts(self):
        """Shifts serving the requests of these people: their notes may hold
        the address and door code of the person."""
        return (
            self.env["concierge.volunteer.shift"]
            .sudo()
            .search([("service_request_id.partner_id", "in", self.ids)])
        )

    def _concierge_privacy_data(self):
        data = super()._concierge_privacy_data()
        env = self.env
        partner = self.sudo()
        if partner.concierge_is_volunteer or partner.concierge_volunteer_skill_ids:
            data["volunteer"] = self._concierge_privacy_section(
                env._("Volunteer"),
                partner,
                [
                    "concierge_is_volunteer",
                    "concierge_volunteer_skill_ids",
                    "concierge_volunteer_availability",
                    "concierge_volunteer_charter_date",
                    "concierge_emergency_contact",
                ],
            )
        data["volunteer_attendances"] = self._concierge_privacy_section(
            env._("Volunteer shifts"),
            self._concierge_privacy_attendances(),
            ["shift_id", "mission_id", "site_id", "date_start", "state", "hours"],
        )
        data["served_shifts"] = self._concierge_privacy_section(
            env._("Deliveries and visits to the person"),
            self._concierge_privacy_served_shifts(),
            ["name", "service_request_id", "date_start", "state", "note"],
        )
        return data

    def _concierge_check_anonymize(self):
        res = super()._concierge_check_anonymize()
        upcoming = self._concierge_privacy_attendances().filtered(
            lambda a: a.state == "registered" and a.date_start > fields.Datetime.now()
        )
        if upcoming:
            raise UserError(
                self.env._(
                    "%(name)s is registered for upcoming volunteer shifts "
                    "(%(shifts)s): withdraw the registrations first.",
                    name=upcoming.partner_id[:1].display_name,
                    shifts=", ".join(upcoming.shift_id.mapped("name")),
                )
            )
        return res

    def _concierge_anonymize(self):
        res = super()._concierge_anonymize()
        self.sudo().write(
            {
                "concierge_volunteer_availability": False,
                "concierge_emergency_contact": False,
                "concierge_volunteer_feed_token": False,
            }
        )
        self._concierge_privacy_served_shifts().write({"note": False})
        return res

    def _concierge_privacy_last_activity(self):
        activity = super()._concierge_privacy_last_activity()
        groups = (
            self.env["concierge.volunteer.attendance"]
            .sudo()
            ._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["date_start:max"]
            )
        )
        return self._concierge_privacy_merge_activity(
            activity, [(partner.id, last) for partner, last in groups]
        )

    @api.model
    def _concierge_privacy_purge_domain(self):
        return [
            *super()._concierge_privacy_purge_domain(),
            [("concierge_volunteer_availability", "!=", False)],
            [("concierge_emergency_contact", "!=", False)],
            [("concierge_round_instructions", "!=", False)],
        ]

    def _concierge_privacy_purge(self):
        purged = super()._concierge_privacy_purge()
        partners = self.sudo()
        for fname in PURGED_VOLUNTEER_FIELDS:
            label = partners._fields[fname]._description_string(self.env)
            holders = partners.filtered(fname)
            for partner in holders:
                purged.setdefault(partner.id, []).append(label)
            holders.write({fname: False})
        shifts = self._concierge_privacy_served_shifts().filtered("note")
        label = self.env._("Notes of the deliveries and visits")
        for partner in shifts.service_request_id.partner_id:
            purged.setdefault(partner.id, []).append(label)
        shifts.write({"note": False})
        return purged
