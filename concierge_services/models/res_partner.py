# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models
from odoo.exceptions import UserError
from odoo.tools import is_html_empty

from .concierge_service_request import OPEN_STATES


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _concierge_privacy_requests(self):
        return (
            self.env["concierge.service.request"]
            .sudo()
            .with_context(active_test=False)
            .search([("partner_id", "in", self.ids)], order="request_date, id")
        )

    def _concierge_privacy_data(self):
        data = super()._concierge_privacy_data()
        env = self.env
        requests = self._concierge_privacy_requests()
        items = (
            env["concierge.custody.item"]
            .sudo()
            .search([("partner_id", "=", self.id)], order="received_date, id")
        )
        data["requests"] = self._concierge_privacy_section(
            env._("Service requests"),
            requests,
            [
                "name",
                "request_date",
                "site_id",
                "channel",
                "state",
                "line_ids",
                "description",
                "note",
                "amount_total",
                "done_date",
            ],
        )
        data["custody_items"] = self._concierge_privacy_section(
            env._("Items in custody"),
            items,
            [
                "name",
                "description",
                "request_id",
                "site_id",
                "state",
                "received_date",
                "returned_date",
            ],
        )
        return data

    def _concierge_check_anonymize(self):
        res = super()._concierge_check_anonymize()
        requests = self._concierge_privacy_requests().filtered(
            lambda r: r.state in OPEN_STATES
        )
        if requests:
            raise UserError(
                self.env._(
                    "%(name)s has requests in progress (%(requests)s): close or "
                    "cancel them first, then anonymise the person.",
                    name=requests.partner_id[:1].display_name,
                    requests=", ".join(requests.mapped("name")),
                )
            )
        items = (
            self.env["concierge.custody.item"]
            .sudo()
            .search([("partner_id", "in", self.ids), ("state", "!=", "returned")])
        )
        if items:
            raise UserError(
                self.env._(
                    "The conciergerie still holds items of %(name)s (%(items)s): "
                    "hand them back first.",
                    name=items.partner_id[:1].display_name,
                    items=", ".join(items.mapped("name")),
                )
            )
        return res

    def _concierge_anonymize(self):
        res = super()._concierge_anonymize()
        self._concierge_privacy_requests().write({"note": False, "description": False})
        return res

    def _concierge_privacy_last_activity(self):
        activity = super()._concierge_privacy_last_activity()
        groups = (
            self.env["concierge.service.request"]
            .sudo()
            ._read_group(
                [("partner_id", "in", self.ids)],
                ["partner_id"],
                ["request_date:max", "done_date:max"],
            )
        )
        items = (
            self.env["concierge.custody.item"]
            .sudo()
            ._read_group(
                [("partner_id", "in", self.ids)],
                ["partner_id"],
                ["returned_date:max", "received_date:max"],
            )
        )
        pairs = [
            (partner.id, when) for partner, *dates in groups + items for when in dates
        ]
        return self._concierge_privacy_merge_activity(activity, pairs)

    def _concierge_privacy_purge(self):
        purged = super()._concierge_privacy_purge()
        requests = self._concierge_privacy_requests().filtered(
            lambda r: not is_html_empty(r.note)
        )
        label = self.env._("Request notes")
        for partner in requests.partner_id:
            purged.setdefault(partner.id, []).append(label)
        requests.write({"note": False})
        return purged
