# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import json

from odoo import http
from odoo.exceptions import AccessError
from odoo.http import content_disposition, request


class ConciergePrivacy(http.Controller):
    @http.route(
        "/concierge/privacy/<int:partner_id>/export.json", type="http", auth="user"
    )
    def concierge_privacy_export_json(self, partner_id, **kw):
        """The personal data of a person as a JSON file (managers only)."""
        partner = request.env["res.partner"].browse(partner_id).exists()
        if not partner:
            return request.not_found()
        try:
            payload = partner._concierge_privacy_export()
        except AccessError as error:
            return request.make_response(
                error.args[0],
                headers=[("Content-Type", "text/plain; charset=utf-8")],
                status=403,
            )
        body = json.dumps(payload, ensure_ascii=False, indent=2, default=str)
        filename = f"donnees-personnelles-{partner.id}.json"
        return request.make_response(
            body,
            headers=[
                ("Content-Type", "application/json; charset=utf-8"),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )
