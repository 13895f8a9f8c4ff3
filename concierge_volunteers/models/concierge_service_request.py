# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import math

from odoo import api, fields, models


class ConciergeServiceRequest(models.Model):
    _inherit = "concierge.service.request"

    concierge_volunteer_shift_ids = fields.One2many(
        "concierge.volunteer.shift",
        "service_request_id",
        string="Volunteer shifts",
        readonly=True,
        help="Delivery or visit shifts of volunteers serving this request.",
    )
    concierge_volunteer_shift_count = fields.Integer(
        string="Volunteer shift count",
        compute="_compute_concierge_volunteer_shift_count",
    )

    concierge_round_need = fields.Selection(
        [
            ("none", "No round"),
            ("pickup", "Pick-up"),
            ("delivery", "Delivery"),
            ("both", "Pick-up and delivery"),
        ],
        string="On a round",
        required=True,
        default="none",
        tracking=True,
        index=True,
        help="Whether a round collects the items at the beneficiary's (while "
        "the request is confirmed) and delivers them back (once ready). The "
        "people living in a commune of the round are served at its commune "
        "stop, vulnerable persons at home.",
    )
    concierge_round_collect_stop_ids = fields.Many2many(
        "concierge.round.stop",
        "concierge_round_stop_collect_rel",
        "request_id",
        "stop_id",
        string="Collected at",
        readonly=True,
        copy=False,
    )
    concierge_round_deliver_stop_ids = fields.Many2many(
        "concierge.round.stop",
        "concierge_round_stop_deliver_rel",
        "request_id",
        "stop_id",
        string="Delivered at",
        readonly=True,
        copy=False,
    )

    def _concierge_round_item_counts(self):
        """{request id: items it puts in the vehicle}: its custody items not
        handed back, else the quantity of its lines (at least one). Counts
        only, read in two queries whoever asks (a driver too)."""
        ids = [rid for rid in self.ids if isinstance(rid, int)]
        if not ids:
            return {}
        items = dict(
            self.env["concierge.custody.item"]
            .sudo()
            ._read_group(
                [("request_id", "in", ids), ("state", "!=", "returned")],
                ["request_id"],
                ["__count"],
            )
        )
        quantities = dict(
            self.env["concierge.service.request.line"]
            .sudo()
            ._read_group([("request_id", "in", ids)], ["request_id"], ["quantity:sum"])
        )
        return {
            request.id: items.get(request)
            or max(1, math.ceil(quantities.get(request) or 0))
            for request in self.sudo().browse(ids)
        }

    @api.depends("concierge_volunteer_shift_ids")
    def _compute_concierge_volunteer_shift_count(self):
        groups = self.env["concierge.volunteer.shift"]._read_group(
            self._concierge_volunteer_shift_domain(),
            ["service_request_id"],
            ["__count"],
        )
        counts = {request.id: count for request, count in groups}
        for request in self:
            request.concierge_volunteer_shift_count = counts.get(request.id, 0)

    def _concierge_volunteer_shift_domain(self):
        """Domain of the volunteer shifts serving these requests."""
        return [("service_request_id", "in", self.ids)]

    def _prepare_volunteer_shift_context(self):
        """Defaults of a shift planned from the request: it serves it."""
        self.ensure_one()
        return {
            "default_service_request_id": self.id,
            "default_site_id": self.site_id.id,
            "default_company_id": self.company_id.id,
        }

    def action_view_volunteer_shifts(self):
        """The volunteer shifts serving the request; new ones serve it too."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "concierge_volunteers.action_concierge_volunteer_shift"
        )
        action.update(
            {
                "domain": self._concierge_volunteer_shift_domain(),
                "context": self._prepare_volunteer_shift_context(),
                "view_mode": "list,form,calendar",
                "views": [(False, "list"), (False, "form"), (False, "calendar")],
            }
        )
        return action
