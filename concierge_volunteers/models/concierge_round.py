# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import timedelta

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from odoo.addons.concierge_base.models.concierge_state_guard import transition

from .concierge_vehicle import DEFAULT_SPEED, DEFAULT_STOP_MINUTES
from .round_ordering import commune_key, order_points, schedule

# a round plans the requests due within this many days of it by default
DEFAULT_HORIZON_DAYS = 7
# the fields of a commune stop a recurring round copies from its template
TEMPLATE_STOP_FIELDS = (
    "sequence",
    "commune",
    "zip",
    "insee_code",
    "place",
    "hour_from",
    "hour_to",
    "latitude",
    "longitude",
)


def hhmm(hour):
    """``hour`` (a float) as 09:30."""
    minutes = round(hour * 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class ConciergeRound(models.Model):
    _name = "concierge.round"
    _description = "Round of the conciergerie"
    _inherit = ["mail.thread", "concierge.state.guard"]
    _order = "date desc, hour_start, id desc"
    _check_company_auto = True
    # transition table: {button: states it may start from} (concierge.state.guard)
    _concierge_transitions = {
        "action_plan": ("draft",),
        "action_confirm": ("draft",),
        "action_start": ("planned",),
        "action_done": ("on_road",),
        "action_cancel": ("draft", "planned"),
        "action_draft": ("planned", "cancelled"),
    }
    # once the vehicle has left, the round is what it drove
    _concierge_locked_fields = (
        (
            ("on_road", "done", "cancelled"),
            ("date", "hour_start", "site_id", "vehicle_id", "company_id", "stop_ids"),
        ),
        (("done",), ("driver_id", "shift_id")),
        (("done", "cancelled"), ("odometer_start", "odometer_end")),
    )

    name = fields.Char(
        compute="_compute_name",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    date = fields.Date(required=True, tracking=True, index=True)
    hour_start = fields.Float(
        string="Departure", default=9.0, required=True, tracking=True
    )
    hour_end = fields.Float(
        string="Back at", readonly=True, copy=False, help="Planned return time."
    )
    site_id = fields.Many2one(
        "concierge.site",
        string="Leaves from",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
        help="The site the vehicle leaves from and comes back to: the requests "
        "of this site are planned on the round.",
    )
    vehicle_id = fields.Many2one(
        "concierge.vehicle", index=True, check_company=True, tracking=True
    )
    capacity = fields.Integer(related="vehicle_id.capacity")
    driver_id = fields.Many2one(
        "res.partner",
        index=True,
        check_company=True,
        tracking=True,
        help="The employee or volunteer who drives: with a portal access, a "
        "volunteer sees the stops of their own rounds only.",
    )
    shift_id = fields.Many2one(
        "concierge.volunteer.shift",
        string="Volunteer shift",
        index="btree_not_null",
        check_company=True,
        domain="[('mission_type', '=', 'delivery')]",
        help="The delivery shift the volunteer driver signed up for: their "
        "hours are counted and valued through it.",
    )
    request_deadline = fields.Date(
        string="Requests due by",
        compute="_compute_request_deadline",
        store=True,
        readonly=False,
        precompute=True,
        help="The planner takes the open requests due by this day (and those "
        "without a deadline), the earliest first.",
    )
    template_id = fields.Many2one(
        "concierge.round",
        string="Generated from",
        index="btree_not_null",
        readonly=True,
        copy=False,
        ondelete="set null",
        help="The round whose commune stops this recurring round copied.",
    )
    stop_ids = fields.One2many(
        "concierge.round.stop", "round_id", string="Stops", copy=True
    )
    stop_count = fields.Integer(compute="_compute_stop_count")
    item_count = fields.Integer(string="Items", compute="_compute_item_count")
    distance_km = fields.Float(
        string="Distance (km)",
        digits=(16, 1),
        readonly=True,
        copy=False,
        help="Straight-line distance of the tour, back to the site included.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("planned", "Planned"),
            ("on_road", "On the road"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    note = fields.Text(help="Instructions for the driver.")
    actual_start = fields.Datetime(
        string="Left at", readonly=True, copy=False, tracking=True
    )
    actual_end = fields.Datetime(
        string="Came back at", readonly=True, copy=False, tracking=True
    )
    odometer_start = fields.Float(
        string="Odometer at departure (km)",
        digits=(16, 1),
        copy=False,
        tracking=True,
        help="Typed by the driver when leaving.",
    )
    odometer_end = fields.Float(
        string="Odometer on return (km)",
        digits=(16, 1),
        copy=False,
        tracking=True,
        help="Typed by the driver when back.",
    )
    km_driven = fields.Float(
        string="Kilometres driven",
        digits=(16, 1),
        compute="_compute_km_driven",
        store=True,
        aggregator="sum",
        help="The odometer on return minus at departure when both are typed, "
        "else the planned distance of the tour.",
    )
    handover_ids = fields.One2many(
        "concierge.round.handover", "round_id", string="Handovers", readonly=True
    )
    picking_ids = fields.One2many(
        "stock.picking",
        "concierge_round_id",
        string="Transfers",
        readonly=True,
        help="The vehicle loaded at the departure and unloaded on return.",
    )

    @api.depends("date", "vehicle_id.name", "site_id.name")
    def _compute_name(self):
        for round_ in self:
            label = round_.vehicle_id.name or round_.site_id.name or ""
            day = round_.date and format_date(self.env, round_.date)
            round_.name = " - ".join(part for part in (label, day) if part) or "/"

    @api.depends("date")
    def _compute_request_deadline(self):
        for round_ in self:
            round_.request_deadline = round_.date and round_.date + timedelta(
                days=DEFAULT_HORIZON_DAYS
            )

    @api.depends("stop_ids")
    def _compute_stop_count(self):
        for round_ in self:
            round_.stop_count = len(round_.stop_ids)

    @api.depends("stop_ids.collect_request_ids", "stop_ids.deliver_request_ids")
    def _compute_item_count(self):
        stops = self.stop_ids.filtered(lambda s: s.state != "skipped")
        requests = stops.collect_request_ids | stops.deliver_request_ids
        counts = requests._concierge_round_item_counts()
        for round_ in self:
            planned = round_.stop_ids.filtered(lambda s: s.state != "skipped")
            round_.item_count = sum(
                counts.get(request.id, 0)
                for request in planned.collect_request_ids | planned.deliver_request_ids
            )

    @api.depends("odometer_start", "odometer_end", "distance_km")
    def _compute_km_driven(self):
        for round_ in self:
            if round_.odometer_start and round_.odometer_end:
                round_.km_driven = round_.odometer_end - round_.odometer_start
            else:
                round_.km_driven = round_.distance_km

    @api.constrains("odometer_start", "odometer_end")
    def _check_odometer(self):
        for round_ in self:
            if round_.odometer_start < 0 or round_.odometer_end < 0:
                raise ValidationError(
                    self.env._(
                        "The odometer of %(name)s cannot be negative.", name=round_.name
                    )
                )
            if round_.odometer_end and round_.odometer_end < round_.odometer_start:
                raise ValidationError(
                    self.env._(
                        "The odometer on return of %(name)s (%(end)s km) is "
                        "below the one at departure (%(start)s km): check the "
                        "figures typed.",
                        name=round_.name,
                        end=round_.odometer_end,
                        start=round_.odometer_start,
                    )
                )

    @api.constrains("hour_start")
    def _check_hour_start(self):
        for round_ in self:
            if not 0 <= round_.hour_start < 24:
                raise ValidationError(
                    self.env._(
                        "The departure of %(name)s must be between 00:00 and 24:00.",
                        name=round_.name,
                    )
                )

    @api.constrains("shift_id", "driver_id")
    def _check_shift(self):
        for round_ in self.filtered("shift_id"):
            shift = round_.shift_id
            if shift.mission_type != "delivery":
                raise ValidationError(
                    self.env._(
                        "The shift %(shift)s is not a delivery shift: a round is "
                        "driven on a delivery shift.",
                        shift=shift.name,
                    )
                )
            volunteers = shift.attendance_ids.filtered(
                lambda a: a.state in ("registered", "attended")
            ).partner_id
            if round_.driver_id and round_.driver_id not in volunteers:
                raise ValidationError(
                    self.env._(
                        "%(driver)s is not signed up for the shift %(shift)s: "
                        "register them on it, or choose the shift they drive on.",
                        driver=round_.driver_id.display_name,
                        shift=shift.name,
                    )
                )

    def write(self, vals):
        result = super().write(vals)
        if {"hour_start", "vehicle_id", "site_id"} & set(vals):
            self.filtered(
                lambda r: r.state in ("draft", "planned")
            )._concierge_schedule()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft_or_cancelled(self):
        driven = self.filtered(lambda r: r.state not in ("draft", "cancelled"))
        if driven:
            raise UserError(
                self.env._(
                    "%(name)s cannot be deleted: it is %(state)s. Cancel it "
                    "first (a round on the road or done stays for the record).",
                    name=driven[0].display_name,
                    state=driven[0]._concierge_state_label(),
                )
            )

    # ------------------------------------------------------------------
    # the drive: order and times
    # ------------------------------------------------------------------
    def _concierge_speed(self):
        """(average speed in km/h, hours at each stop) of the round."""
        self.ensure_one()
        vehicle = self.vehicle_id
        if not vehicle:
            return DEFAULT_SPEED, DEFAULT_STOP_MINUTES / 60.0
        return vehicle.average_speed, vehicle.stop_minutes / 60.0

    def _concierge_stops_to_drive(self):
        self.ensure_one()
        return self.stop_ids.filtered(lambda s: s.state != "skipped").sorted(
            lambda s: (s.sequence, s.id)
        )

    def _concierge_schedule(self, drop_late=False):
        """Planned times of the stops in their order (by sequence), the
        distance of the tour and the return time. A stop reached after its
        window is flagged, or with ``drop_late`` left out of the drive.
        Returns the stops left out."""
        Stop = self.env["concierge.round.stop"]
        left_out = Stop
        for round_ in self:
            stops = round_._concierge_stops_to_drive()
            speed, stop_hours = round_._concierge_speed()
            rows, back_km, back_hour = schedule(
                round_.site_id._concierge_point(),
                [(s._concierge_point(), s.hour_from, s.hour_to) for s in stops],
                round_.hour_start,
                speed,
                stop_hours,
                drop_late=drop_late,
            )
            driven = 0.0
            for stop, (arrival, leg, late, kept) in zip(stops, rows, strict=True):
                if not kept:
                    left_out |= stop
                    continue
                driven += leg
                stop.with_context(concierge_round_schedule=True).write(
                    {"planned_time": arrival, "leg_km": leg, "window_missed": late}
                )
            round_.write(
                {"distance_km": driven + back_km, "hour_end": min(back_hour, 24.0)}
            )
        return left_out

    # ------------------------------------------------------------------
    # the planner
    # ------------------------------------------------------------------
    def _concierge_candidate_domain(self):
        """Open requests of the round's site that need a pick-up (confirmed:
        the item is still at the beneficiary's) or a delivery (ready at the
        desk), due by the round's day, and not on another round."""
        self.ensure_one()
        busy = [
            ("round_id", "!=", self.id),
            ("round_id.state", "!=", "cancelled"),
            ("state", "!=", "skipped"),
        ]
        return [
            ("company_id", "=", self.company_id.id),
            ("site_id", "=", self.site_id.id),
            "|",
            "&",
            ("concierge_round_need", "in", ("pickup", "both")),
            ("state", "=", "confirmed"),
            "&",
            ("concierge_round_need", "in", ("delivery", "both")),
            ("state", "=", "ready"),
            "|",
            ("deadline", "=", False),
            ("deadline", "<=", self.request_deadline),
            ("concierge_round_collect_stop_ids", "not any", busy),
            ("concierge_round_deliver_stop_ids", "not any", busy),
        ]

    def _concierge_check_plannable(self):
        self.ensure_one()
        if not self.vehicle_id:
            raise UserError(
                self.env._(
                    "Choose the vehicle of %(name)s first: its capacity limits "
                    "the planning.",
                    name=self.name,
                )
            )
        if not self.site_id._concierge_point():
            raise UserError(
                self.env._(
                    "Type the latitude and longitude of the site %(site)s (on its "
                    "form, under the address): the round starts and ends there.",
                    site=self.site_id.display_name,
                )
            )
        communes = self.stop_ids.filtered(lambda s: s.kind == "commune")
        if not communes:
            raise UserError(
                self.env._(
                    "Add the commune stops of %(name)s first: the planner takes "
                    "the requests of the people living in those communes.",
                    name=self.name,
                )
            )
        unplaced = communes.filtered(lambda s: not s._concierge_point())
        if unplaced:
            raise UserError(
                self.env._(
                    "Type the latitude and longitude of the stop %(stop)s: the "
                    "planner orders the stops by their coordinates.",
                    stop=unplaced[0].name,
                )
            )
        return True

    def _concierge_area(self):
        """The commune stops of the round by commune key, and by zip code
        when only one stop has it (for the addresses without a city)."""
        self.ensure_one()
        by_name, by_zip = {}, {}
        for stop in self.stop_ids.filtered(lambda s: s.kind == "commune").sorted(
            lambda s: (s.sequence, s.id)
        ):
            by_name.setdefault(stop._concierge_commune_key(), stop)
            if stop.zip:
                by_zip.setdefault(stop.zip.strip(), []).append(stop)
        unique_zip = {
            code: stops[0] for code, stops in by_zip.items() if len(stops) == 1
        }
        return by_name, unique_zip

    def _concierge_assign(self, requests):
        """Group ``requests`` (in their order of priority) by stop within
        the vehicle's capacity: ``(assignment, unfit)``, where assignment
        maps ``("stop", stop)`` or ``("home", partner)`` to the requests to
        collect and to deliver there."""
        self.ensure_one()
        by_name, by_zip = self._concierge_area()
        counts = requests._concierge_round_item_counts()
        capacity = self.vehicle_id.capacity
        assignment, unfit, load = {}, requests.browse(), 0
        for request in requests:
            partner = request.partner_id
            if partner.city:
                commune = by_name.get(commune_key(partner.city))
            else:
                commune = by_zip.get((partner.zip or "").strip())
            if not commune:
                continue
            items = counts.get(request.id, 1)
            if load + items > capacity:
                unfit |= request
                continue
            load += items
            if partner.sudo().concierge_vulnerable:
                key = ("home", partner, commune)
            else:
                key = ("stop", commune, commune)
            direction = "collect" if request.state == "confirmed" else "deliver"
            target = assignment.setdefault(key, {"collect": [], "deliver": []})
            target[direction].append(request.id)
        return assignment, unfit

    def _concierge_home_stops(self, assignment):
        """The home stops of the assignment: those of the round reused, the
        missing ones created at once (at the beneficiary's coordinates, else
        at their commune stop's). Returns {key: stop}."""
        self.ensure_one()
        homes = {
            stop.partner_id: stop
            for stop in self.stop_ids.filtered(lambda s: s.kind == "home")
        }
        stops, missing = {}, []
        for key in assignment:
            kind, target, commune = key
            if kind == "stop":
                stops[key] = target
            elif target in homes:
                stops[key] = homes[target]
                if not stops[key]._concierge_point():
                    point = commune._concierge_point()
                    stops[key].write({"latitude": point[0], "longitude": point[1]})
            else:
                missing.append(key)
        vals_list = []
        for __, partner, commune in missing:
            point = (
                (partner.partner_latitude, partner.partner_longitude)
                if partner.partner_latitude or partner.partner_longitude
                else commune._concierge_point()
            )
            vals_list.append(
                {
                    "round_id": self.id,
                    "kind": "home",
                    "partner_id": partner.id,
                    "commune": partner.city or commune.commune,
                    "zip": partner.zip or commune.zip,
                    "insee_code": commune.insee_code,
                    "sequence": commune.sequence,
                    "latitude": point[0],
                    "longitude": point[1],
                }
            )
        created = self.env["concierge.round.stop"].create(vals_list)
        stops.update(zip(missing, created, strict=True))
        return stops

    def _concierge_order_stops(self):
        """Number the stops of the round along a short tour from its site."""
        self.ensure_one()
        stops = self._concierge_stops_to_drive()
        points = [stop._concierge_point() for stop in stops]
        order = order_points(self.site_id._concierge_point(), points)
        for position, index in enumerate(order):
            stops[index].with_context(concierge_round_schedule=True).write(
                {"sequence": (position + 1) * 10}
            )
        return stops

    @transition
    def _plan_from_requests(self, requests=None):
        """Plan the round from the open work: the candidate requests (of
        ``requests`` when given) grouped by stop within the vehicle's
        capacity, the stops ordered for a short drive, timed, and those
        whose window cannot be met left out. Said in the chatter.

        Returns ``{"planned": requests, "unfit": requests, "late": stops}``.
        """
        self.ensure_one()
        self._check_action("action_plan", self.env._("Planning"))
        self._concierge_check_plannable()
        Request = self.env["concierge.service.request"]
        domain = self._concierge_candidate_domain()
        if requests is not None:
            domain.append(("id", "in", requests.ids))
        candidates = Request.search(domain, order="priority desc, deadline, id")
        # start afresh: every stop emptied and to do
        self.stop_ids.with_context(concierge_round_schedule=True).write(
            {
                "collect_request_ids": [Command.clear()],
                "deliver_request_ids": [Command.clear()],
                "state": "todo",
                "window_missed": False,
            }
        )
        assignment, unfit = self._concierge_assign(candidates)
        stops = self._concierge_home_stops(assignment)
        for key, directions in assignment.items():
            stops[key].write(
                {
                    "collect_request_ids": [Command.set(directions["collect"])],
                    "deliver_request_ids": [Command.set(directions["deliver"])],
                }
            )
        used = set(stops.values())
        self.stop_ids.filtered(lambda s: s.kind == "home" and s not in used).unlink()
        self._concierge_order_stops()
        late = self._concierge_schedule(drop_late=True)
        late_requests = late.collect_request_ids | late.deliver_request_ids
        late_names = {
            stop: ", ".join(
                (stop.collect_request_ids | stop.deliver_request_ids).mapped("name")
            )
            for stop in late
        }
        late.write(
            {
                "collect_request_ids": [Command.clear()],
                "deliver_request_ids": [Command.clear()],
                "state": "skipped",
                "window_missed": True,
                "planned_time": 0.0,
                "leg_km": 0.0,
            }
        )
        planned = (
            candidates.browse(
                [
                    rid
                    for directions in assignment.values()
                    for ids in directions.values()
                    for rid in ids
                ]
            )
            - late_requests
        )
        self._concierge_post_plan(planned, unfit, late, late_names)
        return {"planned": planned, "unfit": unfit, "late": late}

    def _concierge_post_plan(self, planned, unfit, late, late_names):
        """Say in the chatter what the planner did and what it left out."""
        self.ensure_one()
        if not planned and not unfit and not late:
            body = Markup("<p>%s</p>") % self.env._(
                "Planning: no open request to collect or deliver in the "
                "communes of the round."
            )
            self.message_post(body=body)
            return True
        lines = [
            self.env._(
                "Planning: %(count)s requests at %(stops)s stops, %(items)s items "
                "for a capacity of %(capacity)s, %(km)s km, back at %(back)s.",
                count=len(planned),
                stops=len(self._concierge_stops_to_drive()),
                items=self.item_count,
                capacity=self.vehicle_id.capacity,
                km=round(self.distance_km, 1),
                back=hhmm(self.hour_end),
            )
        ]
        if unfit:
            lines.append(
                self.env._(
                    "Not planned, the vehicle is full: %(requests)s. They wait "
                    "for the next round.",
                    requests=", ".join(unfit.mapped("name")),
                )
            )
        for stop in late:
            lines.append(
                self.env._(
                    "Left out, its window (%(start)s-%(end)s) cannot be met: "
                    "%(stop)s (%(requests)s). Widen its window, leave earlier or "
                    "plan it on another round.",
                    start=hhmm(stop.hour_from),
                    end=hhmm(stop.hour_to),
                    stop=stop.name,
                    requests=late_names[stop] or "-",
                )
            )
        body = Markup("").join(Markup("<p>%s</p>") % line for line in lines)
        self.message_post(body=body)
        return True

    # ------------------------------------------------------------------
    # recurrence
    # ------------------------------------------------------------------
    def _prepare_recurring_round_vals(self, day):
        """Values of a round on ``day`` like this template: same site,
        vehicle, driver, departure and commune stops (no request)."""
        self.ensure_one()
        communes = self.stop_ids.filtered(lambda s: s.kind == "commune")
        return {
            "company_id": self.company_id.id,
            "site_id": self.site_id.id,
            "vehicle_id": self.vehicle_id.id,
            "driver_id": self.driver_id.id,
            "hour_start": self.hour_start,
            "date": day,
            "note": self.note,
            "template_id": self.id,
            "stop_ids": [
                Command.create({fname: stop[fname] for fname in TEMPLATE_STOP_FIELDS})
                for stop in communes.sorted(lambda s: (s.sequence, s.id))
            ],
        }

    # ------------------------------------------------------------------
    # buttons
    # ------------------------------------------------------------------
    def action_plan(self):
        for round_ in self:
            round_._plan_from_requests()
        return True

    @transition
    def action_confirm(self):
        self._check_action("action_confirm", self.env._("Confirming the round"))
        for round_ in self:
            if not round_.vehicle_id or not round_.driver_id:
                raise UserError(
                    self.env._(
                        "Choose the vehicle and the driver of %(name)s before "
                        "confirming it.",
                        name=round_.name,
                    )
                )
            if not round_._concierge_stops_to_drive():
                raise UserError(
                    self.env._(
                        "%(name)s has no stop to drive to: plan it or add its stops.",
                        name=round_.name,
                    )
                )
        self._concierge_schedule()
        missed = self.stop_ids.filtered(
            lambda s: s.window_missed and s.state != "skipped"
        )
        if missed:
            stop = missed[0]
            raise UserError(
                self.env._(
                    "The stop %(stop)s is reached at %(time)s, after its window "
                    "(until %(end)s): reorder the stops, leave earlier or widen "
                    "its window.",
                    stop=stop.name,
                    time=hhmm(stop.planned_time),
                    end=hhmm(stop.hour_to),
                )
            )
        self.write({"state": "planned"})
        return True

    @transition
    def action_start(self):
        """Leaving: the items to deliver go into the vehicle (one transfer
        per round), each beneficiary gets the one-time code of their
        handover, the departure time is recorded."""
        self._check_action("action_start", self.env._("Leaving on the round"))
        self.write({"state": "on_road", "actual_start": fields.Datetime.now()})
        for round_ in self:
            round_._concierge_load_vehicle()
            round_._concierge_stops_to_drive()._concierge_create_handovers()
        return True

    # ------------------------------------------------------------------
    # the vehicle's load
    # ------------------------------------------------------------------
    def _concierge_picking(self, source, destination):
        """A transfer of the round's vehicle from ``source`` to
        ``destination`` (an internal transfer of the warehouse)."""
        self.ensure_one()
        warehouse = self.vehicle_id.stock_location_id.warehouse_id
        picking_type = warehouse.int_type_id or self.env[
            "stock.picking.type"
        ].sudo().search(
            [("code", "=", "internal"), ("company_id", "=", self.company_id.id)],
            limit=1,
        )
        return (
            self.env["stock.picking"]
            .sudo()
            .create(
                {
                    "picking_type_id": picking_type.id,
                    "location_id": source.id,
                    "location_dest_id": destination.id,
                    "origin": self.name,
                    "company_id": self.company_id.id,
                    "concierge_round_id": self.id,
                }
            )
        )

    def _concierge_items_to_load(self):
        """The items to deliver on the round that wait ready at the desk."""
        self.ensure_one()
        requests = self._concierge_stops_to_drive().deliver_request_ids
        return requests.filtered(
            lambda r: r.state == "ready"
        ).custody_item_ids.filtered(
            lambda i: (
                i.state == "ready"
                and not i.compartment_id
                and not i.concierge_van_location_id
            )
        )

    def _concierge_load_vehicle(self):
        """Move the items to deliver from the desk into the vehicle, in one
        transfer, owned by their beneficiaries. Returns the transfer."""
        self.ensure_one()
        items = self._concierge_items_to_load()
        if not items or not self.vehicle_id:
            return self.env["stock.picking"]
        vehicle = self.vehicle_id._concierge_location()
        picking = self._concierge_picking(
            self.site_id._concierge_custody_location(), vehicle
        )
        items._concierge_move_in_picking(
            picking,
            lambda item: item.site_id._concierge_custody_location(),
            lambda item: vehicle,
        )
        items.write({"concierge_van_location_id": vehicle.id})
        return picking

    def _concierge_unload_vehicle(self):
        """Back at the desk: the items still in the vehicle (not handed
        over) go back to the desk, in one transfer. Returns the transfer."""
        self.ensure_one()
        vehicle = self.vehicle_id.stock_location_id
        if not vehicle:
            return self.env["stock.picking"]
        items = (
            self.env["concierge.custody.item"]
            .sudo()
            .search(
                [
                    ("concierge_van_location_id", "=", vehicle.id),
                    ("state", "!=", "returned"),
                ]
            )
        )
        if not items:
            return self.env["stock.picking"]
        picking = self._concierge_picking(
            vehicle, self.site_id._concierge_custody_location()
        )
        items._concierge_move_in_picking(
            picking,
            lambda item: vehicle,
            lambda item: item.site_id._concierge_custody_location(),
        )
        items.write({"concierge_van_location_id": False})
        return picking

    @transition
    def action_done(self):
        """Back at the site: the stops not reached are skipped (their
        requests can be planned on another round)."""
        self._check_action("action_done", self.env._("Marking the round done"))
        for round_ in self:
            missed = round_.stop_ids.filtered(lambda s: s.state == "todo")
            if missed:
                missed._concierge_close_absent(self.env._("Stop not reached"))
                round_.message_post(
                    body=self.env._(
                        "Stops not reached, skipped: %(stops)s.",
                        stops=", ".join(missed.mapped("name")),
                    )
                )
            round_._concierge_unload_vehicle()
        self.write({"state": "done", "actual_end": fields.Datetime.now()})
        return True

    @transition
    def action_cancel(self):
        self._check_action("action_cancel", self.env._("Cancelling the round"))
        self.write({"state": "cancelled"})
        return True

    @transition
    def action_draft(self):
        self._check_action("action_draft", self.env._("Resetting the round to draft"))
        self.write({"state": "draft"})
        return True
