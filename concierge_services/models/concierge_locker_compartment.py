# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import logging

import requests

from odoo import api, fields, models

from odoo.addons.concierge_base.models.concierge_state_guard import transition

_logger = logging.getLogger(__name__)
OPEN_TIMEOUT = 10
LOCKER_SIZES = [("small", "Small"), ("medium", "Medium"), ("large", "Large")]
SIZE_RANK = {size: rank for rank, (size, __) in enumerate(LOCKER_SIZES)}


class ConciergeLockerCompartment(models.Model):
    """A compartment of a bank of lockers (or of a relay shelf) at a site:
    ready items wait in it for their beneficiary, who opens it with a
    one-time code (``concierge.pickup.code``)."""

    _name = "concierge.locker.compartment"
    _description = "Locker compartment"
    _inherit = ["mail.thread", "concierge.state.guard"]
    _order = "site_id, sequence, code, id"
    _check_company_auto = True
    # the buttons (concierge.state.guard); a compartment is occupied and
    # freed by its pick-up codes (_concierge_occupy, _concierge_free)
    _concierge_transitions = {
        "action_out_of_order": ("free",),
        "action_back_in_service": ("out_of_order",),
        "action_take_items_out": ("occupied",),
    }

    site_id = fields.Many2one(
        "concierge.site",
        required=True,
        ondelete="restrict",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        related="site_id.company_id", store=True, index=True, precompute=True
    )
    code = fields.Char(
        required=True,
        help="The number written on the compartment's door (A1, 12...), the "
        "only thing the kiosk shows.",
    )
    sequence = fields.Integer(default=10)
    size = fields.Selection(LOCKER_SIZES, required=True, default="small")
    state = fields.Selection(
        [
            ("free", "Free"),
            ("reserved", "Reserved"),
            ("occupied", "Occupied"),
            ("out_of_order", "Out of order"),
        ],
        required=True,
        default="free",
        readonly=True,
        tracking=True,
        index=True,
        copy=False,
    )
    location_id = fields.Many2one(
        "stock.location",
        string="Stock location",
        readonly=True,
        copy=False,
        help="Where Inventory sees the items waiting in this compartment, "
        "inside the site's custody location, still owned by the beneficiary.",
    )
    pickup_code_ids = fields.One2many(
        "concierge.pickup.code", "compartment_id", string="Pick-up codes"
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "code_unique_per_site",
            "UNIQUE(site_id, code)",
            "Two compartments of a site cannot have the same number.",
        )
    ]

    @api.depends("site_id.name", "code")
    def _compute_display_name(self):
        for compartment in self:
            site = compartment.site_id.name
            compartment.display_name = f"{site} - {compartment.code}"

    @api.model_create_multi
    def create(self, vals_list):
        compartments = super().create(vals_list)
        compartments._concierge_ensure_location()
        return compartments

    def _concierge_ensure_location(self):
        """Give each compartment its stock location, inside its site's
        custody location."""
        Location = self.env["stock.location"].sudo()
        for compartment in self.filtered(lambda c: not c.location_id):
            desk = compartment.site_id._concierge_custody_location()
            compartment.location_id = Location.create(
                {
                    "name": self.env._("Compartment %s", compartment.code),
                    "usage": "internal",
                    "location_id": desk.id,
                    "company_id": compartment.company_id.id,
                    "concierge_site_id": compartment.site_id.id,
                }
            )
        return True

    @api.model
    def _concierge_free_compartment(self, site, size):
        """The smallest free compartment of ``site`` that holds ``size``
        (empty when none)."""
        fitting = self.search(
            [("site_id", "=", site.id), ("state", "=", "free")],
            order="sequence, code, id",
        ).filtered(lambda c: SIZE_RANK[c.size] >= SIZE_RANK[size])
        return fitting.sorted(lambda c: SIZE_RANK[c.size])[:1]

    @transition
    def action_out_of_order(self):
        """A broken door: no item is put in the compartment any more."""
        self._check_action("action_out_of_order", self.env._("Marking out of order"))
        self.write({"state": "out_of_order"})
        return True

    @transition
    def action_back_in_service(self):
        self._check_action(
            "action_back_in_service", self.env._("Putting back in service")
        )
        self.write({"state": "free"})
        return True

    def action_take_items_out(self):
        """The concierge empties the compartments: a drop-off fetched, or
        items nobody came for. The items come back to the desk, live
        pick-up codes open nothing any more, the compartments are free."""
        self._check_action("action_take_items_out", self.env._("Emptying"))
        Code = self.env["concierge.pickup.code"].sudo()
        live = Code.search(
            [("compartment_id", "in", self.ids), ("state", "=", "active")]
        )
        items = self._concierge_items()
        live._concierge_close("revoked")
        items.sudo()._concierge_take_out()
        for code in live:
            code.request_id.message_post(
                body=self.env._(
                    "Compartment %(compartment)s emptied at the desk: its "
                    "pick-up code opens nothing any more.",
                    compartment=code.compartment_id.display_name,
                )
            )
        return True

    def _concierge_items(self):
        """The items in these compartments now (received or ready)."""
        return self.env["concierge.custody.item"].search(
            [
                ("compartment_id", "in", self.ids),
                ("state", "in", ("received", "ready")),
            ]
        )

    def _concierge_release_if_empty(self):
        """Free the occupied compartments holding no item and no live code
        any more (a drop-off taken out); the drop-off is over."""
        occupied = self.filtered(lambda c: c.state == "occupied")
        if not occupied:
            return True
        Code = self.env["concierge.pickup.code"].sudo()
        busy = (
            occupied._concierge_items().compartment_id
            | Code.search(
                [("compartment_id", "in", occupied.ids), ("state", "=", "active")]
            ).compartment_id
        )
        empty = occupied - busy
        if empty:
            Code.search(
                [
                    ("compartment_id", "in", empty.ids),
                    ("kind", "=", "dropoff"),
                    ("released_date", "=", False),
                ]
            ).write({"released_date": fields.Datetime.now()})
            empty.sudo()._concierge_free()
        return True

    @transition
    def _concierge_reserve(self):
        self._check_state(("free",), self.env._("Reserving"))
        self.write({"state": "reserved"})
        return True

    @transition
    def _concierge_occupy(self):
        self._check_state(("free", "reserved"), self.env._("Putting items in"))
        self.write({"state": "occupied"})
        return True

    @transition
    def _concierge_free(self):
        self._check_state(("reserved", "occupied"), self.env._("Emptying"))
        self.write({"state": "free"})
        return True

    def _concierge_send_open_event(self):
        """Motorised lockers: tell the site's locker controller to open the
        compartment (a JSON POST of ``{"event": "open", "site", "compartment"}``
        to the site's *Locker opening URL*). Returns whether it answered
        with a success; the kiosk shows the compartment either way."""
        self.ensure_one()
        url = self.site_id.sudo().concierge_locker_open_url
        if not url:
            return False
        payload = {"event": "open", "site": self.site_id.code or self.site_id.id}
        payload["compartment"] = self.code
        try:
            response = requests.post(url, json=payload, timeout=OPEN_TIMEOUT)
            response.raise_for_status()
        except requests.RequestException as error:
            _logger.info("Locker %s did not open: %s", self.display_name, error)
            return False
        return True
