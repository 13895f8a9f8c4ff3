# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from collections import defaultdict
from datetime import date, datetime, time, timedelta

import pytz
from babel.dates import format_date
from werkzeug.urls import url_encode

from odoo import fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request
from odoo.tools.misc import babel_locale_parse

from odoo.addons.portal.controllers.portal import CustomerPortal

# the conciergeries are in France: the agenda's days when the user has no tz
DEFAULT_TZ = "Europe/Paris"
# where a sign-up or withdrawal sends the volunteer back to
ORIGINS = {"mine": "/my/volunteer/mine"}
# a week asked for out of these years is ignored (no overflow at year 1)
MIN_YEAR, MAX_YEAR = 1900, 9000


def upper_first(text):
    """``text`` with a capital first letter, the rest as it is (a French
    month stays in lower case, an English one keeps its capital)."""
    return text[:1].upper() + text[1:]


class VolunteerPortal(CustomerPortal):
    def _concierge_volunteer(self):
        partner = request.env.user.partner_id
        return partner if partner.concierge_is_volunteer else partner.browse()

    def _concierge_my_attendances(self, volunteer, domain=None):
        """The volunteer's own registrations, first to come first."""
        return request.env["concierge.volunteer.attendance"].search(
            [
                ("partner_id", "=", volunteer.id),
                ("state", "=", "registered"),
                *(domain or [("date_start", ">", fields.Datetime.now())]),
            ],
            order="date_start",
        )

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        volunteer = self._concierge_volunteer()
        if "volunteer_shift_count" in counters:
            values["volunteer_shift_count"] = (
                len(
                    request.env["concierge.volunteer.shift"]._concierge_open_for(
                        volunteer
                    )
                )
                if volunteer
                else 0
            )
        if "volunteer_mine_count" in counters:
            values["volunteer_mine_count"] = (
                len(self._concierge_my_attendances(volunteer)) if volunteer else 0
            )
        return values

    # ------------------------------------------------------------------
    # the week agenda
    # ------------------------------------------------------------------
    def _concierge_tz(self):
        return pytz.timezone(request.env.user.tz or DEFAULT_TZ)

    def _concierge_week_bounds(self, monday):
        """The start and end, in naive UTC, of the week of ``monday`` (in the
        user's time zone)."""
        tz = self._concierge_tz()

        def utc(day):
            local = tz.localize(datetime.combine(day, time.min))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        return utc(monday), utc(monday + timedelta(days=7))

    def _concierge_local_date(self, value):
        return pytz.utc.localize(value).astimezone(self._concierge_tz()).date()

    def _concierge_week(self, volunteer, week):
        """The Monday of the week asked for (``YYYY-MM-DD``, any day of it);
        without one, this week, or the week of the next shift when this
        week has none. Second value: True when the page jumped ahead."""
        today = self._concierge_local_date(fields.Datetime.now())
        try:
            day = date.fromisoformat(week) if week else None
        except (TypeError, ValueError):
            day = None
        if day and MIN_YEAR <= day.year <= MAX_YEAR:
            return day - timedelta(days=day.weekday()), False
        monday = today - timedelta(days=today.weekday())
        start, end = self._concierge_week_bounds(monday)
        Shift = request.env["concierge.volunteer.shift"]
        in_week = [("date_start", ">=", start), ("date_start", "<", end)]
        if Shift._concierge_open_for(volunteer, in_week) or (
            self._concierge_my_attendances(volunteer, in_week)
        ):
            return monday, False
        upcoming = (
            Shift._concierge_open_for(volunteer)[:1].date_start,
            self._concierge_my_attendances(volunteer)[:1].date_start,
        )
        upcoming = [value for value in upcoming if value]
        if not upcoming:
            return monday, False
        first = self._concierge_local_date(min(upcoming))
        return first - timedelta(days=first.weekday()), True

    def _concierge_locale(self):
        return babel_locale_parse(request.env.lang or "en_US")

    def _concierge_day_label(self, day):
        return upper_first(
            format_date(day, "EEEE d MMMM", locale=self._concierge_locale())
        )

    def _concierge_days(self, entries, days=None):
        """``entries`` grouped by their local day: dicts ``date``, ``label``,
        ``today``, ``entries``; every day of ``days`` when given."""
        by_day = defaultdict(list)
        for entry in entries:
            by_day[entry["date"]].append(entry)
        today = self._concierge_local_date(fields.Datetime.now())
        return [
            {
                "date": day,
                "label": self._concierge_day_label(day),
                "today": day == today,
                "entries": by_day[day],
            }
            for day in (days if days is not None else sorted(by_day))
        ]

    def _concierge_shift_entry(self, shift, mine, now):
        tz = self._concierge_tz()
        start = pytz.utc.localize(shift.date_start).astimezone(tz)
        end = pytz.utc.localize(shift.date_end).astimezone(tz)
        return {
            "shift": shift,
            "date": start.date(),
            "mine": mine,
            "start": start.strftime("%H:%M"),
            "end": end.strftime("%H:%M"),
            "late": now > shift.signup_deadline,
        }

    def _concierge_agenda_values(self, volunteer, week=None):
        monday, jumped = self._concierge_week(volunteer, week)
        start, end = self._concierge_week_bounds(monday)
        in_week = [("date_start", ">=", start), ("date_start", "<", end)]
        mine = self._concierge_my_attendances(volunteer, in_week).shift_id
        open_shifts = (
            request.env["concierge.volunteer.shift"]._concierge_open_for(
                volunteer, in_week
            )
            - mine
        )
        now = fields.Datetime.now()
        entries = [
            self._concierge_shift_entry(shift.sudo(), shift in mine, now)
            for shift in (mine | open_shifts).sorted(lambda s: (s.date_start, s.id))
        ]
        locale = self._concierge_locale()
        today = self._concierge_local_date(now)
        sunday = monday + timedelta(days=6)
        return {
            "days": self._concierge_days(
                entries, [monday + timedelta(days=n) for n in range(7)]
            ),
            "week": monday,
            "week_label": "%s - %s"
            % (
                format_date(monday, "d MMMM", locale=locale),
                format_date(sunday, "d MMMM y", locale=locale),
            ),
            "week_jumped": jumped,
            "week_is_current": monday <= today <= sunday,
            "week_current": today.isoformat(),
            "week_previous": (monday - timedelta(days=7)).isoformat(),
            "week_next": (monday + timedelta(days=7)).isoformat(),
            "open_count": len(open_shifts),
        }

    def _concierge_shift_values(self, volunteer, **kw):
        mine = self._concierge_my_attendances(volunteer)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "volunteer_shifts",
                "volunteer": volunteer,
                "my_shifts": mine.shift_id.sudo(),
                "error": kw.get("error"),
                "message": kw.get("message"),
                **self._concierge_agenda_values(volunteer, kw.get("week")),
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

    @http.route("/my/volunteer/mine", type="http", auth="user", website=True)
    def portal_my_volunteer_mine(self, **kw):
        volunteer = self._concierge_volunteer()
        if not volunteer:
            return request.redirect("/my")
        now = fields.Datetime.now()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "volunteer_mine",
                "days": self._concierge_days(
                    self._concierge_shift_entry(shift, True, now)
                    for shift in self._concierge_my_attendances(
                        volunteer
                    ).shift_id.sudo()
                ),
                "error": kw.get("error"),
                "message": kw.get("message"),
            }
        )
        return request.render("concierge_volunteers.portal_my_volunteer_mine", values)

    def _concierge_shift_action(self, shift_id, method, done, origin=None):
        volunteer = self._concierge_volunteer()
        if not volunteer:
            return request.redirect("/my")
        query = {}
        try:
            shift = request.env["concierge.volunteer.shift"].browse(shift_id).exists()
            if not shift:
                raise MissingError(request.env._("This shift no longer exists."))
            shift.check_access("read")
            # back to the week of the shift
            query["week"] = self._concierge_local_date(
                shift.sudo().date_start
            ).isoformat()
            # refused: the sign-up written before the check is rolled back
            with request.env.cr.savepoint():
                getattr(shift.sudo(), method)(volunteer)
        except (AccessError, MissingError, UserError, ValidationError) as error:
            query["error"] = error.args[0]
        else:
            query["message"] = done
        path = ORIGINS.get(origin, "/my/volunteer/shifts")
        return request.redirect(path + "?" + url_encode(query))

    @http.route(
        "/my/volunteer/shifts/<int:shift_id>/signup",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_volunteer_signup(self, shift_id, origin=None, **kw):
        return self._concierge_shift_action(
            shift_id, "_concierge_signup", "signup", origin
        )

    @http.route(
        "/my/volunteer/shifts/<int:shift_id>/withdraw",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_volunteer_withdraw(self, shift_id, origin=None, **kw):
        return self._concierge_shift_action(
            shift_id, "_concierge_withdraw", "withdraw", origin
        )

    # ------------------------------------------------------------------
    # hours
    # ------------------------------------------------------------------
    @http.route("/my/volunteer/hours", type="http", auth="user", website=True)
    def portal_my_volunteer_hours(self, **kw):
        volunteer = self._concierge_volunteer()
        if not volunteer:
            return request.redirect("/my")
        attendances = request.env["concierge.volunteer.attendance"].search(
            [("partner_id", "=", volunteer.id), ("state", "=", "attended")],
            order="date_start desc",
        )
        locale = self._concierge_locale()
        months = {}
        for attendance in attendances.sudo():
            month = attendance.date.replace(day=1)
            if month not in months:
                months[month] = {
                    "label": upper_first(format_date(month, "MMMM y", locale=locale)),
                    "hours": 0.0,
                    "attendances": [],
                }
            months[month]["hours"] += attendance.hours
            months[month]["attendances"].append(attendance)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "volunteer_hours",
                "attendances": attendances.sudo(),
                "months": list(months.values()),
                "hours_total": sum(attendances.mapped("hours")),
            }
        )
        return request.render("concierge_volunteers.portal_my_volunteer_hours", values)

    # ------------------------------------------------------------------
    # calendar feed (ICS): a private link the phone's calendar reads
    # ------------------------------------------------------------------
    @http.route("/my/volunteer/calendar", type="http", auth="user", website=True)
    def portal_my_volunteer_calendar(self, **kw):
        volunteer = self._concierge_volunteer()
        if not volunteer:
            return request.redirect("/my")
        token = volunteer.sudo().concierge_volunteer_feed_token
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "volunteer_calendar", "message": kw.get("message")})
        if token:
            url = "%s/concierge/volunteer/feed/%s.ics" % (
                volunteer.get_base_url(),
                token,
            )
            values.update(
                {"feed_url": url, "webcal_url": "webcal://" + url.split("://", 1)[1]}
            )
        return request.render(
            "concierge_volunteers.portal_my_volunteer_calendar", values
        )

    @http.route(
        "/my/volunteer/calendar/link",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_volunteer_calendar_link(self, **kw):
        """Create the private link, or replace it: the old one stops."""
        volunteer = self._concierge_volunteer()
        if not volunteer:
            return request.redirect("/my")
        renew = bool(volunteer.sudo().concierge_volunteer_feed_token)
        volunteer._concierge_volunteer_feed_token(renew=renew)
        return request.redirect(
            "/my/volunteer/calendar?message=%s" % ("renewed" if renew else "created")
        )

    @http.route(
        "/concierge/volunteer/feed/<string:token>.ics",
        type="http",
        auth="public",
        methods=["GET", "HEAD"],
        csrf=False,
        sitemap=False,
    )
    def concierge_volunteer_feed(self, token, **kw):
        """The volunteer's own shifts, for the calendar of their phone (which
        comes without a session: the secret link is the key)."""
        volunteer = request.env["res.partner"]._concierge_volunteer_from_feed_token(
            token
        )
        if not volunteer:
            raise request.not_found()
        body = volunteer.sudo()._concierge_volunteer_feed_ics()
        return request.make_response(
            body.encode("utf-8"),
            headers=[
                ("Content-Type", "text/calendar; charset=utf-8"),
                ("Content-Disposition", 'inline; filename="benevolat.ics"'),
                ("Cache-Control", "private, no-cache"),
                ("X-Robots-Tag", "noindex, nofollow"),
            ],
        )
