# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from werkzeug.urls import url_encode

from odoo import fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class VolunteerPortal(CustomerPortal):
    def _concierge_volunteer(self):
        partner = request.env.user.partner_id
        return partner if partner.concierge_is_volunteer else partner.browse()

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "volunteer_shift_count" in counters:
            volunteer = self._concierge_volunteer()
            values["volunteer_shift_count"] = (
                len(
                    request.env["concierge.volunteer.shift"]._concierge_open_for(
                        volunteer
                    )
                )
                if volunteer
                else 0
            )
        return values

    def _concierge_shift_values(self, volunteer, **kw):
        Shift = request.env["concierge.volunteer.shift"]
        Attendance = request.env["concierge.volunteer.attendance"]
        mine = Attendance.search(
            [
                ("partner_id", "=", volunteer.id),
                ("state", "=", "registered"),
                ("date_start", ">", fields.Datetime.now()),
            ],
            order="date_start",
        )
        open_shifts = Shift._concierge_open_for(volunteer) - mine.shift_id
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "volunteer_shifts",
                "volunteer": volunteer,
                "my_shifts": mine.shift_id.sudo(),
                "open_shifts": open_shifts.sudo(),
                "error": kw.get("error"),
                "message": kw.get("message"),
            }
        )
        return values

    @http.route("/my/volunteer/shifts", type="http", auth="user", website=True)
    def portal_my_volunteer_shifts(self, **kw):
        volunteer = self._concierge_volunteer()
        if not volunteer:
            return request.redirect("/my")
        return request.render(
            "concierge_volunteers.portal_my_volunteer_shifts",
            self._concierge_shift_values(volunteer, **kw),
        )

    def _concierge_shift_action(self, shift_id, method, done):
        volunteer = self._concierge_volunteer()
        if not volunteer:
            return request.redirect("/my")
        try:
            shift = request.env["concierge.volunteer.shift"].browse(shift_id).exists()
            if not shift:
                raise MissingError(request.env._("This shift no longer exists."))
            shift.check_access("read")
            # refused: the sign-up written before the check is rolled back
            with request.env.cr.savepoint():
                getattr(shift.sudo(), method)(volunteer)
        except (AccessError, MissingError, UserError, ValidationError) as error:
            query = {"error": error.args[0]}
        else:
            query = {"message": done}
        return request.redirect("/my/volunteer/shifts?" + url_encode(query))

    @http.route(
        "/my/volunteer/shifts/<int:shift_id>/signup",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_volunteer_signup(self, shift_id, **kw):
        return self._concierge_shift_action(shift_id, "_concierge_signup", "signup")

    @http.route(
        "/my/volunteer/shifts/<int:shift_id>/withdraw",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_volunteer_withdraw(self, shift_id, **kw):
        return self._concierge_shift_action(shift_id, "_concierge_withdraw", "withdraw")

    @http.route("/my/volunteer/hours", type="http", auth="user", website=True)
    def portal_my_volunteer_hours(self, **kw):
        volunteer = self._concierge_volunteer()
        if not volunteer:
            return request.redirect("/my")
        attendances = request.env["concierge.volunteer.attendance"].search(
            [("partner_id", "=", volunteer.id), ("state", "=", "attended")],
            order="date_start desc",
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "volunteer_hours",
                "attendances": attendances.sudo(),
                "hours_total": sum(attendances.mapped("hours")),
            }
        )
        return request.render("concierge_volunteers.portal_my_volunteer_hours", values)
