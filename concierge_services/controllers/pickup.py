# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import http
from odoo.http import request
from odoo.tools import misc


class ConciergePickupKiosk(http.Controller):
    """The page of a bank of lockers, on the tablet fixed beside them (or
    the beneficiary's phone, from the QR link): a pick-up code opens the
    compartment of the items. It shows nothing but the compartment's
    number: no name, no request, no item."""

    def _kiosk_site(self, site_id):
        site = request.env["concierge.site"].sudo().browse(site_id).exists()
        if not site or not site.concierge_compartment_ids:
            raise request.not_found()
        return site

    @http.route(
        "/concierge/pickup/<int:site_id>",
        type="http",
        auth="public",
        methods=["GET"],
        sitemap=False,
    )
    def kiosk(self, site_id, token=None, **kwargs):
        site = self._kiosk_site(site_id)
        return request.render(
            "concierge_services.pickup_kiosk", {"site": site, "token": token or ""}
        )

    @http.route(
        "/concierge/pickup/<int:site_id>",
        type="http",
        auth="public",
        methods=["POST"],
        sitemap=False,
    )
    def kiosk_open(self, site_id, code=None, token=None, **kwargs):
        site = self._kiosk_site(site_id)
        values = {"site": site, "token": ""}
        Attempt = request.env["concierge.pickup.attempt"].sudo()
        address = request.httprequest.remote_addr or "unknown"
        blocked = Attempt._concierge_blocked_until(site, address)
        if blocked:
            values["error"] = request.env._(
                "Too many wrong codes: the lockers accept codes again at %(time)s.",
                time=misc.format_time(
                    request.env, blocked, tz=site._concierge_tz(), time_format="short"
                ),
            )
            return request.render("concierge_services.pickup_kiosk", values)
        pickup = request.env["concierge.pickup.code"]._concierge_find(
            site, code=None if token else code, token=token
        )
        Attempt.create(
            {"site_id": site.id, "ip_address": address, "success": bool(pickup)}
        )
        if not pickup:
            values["error"] = request.env._(
                "This code opens no compartment here: check the six digits. "
                "A code works once, until the date written in your message."
            )
            return request.render("concierge_services.pickup_kiosk", values)
        values["dropoff"] = pickup.kind == "dropoff"
        compartment = pickup._concierge_collect("locker_qr" if token else "locker_code")
        values["opened"] = compartment.code
        return request.render("concierge_services.pickup_kiosk", values)
