# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
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
