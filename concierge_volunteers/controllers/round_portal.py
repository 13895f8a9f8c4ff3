# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import base64
import binascii

from werkzeug.exceptions import NotFound
from werkzeug.urls import url_encode

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..models.concierge_round import hhmm

# the states a driver sees a round in
DRIVER_STATES = ("planned", "on_road", "done")
# a signature drawn on a phone, as a PNG: far below this
MAX_SIGNATURE_BYTES = 512 * 1024
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


class RoundPortal(CustomerPortal):
    """The driver's page of a round, phone-first: the stops in order, what
    to deliver and collect at each, the beneficiaries' addresses and
    instructions (to the round's driver only), the departure and return,
    and the handover at each stop by code, signature or absence."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "round_count" in counters:
            Round = request.env["concierge.round"]
            values["round_count"] = (
                Round.search_count(self._concierge_round_domain(("planned", "on_road")))
                if Round.has_access("read")
                else 0
            )
        return values

    def _concierge_round_domain(self, wanted=DRIVER_STATES):
        return [
            ("driver_id", "=", request.env.user.partner_id.id),
            ("state", "in", list(wanted)),
        ]

    def _concierge_driver_round(self, round_id):
        """The round ``round_id`` if the user drives it (read as the user
        first, by the record rules), in sudo mode; else 404."""
        round_ = request.env["concierge.round"].browse(round_id)
        try:
            round_ = round_.exists()
            round_.check_access("read")
            is_driver = (
                round_
                and round_.driver_id == request.env.user.partner_id
                and round_.state in DRIVER_STATES
            )
        except AccessError:
            is_driver = False
        if not is_driver:
            raise NotFound()
        return round_.sudo()

    def _concierge_round_people(self, stop):
        """The beneficiaries met at ``stop`` (a sudo record of the driver's
        round): their requests, item count, address, phone, instructions
        and handover."""
        handovers = {h.partner_id: h for h in stop.handover_ids}
        requests = stop.deliver_request_ids | stop.collect_request_ids
        if handovers:
            requests |= stop.handover_ids.deliver_request_ids
            requests |= stop.handover_ids.collect_request_ids
        counts = requests._concierge_round_item_counts()
        people = []
        for partner in (requests.partner_id | stop.handover_ids.partner_id).sorted(
            "name"
        ):
            handover = handovers.get(partner)
            deliver = (
                handover.deliver_request_ids
                if handover
                else stop.deliver_request_ids.filtered(
                    lambda r, p=partner: r.partner_id == p
                )
            )
            collect = (
                handover.collect_request_ids
                if handover
                else stop.collect_request_ids.filtered(
                    lambda r, p=partner: r.partner_id == p
                )
            )
            address = ", ".join(
                part
                for part in (partner.street, partner.street2, partner.zip, partner.city)
                if part
            )
            people.append(
                {
                    "partner": partner,
                    "handover": handover,
                    "deliver": deliver,
                    "collect": collect,
                    "items": sum(counts.get(r.id, 0) for r in deliver | collect),
                    "address": address,
                    "phone": partner.mobile or partner.phone,
                    "instructions": partner.concierge_round_instructions,
                }
            )
        return people

    @http.route("/my/rounds", type="http", auth="user", website=True)
    def portal_my_rounds(self, **kw):
        Round = request.env["concierge.round"]
        if not Round.has_access("read"):
            raise NotFound()
        rounds = Round.search(
            self._concierge_round_domain(), order="date desc, hour_start", limit=50
        )
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "driver_rounds", "rounds": rounds.sudo()})
        return request.render("concierge_volunteers.portal_my_rounds", values)

    @http.route("/my/rounds/<int:round_id>", type="http", auth="user", website=True)
    def portal_my_round(self, round_id, **kw):
        round_ = self._concierge_driver_round(round_id)
        stops = round_.stop_ids.sorted(lambda s: (s.sequence, s.id))
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "driver_round",
                "trip": round_,
                "stops": [(stop, self._concierge_round_people(stop)) for stop in stops],
                "hhmm": hhmm,
                "error": kw.get("error"),
                "message": kw.get("message"),
            }
        )
        return request.render("concierge_volunteers.portal_my_round", values)

    def _concierge_round_action(self, round_id, run):
        """Run ``run(round)`` for the round's driver; refused, what it
        wrote is rolled back and the driver reads why."""
        round_ = self._concierge_driver_round(round_id)
        try:
            with request.env.cr.savepoint():
                message = run(round_)
        except (MissingError, UserError, ValidationError) as error:
            query = {"error": error.args[0]}
        else:
            query = {"message": message} if message else {}
        url = f"/my/rounds/{round_.id}"
        return request.redirect(f"{url}?{url_encode(query)}" if query else url)

    @staticmethod
    def _concierge_km(value):
        try:
            return float((value or "").replace(",", ".")) if value else 0.0
        except ValueError as error:
            raise UserError(
                request.env._("Type the odometer in kilometres, e.g. 12345.")
            ) from error

    @http.route(
        "/my/rounds/<int:round_id>/start",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_round_start(self, round_id, odometer=None, **kw):
        def run(round_):
            km = self._concierge_km(odometer)
            if km:
                round_.odometer_start = km
            round_.action_start()
            return request.env._("Have a good round!")

        return self._concierge_round_action(round_id, run)

    @http.route(
        "/my/rounds/<int:round_id>/done",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_round_done(self, round_id, odometer=None, **kw):
        def run(round_):
            km = self._concierge_km(odometer)
            if km:
                round_.odometer_end = km
            round_.action_done()
            return request.env._("Round done: thank you!")

        return self._concierge_round_action(round_id, run)

    @staticmethod
    def _concierge_stop(round_, stop_id):
        stop = round_.stop_ids.filtered(lambda s: s.id == stop_id)
        if not stop:
            raise NotFound()
        return stop

    @http.route(
        "/my/rounds/<int:round_id>/stop/<int:stop_id>/code",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_round_stop_code(self, round_id, stop_id, code=None, **kw):
        round_ = self._concierge_driver_round(round_id)
        stop = self._concierge_stop(round_, stop_id)
        try:
            # a wrong code is counted and returns nothing: kept; a refusal
            # rolls back what the handover wrote
            with request.env.cr.savepoint():
                handover = stop._concierge_hand_over_code(code)
        except (UserError, ValidationError) as error:
            query = {"error": error.args[0]}
        else:
            if handover:
                query = {
                    "message": request.env._(
                        "Handed over to %s.", handover.partner_id.name
                    )
                }
            else:
                query = {"error": stop._concierge_wrong_code_message()}
        return request.redirect(f"/my/rounds/{round_.id}?{url_encode(query)}")

    @staticmethod
    def _concierge_signature(data):
        """The PNG of a signature sent as a data URL, in base64; refused
        when it is not a PNG or too large."""
        encoded = (data or "").partition("base64,")[2] or (data or "")
        try:
            raw = base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            raw = b""
        if not raw.startswith(PNG_MAGIC) or len(raw) > MAX_SIGNATURE_BYTES:
            raise UserError(
                request.env._(
                    "The signature was not received: ask the beneficiary to "
                    "sign again in the box."
                )
            )
        return base64.b64encode(raw)

    @http.route(
        "/my/rounds/<int:round_id>/handover/<int:handover_id>/sign",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_round_sign(
        self, round_id, handover_id, signature=None, signer_name=None, **kw
    ):
        def run(round_):
            handover = round_.handover_ids.filtered(lambda h: h.id == handover_id)
            if not handover:
                raise NotFound()
            handover.stop_id._concierge_hand_over_signature(
                handover, self._concierge_signature(signature), signer_name
            )
            return request.env._("Handed over to %s.", handover.partner_id.name)

        return self._concierge_round_action(round_id, run)

    @http.route(
        "/my/rounds/<int:round_id>/stop/<int:stop_id>/absent",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_round_absent(self, round_id, stop_id, reason=None, **kw):
        def run(round_):
            stop = self._concierge_stop(round_, stop_id)
            stop.action_absent(reason=(reason or "").strip() or None)
            return request.env._("Noted: the requests wait for the next round.")

        return self._concierge_round_action(round_id, run)
