# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.concierge_base.models.concierge_site import INSEE_CODE
from odoo.addons.concierge_base.models.concierge_state_guard import (
    UNLOCK_KEY,
    transition,
)

from .concierge_round_handover import CODE_LENGTH
from .round_ordering import commune_key

# what the planner and the drive write on a stop of a round on the road
SCHEDULE_FIELDS = {
    "planned_time",
    "leg_km",
    "window_missed",
    "state",
    "done_date",
    "absent_reason",
    "code_failures",
}
# the rounds whose stops are fixed: on the road, done or cancelled
ROUND_FROZEN = ("on_road", "done", "cancelled")
# wrong codes typed at a stop before the code handover is refused there
MAX_CODE_FAILURES = 5


class ConciergeRoundStop(models.Model):
    _name = "concierge.round.stop"
    _description = "Stop of a round"
    _inherit = ["concierge.state.guard"]
    _order = "round_id, sequence, id"
    _check_company_auto = True
    _concierge_transitions = {
        "action_done": ("todo",),
        "action_skip": ("todo",),
        "action_todo": ("done", "skipped"),
        "action_absent": ("todo",),
    }

    round_id = fields.Many2one(
        "concierge.round",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="round_id.company_id", store=True, index=True, precompute=True
    )
    round_state = fields.Selection(related="round_id.state", string="Round state")
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        [("commune", "Commune stop"), ("home", "Home stop")],
        required=True,
        default="commune",
        help="A commune stop waits at a place of the commune at a given time; "
        "a home stop is at the door of a person who cannot come.",
    )
    name = fields.Char(compute="_compute_name", store=True)
    commune = fields.Char(help="Name of the commune, as on the addresses.")
    zip = fields.Char()
    insee_code = fields.Char(string="INSEE code")
    place = fields.Char(help="Where the vehicle waits, e.g. Place de la mairie.")
    partner_id = fields.Many2one(
        "res.partner",
        string="Beneficiary",
        index="btree_not_null",
        check_company=True,
        help="The person visited at home.",
    )
    hour_from = fields.Float(
        string="Window from", default=0.0, help="Earliest arrival at the stop."
    )
    hour_to = fields.Float(
        string="Window to", default=24.0, help="Latest arrival at the stop."
    )
    planned_time = fields.Float(
        readonly=True, copy=False, help="Arrival planned from the order of the stops."
    )
    leg_km = fields.Float(
        string="Distance (km)",
        digits=(16, 1),
        readonly=True,
        copy=False,
        help="Straight-line distance from the previous stop.",
    )
    window_missed = fields.Boolean(
        readonly=True,
        copy=False,
        help="In this order, the vehicle arrives after the stop's window.",
    )
    latitude = fields.Float(
        digits=(10, 7),
        help="Typed for a commune stop; a home stop takes the beneficiary's "
        "coordinates when they are set.",
    )
    longitude = fields.Float(digits=(10, 7))
    collect_request_ids = fields.Many2many(
        "concierge.service.request",
        "concierge_round_stop_collect_rel",
        "stop_id",
        "request_id",
        string="To collect",
        check_company=True,
    )
    deliver_request_ids = fields.Many2many(
        "concierge.service.request",
        "concierge_round_stop_deliver_rel",
        "stop_id",
        "request_id",
        string="To deliver",
        check_company=True,
    )
    item_count = fields.Integer(string="Items", compute="_compute_item_count")
    state = fields.Selection(
        [("todo", "To do"), ("done", "Done"), ("skipped", "Skipped")],
        required=True,
        default="todo",
        copy=False,
        index=True,
    )
    handover_ids = fields.One2many(
        "concierge.round.handover", "stop_id", string="Handovers", readonly=True
    )
    done_date = fields.Datetime(
        string="Served on",
        readonly=True,
        copy=False,
        help="When the last beneficiary of the stop was served.",
    )
    absent_reason = fields.Char(
        string="Why not served",
        readonly=True,
        copy=False,
        help="Said by the driver for the beneficiaries not met at the stop: "
        "their requests stay open for the next round.",
    )
    code_failures = fields.Integer(
        string="Wrong codes",
        readonly=True,
        copy=False,
        help="Wrong one-time codes typed at this stop: after "
        f"{MAX_CODE_FAILURES}, the handover is proved by a signature only.",
    )

    @api.depends("kind", "commune", "place", "partner_id.name")
    def _compute_name(self):
        for stop in self:
            if stop.kind == "home":
                parts = (stop.partner_id.name, stop.commune)
            else:
                parts = (stop.commune, stop.place)
            stop.name = " - ".join(part for part in parts if part)

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        partner = self.partner_id
        if partner and (partner.partner_latitude or partner.partner_longitude):
            self.latitude = partner.partner_latitude
            self.longitude = partner.partner_longitude
        if partner and not self.commune:
            self.commune, self.zip = partner.city, partner.zip

    @api.depends("collect_request_ids", "deliver_request_ids")
    def _compute_item_count(self):
        counts = (
            self.collect_request_ids | self.deliver_request_ids
        )._concierge_round_item_counts()
        for stop in self:
            stop.item_count = sum(
                counts.get(request.id, 0)
                for request in stop.collect_request_ids | stop.deliver_request_ids
            )

    # ------------------------------------------------------------------
    # constraints
    # ------------------------------------------------------------------
    @api.constrains("kind", "commune", "partner_id", "insee_code")
    def _check_place(self):
        for stop in self:
            if stop.kind == "home" and not stop.partner_id:
                raise ValidationError(
                    self.env._("A home stop needs the beneficiary visited.")
                )
            if stop.kind == "commune" and not stop.commune:
                raise ValidationError(
                    self.env._("A commune stop needs the name of its commune.")
                )
            if stop.insee_code and not INSEE_CODE.match(stop.insee_code):
                raise ValidationError(
                    self.env._(
                        "%(code)s is not an INSEE code: five characters, e.g. "
                        "69255 or 2A004.",
                        code=stop.insee_code,
                    )
                )

    @api.constrains("hour_from", "hour_to")
    def _check_window(self):
        for stop in self:
            if not 0 <= stop.hour_from <= stop.hour_to <= 24:
                raise ValidationError(
                    self.env._(
                        "The window of the stop %(name)s must end after it "
                        "starts, both between 00:00 and 24:00.",
                        name=stop.name,
                    )
                )

    @api.constrains("latitude", "longitude")
    def _check_coordinates(self):
        for stop in self:
            if abs(stop.latitude) > 90 or abs(stop.longitude) > 180:
                raise ValidationError(
                    self.env._(
                        "The coordinates of the stop %(name)s are out of range: "
                        "latitude between -90 and 90, longitude between -180 "
                        "and 180.",
                        name=stop.name,
                    )
                )

    @api.constrains("collect_request_ids", "deliver_request_ids", "state")
    def _check_requests_once(self):
        """A request is collected, and delivered, at one stop only (of the
        rounds not cancelled, the skipped stops aside)."""
        requests = self.collect_request_ids | self.deliver_request_ids
        if not requests:
            return
        self.env.flush_all()
        for table in (
            "concierge_round_stop_collect_rel",
            "concierge_round_stop_deliver_rel",
        ):
            self.env.cr.execute(
                SQL(
                    """
                    SELECT rel.request_id
                      FROM %(table)s rel
                      JOIN concierge_round_stop stp ON stp.id = rel.stop_id
                      JOIN concierge_round rnd ON rnd.id = stp.round_id
                     WHERE rel.request_id IN %(ids)s
                       AND rnd.state != 'cancelled'
                       AND stp.state != 'skipped'
                  GROUP BY rel.request_id
                    HAVING count(*) > 1
                     LIMIT 1
                    """,
                    table=SQL.identifier(table),
                    ids=tuple(requests.ids),
                )
            )
            twice = self.env["concierge.service.request"].browse(
                row[0] for row in self.env.cr.fetchall()
            )
            if twice:
                raise ValidationError(
                    self.env._(
                        "The request %(request)s is already on another stop of "
                        "a round: take it off that stop first.",
                        request=twice.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------
    def _concierge_check_round_open(self, rounds, fnames=None):
        """Refuse to change the stops of a round on the road, done or
        cancelled (its planned times and states aside)."""
        if self._concierge_unlocked():
            return True
        if fnames is not None and set(fnames) <= SCHEDULE_FIELDS:
            return True
        frozen = rounds.filtered(lambda r: r.state in ROUND_FROZEN)
        if frozen:
            raise UserError(
                self.env._(
                    "The stops of %(name)s cannot be changed: it is %(state)s.",
                    name=frozen[0].display_name,
                    state=frozen[0]._concierge_state_label(),
                )
            )
        return True

    @api.model_create_multi
    def create(self, vals_list):
        rounds = self.env["concierge.round"].browse(
            {vals["round_id"] for vals in vals_list if vals.get("round_id")}
        )
        self._concierge_check_round_open(rounds)
        return super().create(vals_list)

    def write(self, vals):
        self._concierge_check_round_open(self.round_id, vals)
        result = super().write(vals)
        if "sequence" in vals and not self.env.context.get("concierge_round_schedule"):
            # a hand reorder: the times follow the new order
            self.round_id._concierge_schedule()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_if_round_open(self):
        self._concierge_check_round_open(self.round_id)

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------
    def _concierge_commune_key(self):
        self.ensure_one()
        return commune_key(self.commune)

    def _concierge_point(self):
        """``(latitude, longitude)`` of the stop: typed on it, else the
        beneficiary's for a home stop; None when neither is known."""
        self.ensure_one()
        if self.latitude or self.longitude:
            return (self.latitude, self.longitude)
        partner = self.partner_id
        if partner.partner_latitude or partner.partner_longitude:
            return (partner.partner_latitude, partner.partner_longitude)
        return None

    # ------------------------------------------------------------------
    # buttons
    # ------------------------------------------------------------------
    def _check_on_road(self, label):
        not_started = self.round_id.filtered(lambda r: r.state != "on_road")
        if not_started:
            raise UserError(
                self.env._(
                    "%(action)s is not possible yet: the round %(name)s is not "
                    "on the road.",
                    action=label,
                    name=not_started[0].display_name,
                )
            )
        return True

    @transition
    def action_done(self):
        label = self.env._("Marking the stop done")
        self._check_action("action_done", label)
        self._check_on_road(label)
        waiting = self.handover_ids.filtered(lambda h: h.state == "pending")
        if waiting:
            raise UserError(
                self.env._(
                    "%(partner)s is still to be served at %(stop)s: hand over "
                    "with their code or their signature, or mark them absent.",
                    partner=waiting[0].partner_id.display_name,
                    stop=waiting[0].stop_id.name,
                )
            )
        self.write({"state": "done", "done_date": fields.Datetime.now()})
        return True

    @transition
    def action_skip(self):
        label = self.env._("Skipping the stop")
        self._check_action("action_skip", label)
        self._check_on_road(label)
        self._concierge_close_absent(self.env._("Stop skipped"))
        return True

    @transition
    def action_absent(self, reason=None):
        """Nobody (more) to meet at the stop: the beneficiaries not served
        are absent, ``reason`` recorded; their requests stay open for the
        next round (their items go back to the desk with the vehicle)."""
        label = self.env._("Marking the beneficiaries absent")
        self._check_action("action_absent", label)
        self._check_on_road(label)
        self._concierge_close_absent(reason or self.env._("Absent"))
        return True

    # ------------------------------------------------------------------
    # handovers
    # ------------------------------------------------------------------
    def _prepare_handover_vals(self):
        """One handover per beneficiary met at the stops: the requests
        delivered to them and collected from them."""
        vals_list = []
        for stop in self:
            by_partner = {}
            for direction, requests in (
                ("deliver_request_ids", stop.deliver_request_ids),
                ("collect_request_ids", stop.collect_request_ids),
            ):
                for request in requests:
                    target = by_partner.setdefault(
                        request.partner_id,
                        {"deliver_request_ids": [], "collect_request_ids": []},
                    )
                    target[direction].append(request.id)
            for partner, directions in by_partner.items():
                vals_list.append(
                    {
                        "stop_id": stop.id,
                        "partner_id": partner.id,
                        **{
                            fname: [Command.set(ids)]
                            for fname, ids in directions.items()
                        },
                    }
                )
        return vals_list

    def _concierge_create_handovers(self):
        """Create the handovers of the stops lacking them (at the
        departure) and send each beneficiary their one-time code. Returns
        {handover: code}."""
        stops = self.filtered(lambda s: s.state == "todo" and not s.handover_ids)
        handovers = self.env["concierge.round.handover"].create(
            stops._prepare_handover_vals()
        )
        return handovers._concierge_issue_codes()

    def _check_can_hand_over(self):
        self.ensure_one()
        label = self.env._("Handing over at the stop")
        self._check_state(("todo",), label)
        self._check_on_road(label)
        return True

    def _concierge_hand_over_code(self, code):
        """The driver typed ``code`` at the stop: the matching beneficiary
        is served (returned), else the wrong code is counted and nothing
        else changes (an empty recordset is returned). After too many
        wrong codes, the code is refused: the beneficiary signs."""
        self.ensure_one()
        self._check_can_hand_over()
        if self.code_failures >= MAX_CODE_FAILURES:
            raise UserError(
                self.env._(
                    "Too many wrong codes at the stop %(stop)s: ask the "
                    "beneficiary to sign on the screen instead.",
                    stop=self.name,
                )
            )
        digits = "".join(ch for ch in code or "" if ch.isdigit())
        handover = self.env["concierge.round.handover"]
        if len(digits) == CODE_LENGTH:
            handover = self.handover_ids.filtered(
                lambda h: h._concierge_matches(digits)
            )[:1]
        if not handover:
            self.sudo().code_failures += 1
            return handover
        handover._concierge_hand_over("code")
        return handover

    def _concierge_wrong_code_message(self):
        """What the driver reads after a wrong code."""
        self.ensure_one()
        left = max(MAX_CODE_FAILURES - self.code_failures, 0)
        if not left:
            return self.env._(
                "Wrong code, and too many tries: ask the beneficiary to sign "
                "on the screen instead."
            )
        return self.env._(
            "This code matches nobody at this stop: check the %(length)s "
            "digits with the beneficiary (%(left)s tries left), or ask them "
            "to sign on the screen.",
            length=CODE_LENGTH,
            left=left,
        )

    def _concierge_hand_over_signature(self, handover, signature, signer_name):
        """``handover`` (of this stop) proved by ``signature`` (a PNG in
        base64) drawn by ``signer_name`` on the driver's screen."""
        self.ensure_one()
        self._check_can_hand_over()
        if handover.stop_id != self or handover.state != "pending":
            raise UserError(
                self.env._("This beneficiary has nothing left to hand over here.")
            )
        if not signature or not (signer_name or "").strip():
            raise UserError(
                self.env._(
                    "Ask the beneficiary to sign in the box and type the name "
                    "of the person who signs."
                )
            )
        handover._concierge_hand_over(
            "signature", signature=signature, signer_name=signer_name.strip()
        )
        return handover

    def _concierge_done_if_served(self):
        """The stops all of whose beneficiaries are served or absent are
        done, at this time."""
        served = self.filtered(
            lambda s: (
                s.state == "todo"
                and s.handover_ids
                and all(h.state != "pending" for h in s.handover_ids)
            )
        )
        served.write({"state": "done", "done_date": fields.Datetime.now()})
        return served

    def _concierge_close_absent(self, reason):
        """The beneficiaries not served at the stops are absent
        (``reason``): a stop nobody was served at is skipped, its requests
        free for another round; a stop served in part is done and the
        requests not handed over leave it (the handover keeps the trace)."""
        now = fields.Datetime.now()
        for stop in self:
            pending = stop.handover_ids.filtered(lambda h: h.state == "pending")
            pending.write({"state": "absent", "absent_reason": reason})
            pending.sudo().write({"code_hash": False})
            missed = pending.deliver_request_ids | pending.collect_request_ids
            vals = {"absent_reason": reason}
            if stop.handover_ids.filtered(lambda h: h.state == "done"):
                vals.update(
                    state="done",
                    done_date=now,
                    deliver_request_ids=[
                        Command.unlink(rid) for rid in pending.deliver_request_ids.ids
                    ],
                    collect_request_ids=[
                        Command.unlink(rid) for rid in pending.collect_request_ids.ids
                    ],
                )
            else:
                vals["state"] = "skipped"
            stop.sudo().with_context(**{UNLOCK_KEY: True}).write(vals)
            for request in missed:
                request.message_post(
                    body=self.env._(
                        "Not handed over on the round %(round)s (%(reason)s): "
                        "the request waits for the next round.",
                        round=stop.round_id.display_name,
                        reason=reason,
                    )
                )
        return True

    @transition
    def action_todo(self):
        label = self.env._("Setting the stop back to do")
        self._check_action("action_todo", label)
        self._check_concierge_round_todo(label)
        self.write({"state": "todo", "window_missed": False})
        return True

    def _check_concierge_round_todo(self, label):
        closed = self.round_id.filtered(lambda r: r.state in ("done", "cancelled"))
        if closed:
            raise UserError(
                self.env._(
                    "%(action)s is not possible: the round %(name)s is %(state)s.",
                    action=label,
                    name=closed[0].display_name,
                    state=closed[0]._concierge_state_label(),
                )
            )
        return True
