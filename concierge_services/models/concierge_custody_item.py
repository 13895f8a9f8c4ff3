# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.concierge_base.models.concierge_state_guard import (
    marshallable,
    transition,
)

from .concierge_custody_transitions import allowed_next

CUSTODY_STATES = [
    ("received", "Received at the desk"),
    ("at_provider", "At the provider"),
    ("ready", "Ready at the desk"),
    ("returned", "Handed back"),
]
HANDOVER_METHODS = [
    ("desk", "At the desk"),
    ("locker_code", "Locker, with the code"),
    ("locker_qr", "Locker, with the QR code"),
    ("round", "On a round"),
    ("till", "At the till"),
]
DATE_FIELDS = {
    "received": "received_date",
    "at_provider": "provider_date",
    "ready": "ready_date",
    "returned": "returned_date",
}


class ConciergeCustodyItem(models.Model):
    _name = "concierge.custody.item"
    _description = "Item in custody at the conciergerie"
    _inherit = ["mail.thread", "concierge.state.guard"]
    _order = "received_date desc, id desc"
    _check_company_auto = True
    # its states move along CUSTODY_TRANSITIONS (concierge_custody_
    # transitions.py), through _set_custody_state() only: the guard refuses
    # a state written directly; what the form shows read-only is refused by
    # write() too
    _concierge_locked_fields = (
        (("received", "at_provider", "ready", "returned"), ("request_line_id",)),
        (("at_provider", "ready", "returned"), ("provider_id",)),
    )

    name = fields.Char(
        string="Ticket",
        required=True,
        readonly=True,
        copy=False,
        default="/",
        index="trigram",
        help="Label stuck on the bag, printed on the custody ticket.",
    )
    description = fields.Char(required=True, help="e.g. navy blue jacket, 2 shirts")
    image = fields.Image(string="Photo", max_width=1024, max_height=1024)
    state = fields.Selection(
        CUSTODY_STATES,
        required=True,
        default="received",
        readonly=True,
        tracking=True,
        index=True,
        copy=False,
    )
    request_line_id = fields.Many2one(
        "concierge.service.request.line",
        string="Request line",
        required=True,
        ondelete="cascade",  # users are stopped by the line's _unlink guard
        index=True,
    )
    request_id = fields.Many2one(
        related="request_line_id.request_id", store=True, index=True
    )
    partner_id = fields.Many2one(
        related="request_line_id.request_id.partner_id",
        string="Beneficiary",
        store=True,
        index=True,
    )
    site_id = fields.Many2one(
        related="request_line_id.request_id.site_id", store=True, index=True
    )
    company_id = fields.Many2one(
        related="request_line_id.request_id.company_id", store=True, index=True
    )
    provider_id = fields.Many2one(
        "res.partner",
        compute="_compute_provider_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
    )
    received_date = fields.Datetime(
        default=fields.Datetime.now, required=True, readonly=True, copy=False
    )
    provider_date = fields.Datetime(
        string="Sent to provider", readonly=True, copy=False
    )
    ready_date = fields.Datetime(string="Back at the desk", readonly=True, copy=False)
    returned_date = fields.Datetime(string="Handed back", readonly=True, copy=False)
    move_ids = fields.One2many(
        "stock.move", "concierge_custody_item_id", string="Stock moves", readonly=True
    )
    location_id = fields.Many2one(
        "stock.location",
        compute="_compute_location_id",
        help="Where the item physically is, as Inventory knows it.",
    )
    compartment_id = fields.Many2one(
        "concierge.locker.compartment",
        string="Locker compartment",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The compartment the item waits in (or was collected from).",
    )
    handover_method = fields.Selection(
        HANDOVER_METHODS,
        string="Handed back how",
        readonly=True,
        copy=False,
        help="How the beneficiary got the item back.",
    )
    handover_user_id = fields.Many2one(
        "res.users",
        string="Handed back by",
        readonly=True,
        copy=False,
        help="The user who handed the item back (the kiosk's public user "
        "when the beneficiary opened a locker with a code).",
    )
    held_days = fields.Integer(
        string="Days held",
        compute="_compute_held_days",
        help="Days since the item was left at the desk.",
    )
    collect_hours = fields.Float(
        string="Hours before collected",
        compute="_compute_collect_hours",
        store=True,
        aggregator="avg",
        help="Hours between the item being ready and being handed back.",
    )
    is_overdue = fields.Boolean(
        string="Held too long",
        compute="_compute_held_days",
        search="_search_is_overdue",
    )

    # ------------------------------------------------------------------
    # computes
    # ------------------------------------------------------------------
    @api.depends("request_line_id.provider_id")
    def _compute_provider_id(self):
        for item in self:
            if not item.provider_id:
                item.provider_id = item.request_line_id.provider_id

    @api.depends("move_ids.state")
    def _compute_location_id(self):
        for item in self:
            done = item.move_ids.filtered(lambda m: m.state == "done")
            item.location_id = done.sorted("id")[-1:].location_dest_id

    @api.depends("ready_date", "returned_date")
    def _compute_collect_hours(self):
        for item in self:
            if item.ready_date and item.returned_date:
                seconds = (item.returned_date - item.ready_date).total_seconds()
                item.collect_hours = max(seconds, 0.0) / 3600
            else:
                item.collect_hours = 0.0

    def _alert_days(self):
        return self.env.company.concierge_custody_alert_days

    @api.depends("received_date", "returned_date", "state")
    def _compute_held_days(self):
        now = fields.Datetime.now()
        limit = self._alert_days()
        for item in self:
            end = item.returned_date or now
            item.held_days = (
                (end - item.received_date).days if item.received_date else 0
            )
            item.is_overdue = item.state != "returned" and item.held_days > limit

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue items."))
        limit = fields.Datetime.now() - timedelta(days=self._alert_days() + 1)
        domain = [("state", "!=", "returned"), ("received_date", "<=", limit)]
        if (operator == "=") == value:
            return domain
        return ["!", "&", *domain]

    @api.model
    def _cron_flag_overdue(self):
        """Scheduled (daily): each request whose items are held longer than
        its company's alert delay (at the desk, in a locker or at a
        provider) gets one activity for its site's manager (else its
        concierge) to call the beneficiary or the provider."""
        activity_type = self.env.ref(
            "concierge_services.mail_activity_type_custody_overdue"
        )
        # the companies holding items (each has its own alert delay)
        held = self.sudo()._read_group(
            [("state", "!=", "returned")], ["company_id"], ["__count"]
        )
        for company, __ in held:
            items = (
                self.sudo()
                .with_company(company)
                .search([("company_id", "=", company.id), ("is_overdue", "=", True)])
            )
            flagged = set(
                items.request_id.activity_ids.filtered(
                    lambda a: a.activity_type_id == activity_type
                ).mapped("res_id")
            )
            for request in items.request_id:
                if request.id in flagged:
                    continue
                request._concierge_flag_overdue(
                    items.filtered(lambda i, r=request: i.request_id == r),
                    activity_type,
                )
        return True

    # ------------------------------------------------------------------
    # creation: the item enters the desk
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = sequence.next_by_code("concierge.custody.item") or "/"
            vals["state"] = "received"
        items = super().create(vals_list)
        items._check_request_open()
        items._create_custody_moves("received")
        return items

    def _check_request_open(self):
        closed = self.filtered(
            lambda i: i.request_id.state not in ("confirmed", "in_progress", "ready")
        )
        if closed:
            raise UserError(
                self.env._(
                    "An item can only be taken into custody for a confirmed "
                    "request: request %(name)s is not.",
                    name=closed[0].request_id.name,
                )
            )

    # ------------------------------------------------------------------
    # state machine
    # ------------------------------------------------------------------
    def _allowed_next(self, cancelling=False):
        """States this item may go to next (``cancelling``: its request is
        being cancelled)."""
        self.ensure_one()
        return allowed_next(self.state, bool(self.provider_id), cancelling)

    def _check_transition(self, new_state, cancelling=False):
        label = self._concierge_state_label
        for item in self:
            allowed = item._allowed_next(cancelling)
            if new_state not in allowed:
                raise UserError(
                    self.env._(
                        "Item %(ticket)s is %(current)s: it cannot go to "
                        "%(target)s. Next step: %(next)s.",
                        ticket=item.name,
                        current=label(item.state).lower(),
                        target=label(new_state).lower(),
                        next=", ".join(label(s).lower() for s in sorted(allowed))
                        or self.env._("none, it is handed back"),
                    )
                )

    @transition
    def _set_custody_state(self, new_state, cancelling=False):
        """Move the items to ``new_state``: check the transition table, move
        the stock of all the items at once, write the state and its date.

        ``cancelling``: their request is being cancelled, the items still
        at the desk go back to the beneficiary."""
        if not self:
            return True
        self._check_transition(new_state, cancelling)
        self._create_custody_moves(new_state)
        self.write({"state": new_state, DATE_FIELDS[new_state]: fields.Datetime.now()})
        return True

    # ------------------------------------------------------------------
    # stock moves
    # ------------------------------------------------------------------
    def _custody_product(self):
        self.ensure_one()
        return self.company_id._concierge_custody_product()

    def _locations_for(self, new_state, locations=None):
        """(source, destination) stock locations of a move to ``new_state``.

        ``locations`` is what :meth:`_custody_locations` prepared for all
        the items moved at once; without it, it is looked up."""
        self.ensure_one()
        if locations is None:
            locations = self._custody_locations(new_state)
        site = self.site_id
        desk = site._concierge_custody_location()
        customer = locations["customer"]
        if new_state == "received":
            # dropped off in a locker compartment, or left at the desk
            return customer, self.compartment_id.location_id or desk
        at_provider = locations["providers"].get((site.id, self.provider_id.id))
        if new_state == "at_provider":
            return desk, at_provider
        if new_state == "ready":
            if self.state == "at_provider":
                return at_provider, desk
            return desk, desk
        return self.compartment_id.location_id or desk, customer

    def _custody_locations(self, new_state):
        """The locations that moving these items to ``new_state`` uses,
        looked up (and created) all at once: {"customer": the customers'
        location, "providers": {(site id, provider id): sub-location}}."""
        if new_state == "at_provider":
            items = self
        elif new_state == "ready":
            items = self.filtered(lambda i: i.state == "at_provider")
        else:
            items = self.browse()
        pairs = list({(item.site_id, item.provider_id) for item in items})
        return {
            "customer": self.env.ref("stock.stock_location_customers"),
            "providers": self.env["concierge.site"]._concierge_provider_locations(pairs)
            if pairs
            else {},
        }

    def _prepare_custody_move_vals(
        self, new_state, locations=None, source=None, destination=None
    ):
        """Values of the stock move of the item going to ``new_state``,
        between the locations of that state, or ``source`` and
        ``destination`` when given (an item put in a locker)."""
        self.ensure_one()
        product = self._custody_product()
        if not source:
            source, destination = self._locations_for(new_state, locations)
        common = {
            "product_id": product.id,
            "location_id": source.id,
            "location_dest_id": destination.id,
            "company_id": self.company_id.id,
        }
        return {
            **common,
            "name": f"{self.name} - {self.description}",
            "origin": self.request_id.name,
            "product_uom_qty": 1.0,
            "product_uom": product.uom_id.id,
            "restrict_partner_id": self.partner_id.id,
            "partner_id": self.partner_id.id,
            "concierge_custody_item_id": self.id,
            "picked": True,
            "move_line_ids": [
                Command.create(
                    {
                        **common,
                        "quantity": 1.0,
                        "product_uom_id": product.uom_id.id,
                        "owner_id": self.partner_id.id,
                        "picked": True,
                    }
                )
            ],
        }

    def _create_custody_moves(self, new_state):
        missing_site = self.filtered(lambda i: not i.site_id)
        if missing_site:
            raise UserError(
                self.env._(
                    "Request %(name)s has no site: choose the desk that keeps "
                    "the item first.",
                    name=missing_site[0].request_id.name,
                )
            )
        self.company_id._concierge_ensure_custody_product()
        self.site_id._concierge_ensure_locations()
        moving = self.filtered(
            lambda i: not (new_state == "ready" and i.state != "at_provider")
        )
        locations = moving._custody_locations(new_state)
        vals_list = [
            item._prepare_custody_move_vals(new_state, locations) for item in moving
        ]
        if not vals_list:
            return self.env["stock.move"]
        moves = self.env["stock.move"].sudo().create(vals_list)
        moves._action_done()
        return moves

    # ------------------------------------------------------------------
    # buttons
    # ------------------------------------------------------------------
    def action_send_to_provider(self):
        """Send the items to their provider; those dropped off in a locker
        are taken out of it first."""
        without = self.filtered(lambda i: not i.provider_id)
        if without:
            raise UserError(
                self.env._(
                    "Item %(ticket)s has no provider: choose who will handle it.",
                    ticket=without[0].name,
                )
            )
        self._concierge_fetch_dropped_off()
        self._set_custody_state("at_provider")
        self.request_id.filtered(lambda r: r.state == "confirmed").action_start()
        return True

    def action_mark_ready(self):
        self._concierge_fetch_dropped_off()
        self._set_custody_state("ready")
        return True

    def _concierge_fetch_dropped_off(self):
        """The items dropped off in a locker move on: the concierge takes
        them out to the desk first (the compartment is free again)."""
        self.filtered(
            lambda i: i.compartment_id and i.state == "received"
        )._concierge_take_out()
        return True

    def action_hand_back(self):
        """Hand each item back to the beneficiary of its request."""
        # each item goes back to its own beneficiary: all of them at once
        return self._hand_back_items()

    def _hand_back(self, partner):
        """Hand the items back to ``partner``, refusing another's items."""
        foreign = self.filtered(lambda i: i.partner_id != partner)
        if foreign:
            raise UserError(
                self.env._(
                    "Item %(ticket)s belongs to %(owner)s, not to %(partner)s: "
                    "check the ticket before handing it back.",
                    ticket=foreign[0].name,
                    owner=foreign[0].partner_id.display_name,
                    partner=partner.display_name,
                )
            )
        return self._hand_back_items()

    def _hand_back_items(self, method="desk"):
        """Hand the items back to the beneficiaries of their requests, all
        at once: one batch of stock moves (from the desk, or from the
        compartment they wait in), then the lines all of whose items are
        back are delivered. ``method``: how (``HANDOVER_METHODS``)."""
        self._set_custody_state("returned")
        self.write({"handover_method": method, "handover_user_id": self.env.uid})
        self.request_line_id._deliver_returned_custody()
        return True

    def _concierge_move_between(self, source, destination):
        """Move the items (ready, or dropped off) from ``source`` to
        ``destination``, both inside their site's custody location: into a
        locker compartment and back. Still owned by the beneficiary."""
        not_ready = self.filtered(lambda item: item.state not in ("received", "ready"))
        if not_ready:
            raise UserError(
                self.env._(
                    "Item %(ticket)s is not at the desk: only the items ready "
                    "or dropped off go into a locker or out of it.",
                    ticket=not_ready[0].name,
                )
            )
        vals_list = [
            item._prepare_custody_move_vals(
                "ready", source=source(item), destination=destination(item)
            )
            for item in self
        ]
        moves = self.env["stock.move"].sudo().create(vals_list)
        moves._action_done()
        return moves

    def _concierge_locker_size(self):
        """The compartment size the items need together: the largest size
        of their services."""
        return self.request_line_id.product_id._concierge_locker_size()

    def _concierge_put_in(self, compartment):
        """Put the ready items in ``compartment`` (stock follows)."""
        self._concierge_move_between(
            lambda item: item.site_id._concierge_custody_location(),
            lambda item: compartment.location_id,
        )
        self.write({"compartment_id": compartment.id})
        return True

    def _concierge_take_out(self):
        """Bring the items of a compartment back to the desk; a compartment
        left empty by a drop-off is free again."""
        compartments = self.compartment_id
        self._concierge_move_between(
            lambda item: item.compartment_id.location_id,
            lambda item: item.site_id._concierge_custody_location(),
        )
        self.write({"compartment_id": False})
        compartments._concierge_release_if_empty()
        return True

    def action_take_out_of_locker(self):
        """The concierge fetched the items from their compartment: they are
        at the desk."""
        outside = self.filtered(
            lambda i: not i.compartment_id or i.state not in ("received", "ready")
        )
        if outside:
            raise UserError(
                self.env._(
                    "Item %(ticket)s is in no locker compartment.",
                    ticket=outside[0].name,
                )
            )
        self.compartment_id.action_take_items_out()
        return True

    def action_print_ticket(self):
        return marshallable(
            self.env.ref(
                "concierge_services.action_report_custody_ticket"
            ).report_action(self)
        )
