# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.concierge_base.models.concierge_state_guard import transition

# attendance states that hold a seat of the shift
SEAT_STATES = ("registered", "attended", "absent")
# a shift (and the hours one volunteer gives on it) fits in a day
MAX_SHIFT_HOURS = 24


class ConciergeVolunteerShift(models.Model):
    _name = "concierge.volunteer.shift"
    _description = "Volunteer shift"
    _inherit = ["mail.thread", "concierge.state.guard"]
    _order = "date_start, id"
    _check_company_auto = True
    # transition table: {button: states it may start from} (concierge.state.guard)
    # a shift is prepared as a draft, or opened for sign-up at once
    _concierge_create_states = ("draft", "open")
    _concierge_transitions = {
        "action_open": ("draft",),
        "action_done": ("open",),
        "action_cancel": ("draft", "open"),
        "action_draft": ("cancelled",),
    }
    # a done shift is what its volunteers' hours (and their valuation) were
    # counted from: the form shows it read-only, write() refuses it
    _concierge_locked_fields = (
        (
            ("done",),
            (
                "mission_id",
                "site_id",
                "company_id",
                "date_start",
                "date_end",
                "capacity",
                "service_request_id",
            ),
        ),
    )

    name = fields.Char(compute="_compute_name", store=True)
    mission_id = fields.Many2one(
        "concierge.volunteer.mission",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
    )
    mission_type = fields.Selection(related="mission_id.mission_type", store=True)
    skill_ids = fields.Many2many(related="mission_id.skill_ids")
    site_id = fields.Many2one(
        "concierge.site",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
        compute="_compute_site_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    date_start = fields.Datetime(string="Start", required=True, tracking=True)
    date_end = fields.Datetime(string="End", required=True, tracking=True)
    duration = fields.Float(
        string="Length (hours)", compute="_compute_duration", store=True
    )
    capacity = fields.Integer(
        default=1, required=True, help="How many volunteers the shift needs."
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("open", "Open for sign-up"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="open",
        required=True,
        index=True,
        tracking=True,
    )
    attendance_ids = fields.One2many(
        "concierge.volunteer.attendance", "shift_id", string="Volunteers"
    )
    seats_taken = fields.Integer(compute="_compute_seats", store=True)
    seats_available = fields.Integer(compute="_compute_seats", store=True)
    signup_deadline = fields.Datetime(
        compute="_compute_signup_deadline",
        help="Volunteers sign up or withdraw on the portal until this time.",
    )
    service_request_id = fields.Many2one(
        "concierge.service.request",
        string="Service request",
        index=True,
        check_company=True,
        tracking=True,
        groups="concierge_base.group_concierge_user",
        domain="[('state', 'in', ('confirmed', 'in_progress', 'ready'))]",
        help="The request this delivery or visit serves: when a volunteer "
        "attends the shift, the request moves on.",
    )
    note = fields.Text(
        groups="concierge_base.group_concierge_user",
        help="Private: may hold the address and door code of the person "
        "served. Volunteers see it on the portal only once signed up.",
    )
    color = fields.Integer(related="mission_id.color")
    concierge_portal_open = fields.Boolean(
        string="Open to me",
        compute="_compute_concierge_portal_open",
        search="_search_concierge_portal_open",
        help="Open shift the current user, a volunteer, may sign up for "
        "(their skills match the mission's).",
    )

    @api.depends("mission_id.name", "date_start")
    def _compute_name(self):
        for shift in self:
            start = shift.date_start and fields.Datetime.context_timestamp(
                shift, shift.date_start
            )
            shift.name = " - ".join(
                part
                for part in (
                    shift.mission_id.name,
                    start and start.strftime("%Y-%m-%d %H:%M"),
                )
                if part
            )

    @api.depends("mission_id")
    def _compute_site_id(self):
        for shift in self:
            if not shift.site_id and shift.mission_id.site_id:
                shift.site_id = shift.mission_id.site_id

    @api.depends("date_start", "date_end")
    def _compute_duration(self):
        for shift in self:
            if shift.date_start and shift.date_end:
                delta = shift.date_end - shift.date_start
                shift.duration = delta.total_seconds() / 3600.0
            else:
                shift.duration = 0.0

    @api.depends("capacity", "attendance_ids.state")
    def _compute_seats(self):
        groups = self.env["concierge.volunteer.attendance"]._read_group(
            [("shift_id", "in", self.ids), ("state", "in", SEAT_STATES)],
            ["shift_id"],
            ["__count"],
        )
        taken = {shift.id: count for shift, count in groups}
        for shift in self:
            shift.seats_taken = taken.get(shift.id, 0)
            shift.seats_available = shift.capacity - shift.seats_taken

    @api.depends_context("uid")
    def _compute_concierge_portal_open(self):
        shifts = self.sudo()._concierge_open_for(self.env.user.partner_id)
        for shift in self:
            shift.concierge_portal_open = shift.id in shifts.ids

    def _search_concierge_portal_open(self, operator, value):
        """Shifts open to the current user (used by the portal record rule,
        which Odoo evaluates as superuser: the search runs without rules)."""
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("This search on open shifts is not supported."))
        shifts = self.sudo()._concierge_open_for(self.env.user.partner_id)
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", shifts.ids)]

    @api.depends("date_start", "company_id.concierge_volunteer_signup_delay")
    def _compute_signup_deadline(self):
        for shift in self:
            delay = shift.company_id.concierge_volunteer_signup_delay
            shift.signup_deadline = shift.date_start and shift.date_start - timedelta(
                hours=delay
            )

    # ------------------------------------------------------------------
    # constraints
    # ------------------------------------------------------------------
    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for shift in self:
            if shift.date_end <= shift.date_start:
                raise ValidationError(
                    self.env._(
                        "The shift %(name)s ends before it starts: check its "
                        "start and end.",
                        name=shift.name,
                    )
                )
            if shift.date_end - shift.date_start > timedelta(hours=MAX_SHIFT_HOURS):
                raise ValidationError(
                    self.env._(
                        "The shift %(name)s lasts more than %(max)s hours: check "
                        "its start and end, or split it into several shifts.",
                        name=shift.name,
                        max=MAX_SHIFT_HOURS,
                    )
                )

    @api.constrains("capacity")
    def _check_capacity(self):
        for shift in self:
            if shift.capacity <= 0:
                raise ValidationError(
                    self.env._(
                        "The shift %(name)s needs at least one volunteer: its "
                        "capacity must be greater than zero.",
                        name=shift.name,
                    )
                )
            if shift.seats_taken > shift.capacity:
                raise ValidationError(
                    self.env._(
                        "The shift %(name)s already has %(count)s volunteers: "
                        "its capacity cannot be lower.",
                        name=shift.name,
                        count=shift.seats_taken,
                    )
                )

    @api.constrains("service_request_id", "mission_id")
    def _check_service_request(self):
        for shift in self:
            if shift.service_request_id and shift.mission_type != "delivery":
                raise ValidationError(
                    self.env._(
                        "Only a delivery or visit shift can serve a service "
                        "request: %(name)s is not one.",
                        name=shift.name,
                    )
                )

    def _concierge_advance_requests(self):
        """Move on the requests served by these attended shifts.

        A confirmed request is now in progress; a ready one is handed back
        to the beneficiary by the volunteer: its items are returned, its
        other lines delivered, and it is closed when complete.
        """
        requests = self.service_request_id
        to_start = requests.filtered(lambda r: r.state == "confirmed")
        to_start.action_start()
        to_hand_back = requests.filtered(lambda r: r.state == "ready")
        if to_hand_back:
            to_hand_back.action_hand_back()
            still = to_hand_back.filtered(lambda r: r.state == "ready")
            still.line_ids.filtered(
                lambda line: (
                    line.state == "to_do"
                    and all(i.state == "returned" for i in line.custody_item_ids)
                )
            ).action_deliver()
            still._close_if_complete()
        for shift in self.filtered("service_request_id"):
            volunteers = shift.attendance_ids.filtered(
                lambda a: a.state == "attended"
            ).partner_id
            shift.service_request_id.message_post(
                body=self.env._(
                    "Delivery or visit by %(volunteers)s (volunteer shift %(shift)s).",
                    volunteers=", ".join(volunteers.mapped("name")),
                    shift=shift.name,
                )
            )
        return True

    # ------------------------------------------------------------------
    # actions
    # ------------------------------------------------------------------
    @transition
    def action_open(self):
        self._check_action("action_open", self.env._("Opening for sign-up"))
        self.write({"state": "open"})
        return True

    @transition
    def action_done(self):
        """Close the shifts: volunteers still registered are counted present."""
        self._check_action("action_done", self.env._("Marking as done"))
        self.attendance_ids.filtered(lambda a: a.state == "registered").write(
            {"state": "attended"}
        )
        self.write({"state": "done"})
        return True

    @transition
    def action_cancel(self):
        self._check_action("action_cancel", self.env._("Cancelling"))
        self.attendance_ids.filtered(lambda a: a.state == "registered").write(
            {"state": "excused"}
        )
        self.write({"state": "cancelled"})
        return True

    @transition
    def action_draft(self):
        self._check_action("action_draft", self.env._("Resetting to draft"))
        self.write({"state": "draft"})
        return True

    # ------------------------------------------------------------------
    # sign-up (portal)
    # ------------------------------------------------------------------
    def _concierge_open_for(self, partner, domain=None):
        """Open shifts, not started yet, whose mission skills ``partner`` has
        (none when ``partner`` is not a volunteer), within ``domain`` if
        given (e.g. the days of a week)."""
        if not partner.sudo().concierge_is_volunteer:
            return self.browse()
        skills = partner.sudo().concierge_volunteer_skill_ids
        shifts = self.search(
            [
                ("state", "=", "open"),
                ("date_start", ">", fields.Datetime.now()),
                *(domain or []),
            ]
        )
        missions = shifts.mission_id._matches_skills(skills)
        return shifts.filtered(lambda s: s.mission_id in missions)

    def _concierge_check_deadline(self):
        now = fields.Datetime.now()
        for shift in self:
            if now > shift.signup_deadline:
                raise UserError(
                    self.env._(
                        "The sign-up deadline of %(name)s has passed: please "
                        "call the conciergerie.",
                        name=shift.name,
                    )
                )

    def _concierge_signup(self, partner):
        """Register ``partner`` on the shift, as a volunteer does on the portal."""
        self.ensure_one()
        if not partner.concierge_is_volunteer:
            raise UserError(
                self.env._(
                    "%(name)s is not registered as a volunteer.",
                    name=partner.display_name,
                )
            )
        if self.state != "open":
            raise UserError(
                self.env._(
                    "The shift %(name)s is not open for sign-up.", name=self.name
                )
            )
        if self not in self._concierge_open_for(partner):
            raise UserError(
                self.env._(
                    "The shift %(name)s needs skills you have not registered.",
                    name=self.name,
                )
            )
        self._concierge_check_deadline()
        return self.env["concierge.volunteer.attendance"].create(
            {"shift_id": self.id, "partner_id": partner.id, "state": "registered"}
        )

    def _concierge_withdraw(self, partner):
        """Remove the registration of ``partner``, as done on the portal."""
        self.ensure_one()
        attendance = self.attendance_ids.filtered(
            lambda a: a.partner_id == partner and a.state == "registered"
        )
        if not attendance:
            raise UserError(
                self.env._(
                    "You are not registered for the shift %(name)s.", name=self.name
                )
            )
        self._concierge_check_deadline()
        attendance.unlink()
