# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

from .concierge_volunteer_shift import MAX_SHIFT_HOURS, SEAT_STATES

MANAGER_GROUP = "concierge_base.group_concierge_manager"


class ConciergeVolunteerAttendance(models.Model):
    _name = "concierge.volunteer.attendance"
    _description = "Volunteer attendance"
    _order = "date_start desc, id"
    _check_company_auto = True

    shift_id = fields.Many2one(
        "concierge.volunteer.shift",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Volunteer",
        required=True,
        index=True,
        domain="[('concierge_is_volunteer', '=', True)]",
    )
    state = fields.Selection(
        [
            ("registered", "Registered"),
            ("attended", "Attended"),
            ("absent", "Absent"),
            ("excused", "Excused"),
        ],
        default="registered",
        required=True,
        index=True,
    )
    hours = fields.Float(
        compute="_compute_hours",
        store=True,
        readonly=False,
        aggregator="sum",
        help="Hours of volunteer time: the length of the shift once attended.",
    )
    hours_override = fields.Boolean(
        string="Hours confirmed by a manager",
        groups=MANAGER_GROUP,
        help="Allow more hours than the length of the shift.",
    )
    mission_id = fields.Many2one(related="shift_id.mission_id", store=True)
    mission_type = fields.Selection(related="shift_id.mission_type", store=True)
    site_id = fields.Many2one(related="shift_id.site_id", store=True, index=True)
    company_id = fields.Many2one(related="shift_id.company_id", store=True, index=True)
    date_start = fields.Datetime(related="shift_id.date_start", store=True)
    date_end = fields.Datetime(related="shift_id.date_end")
    date = fields.Date(compute="_compute_date", store=True, index=True)
    shift_state = fields.Selection(related="shift_id.state", string="Shift status")
    valuation_line_ids = fields.One2many(
        "concierge.volunteer.valuation.line", "attendance_id", readonly=True
    )
    valued_hours = fields.Float(
        compute="_compute_valued", store=True, help="Hours already valued."
    )
    valued_amount = fields.Monetary(compute="_compute_valued", store=True)
    valued_rate = fields.Float(
        compute="_compute_valued",
        store=True,
        help="Hourly rate at which this attendance was first valued.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")

    @api.depends("state", "shift_id.duration")
    def _compute_hours(self):
        for attendance in self:
            if attendance.state == "attended":
                attendance.hours = attendance.shift_id.duration
            else:
                attendance.hours = 0.0

    @api.depends("date_start")
    def _compute_date(self):
        for attendance in self:
            attendance.date = (
                attendance.date_start
                and fields.Datetime.context_timestamp(
                    attendance, attendance.date_start
                ).date()
            )

    @api.depends(
        "valuation_line_ids.hours",
        "valuation_line_ids.amount",
        "valuation_line_ids.valuation_id.state",
    )
    def _compute_valued(self):
        for attendance in self:
            lines = attendance.valuation_line_ids.filtered(
                lambda line: line.valuation_id.state == "posted"
            )
            attendance.valued_hours = sum(lines.mapped("hours"))
            attendance.valued_amount = sum(lines.mapped("amount"))
            attendance.valued_rate = lines[:1].rate if lines else 0.0

    def _compute_display_name(self):
        for attendance in self:
            attendance.display_name = "%s - %s" % (
                attendance.partner_id.name or "",
                attendance.shift_id.name or "",
            )

    # ------------------------------------------------------------------
    # constraints
    # ------------------------------------------------------------------
    @api.constrains("partner_id")
    def _check_volunteer(self):
        for attendance in self:
            if not attendance.partner_id.concierge_is_volunteer:
                raise ValidationError(
                    self.env._(
                        "%(name)s is not registered as a volunteer.",
                        name=attendance.partner_id.display_name,
                    )
                )

    @api.constrains("shift_id", "partner_id", "state")
    def _check_signup(self):
        """No volunteer twice on a shift, nor beyond capacity, nor overlapping."""
        held = self.filtered(lambda a: a.state in SEAT_STATES)
        if not held:
            return
        others = self.search(
            [
                ("partner_id", "in", held.partner_id.ids),
                ("state", "in", SEAT_STATES),
                ("date_start", "<", max(held.mapped("date_end"))),
                ("shift_id.date_end", ">", min(held.mapped("date_start"))),
            ]
        )
        by_partner = defaultdict(list)
        for other in others:
            by_partner[other.partner_id].append(other)
        for attendance in held:
            shift = attendance.shift_id
            for other in by_partner[attendance.partner_id]:
                if other == attendance:
                    continue
                if other.shift_id == shift:
                    raise ValidationError(
                        self.env._(
                            "%(name)s is already registered for the shift %(shift)s.",
                            name=attendance.partner_id.display_name,
                            shift=shift.name,
                        )
                    )
                if (
                    other.date_start < shift.date_end
                    and shift.date_start < other.shift_id.date_end
                ):
                    raise ValidationError(
                        self.env._(
                            "%(name)s is already registered for %(other)s, at "
                            "the same time as %(shift)s.",
                            name=attendance.partner_id.display_name,
                            other=other.shift_id.name,
                            shift=shift.name,
                        )
                    )
        for shift in held.shift_id:
            if shift.seats_taken > shift.capacity:
                raise ValidationError(
                    self.env._(
                        "The shift %(name)s is full (%(capacity)s volunteers).",
                        name=shift.name,
                        capacity=shift.capacity,
                    )
                )

    @api.constrains("hours", "hours_override")
    def _check_hours(self):
        for attendance in self.sudo():
            if attendance.hours < 0:
                raise ValidationError(
                    self.env._(
                        "The hours of %(name)s cannot be negative.",
                        name=attendance.display_name,
                    )
                )
            if float_compare(attendance.hours, MAX_SHIFT_HOURS, precision_digits=2) > 0:
                raise ValidationError(
                    self.env._(
                        "%(name)s: %(hours)s hours is more than a day. Type the "
                        "hours given on this shift, %(max)s at most.",
                        name=attendance.display_name,
                        hours=round(attendance.hours, 2),
                        max=MAX_SHIFT_HOURS,
                    )
                )
            too_many = (
                float_compare(
                    attendance.hours,
                    attendance.shift_id.duration,
                    precision_digits=2,
                )
                > 0
            )
            if too_many and not attendance.hours_override:
                raise ValidationError(
                    self.env._(
                        "%(name)s: %(hours)s hours is more than the length of "
                        "the shift (%(duration)s hours). A manager must confirm "
                        "these hours.",
                        name=attendance.display_name,
                        hours=round(attendance.hours, 2),
                        duration=round(attendance.shift_id.duration, 2),
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        attendances = super().create(vals_list)
        attendances.filtered(lambda a: a.state == "attended")._concierge_attended()
        return attendances

    def write(self, vals):
        before = self.filtered(lambda a: a.state != "attended")
        res = super().write(vals)
        if vals.get("state") == "attended":
            before._concierge_attended()
        return res

    def _concierge_attended(self):
        """A volunteer attended: the requests served by the shifts move on."""
        shifts = self.shift_id.filtered("service_request_id")
        if shifts:
            shifts._concierge_advance_requests()

    # ------------------------------------------------------------------
    # actions
    # ------------------------------------------------------------------
    def _check_shift_not_cancelled(self):
        cancelled = self.filtered(lambda a: a.shift_id.state == "cancelled")
        if cancelled:
            raise UserError(
                self.env._(
                    "The shift %(shift)s is cancelled: its attendance cannot be "
                    "marked. Reset the shift to draft and open it first.",
                    shift=cancelled[0].shift_id.display_name,
                )
            )
        return True

    def action_attended(self):
        self._check_shift_not_cancelled()
        self.write({"state": "attended"})
        return True

    def action_absent(self):
        self._check_shift_not_cancelled()
        self.write({"state": "absent"})
        return True

    def action_excused(self):
        self._check_shift_not_cancelled()
        self.write({"state": "excused"})
        return True
