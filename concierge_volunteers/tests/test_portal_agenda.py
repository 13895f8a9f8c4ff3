# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytz
import requests
from lxml import html

from odoo import Command, fields, http
from odoo.tests import HttpCase, TransactionCase, tagged
from odoo.tests.common import TEST_CURSOR_COOKIE_NAME
from odoo.tools import mute_logger

from ..models.ics_calendar import build_calendar, escape_text, fold
from .common import VolunteerCase

NOTE = "Mme Martin, 3 rue des Lilas, digicode 4512B"


def read_feed(case, token):
    """The feed of ``token``, read as a phone's calendar does: no session
    (only the test framework's cookie, which routes the request to the
    test's cursor)."""
    case.env.flush_all()
    return requests.get(
        f"{case.base_url()}/concierge/volunteer/feed/{token}.ics",
        cookies={
            TEST_CURSOR_COOKIE_NAME: case.opener.cookies.get(TEST_CURSOR_COOKIE_NAME)
            or ""
        },
        timeout=30,
    )


def ics_lines(text):
    """The content lines of an iCalendar text, unfolded."""
    return text.replace("\r\n ", "").split("\r\n")


class AgendaCase(VolunteerCase):
    """A week in a fortnight, as the portal volunteer Denise (desk skill)
    sees it: a desk shift on Tuesday, her own desk shift on Thursday, a
    delivery shift (driving, which she lacks) on Wednesday, a desk shift
    the next Monday."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user.tz = "Europe/Paris"
        cls.volunteer = cls.portal_user.partner_id
        cls.site.write(
            {"street": "5 place de l'Église", "zip": "69670", "city": "Vaugneray"}
        )
        day = fields.Date.today() + timedelta(days=14)
        cls.monday = day - timedelta(days=day.weekday())

        def at(offset, hour):
            # hours in UTC, between 8:00 and 14:00: the same day in Paris
            return datetime.combine(
                cls.monday + timedelta(days=offset), datetime.min.time()
            ) + timedelta(hours=hour)

        cls.tuesday_desk = cls._shift(start=at(1, 8))
        cls.wednesday_delivery = cls._shift(cls.mission_delivery, start=at(2, 9))
        cls.thursday_mine = cls._shift(start=at(3, 12), note=NOTE)
        cls.next_monday = cls._shift(start=at(7, 8))
        cls.draft = cls._shift(start=at(4, 8), state="draft")
        Attendance = cls.env["concierge.volunteer.attendance"]
        cls.mine = Attendance.create(
            {"shift_id": cls.thursday_mine.id, "partner_id": cls.volunteer.id}
        )
        # Alice's shift, in the same week: never in Denise's calendar
        cls.alice_shift = cls._shift(
            start=at(5, 8), note="Chez Mme Dupont, digicode 9876"
        )
        Attendance.create({"shift_id": cls.alice_shift.id, "partner_id": cls.alice.id})

    def _page(self, url):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return response, html.fromstring(response.text)

    def _post(self, url, **data):
        return self.url_open(
            url, data={"csrf_token": http.Request.csrf_token(self), **data}
        )


@tagged("post_install", "-at_install")
class TestPortalAgenda(AgendaCase, HttpCase):
    def test_agenda_groups_the_week_by_day_with_matching_shifts(self):
        self.authenticate(self.portal_user.login, self.portal_user.login)
        wednesday = (self.monday + timedelta(days=2)).isoformat()
        __, page = self._page(f"/my/volunteer/shifts?week={wednesday}")
        self.assertEqual(
            page.xpath("//h2[@data-week]/@data-week"), [self.monday.isoformat()]
        )
        days = page.xpath("//section[contains(@class, 'o_volunteer_day')]")
        self.assertEqual(
            [day.get("data-date") for day in days],
            [(self.monday + timedelta(days=n)).isoformat() for n in range(7)],
        )

        def cards(day, kind):
            return [
                int(card.get("data-shift-id"))
                for card in day.xpath(
                    f".//li[contains(@class, 'o_volunteer_shift_{kind}')]"
                )
            ]

        self.assertEqual(
            [cards(day, "open") for day in days],
            # Alice's shift has a seat left: open to Denise too (no note)
            [[], self.tuesday_desk.ids, [], [], [], self.alice_shift.ids, []],
        )
        self.assertEqual(
            [cards(day, "mine") for day in days],
            [[], [], [], self.thursday_mine.ids, [], [], []],
        )
        # one tap: a sign-up button on the open shift, a withdraw one on hers
        self.assertTrue(days[1].xpath(".//form[contains(@action, 'signup')]//button"))
        self.assertTrue(days[3].xpath(".//form[contains(@action, 'withdraw')]//button"))
        # the private note only on her own shift; nothing of Alice's
        text = page.text_content()
        self.assertIn("digicode 4512B", days[3].text_content())
        self.assertNotIn("9876", text)
        self.assertNotIn("Livraison (test)", text)
        links = page.xpath("//nav[contains(@class, 'o_volunteer_week_nav')]//a/@href")
        self.assertIn(
            "/my/volunteer/shifts?week=%s" % (self.monday - timedelta(days=7)), links
        )
        self.assertIn(
            "/my/volunteer/shifts?week=%s" % (self.monday + timedelta(days=7)), links
        )
        __, next_page = self._page(
            "/my/volunteer/shifts?week=%s" % (self.monday + timedelta(days=7))
        )
        self.assertEqual(
            [
                int(card)
                for card in next_page.xpath("//li[@data-shift-id]/@data-shift-id")
            ],
            [self.next_monday.id],
        )

    def test_without_a_week_the_page_opens_on_the_next_shift(self):
        self.authenticate(self.portal_user.login, self.portal_user.login)
        Shift = self.env["concierge.volunteer.shift"]
        first = min(
            (Shift._concierge_open_for(self.volunteer) | self.thursday_mine).mapped(
                "date_start"
            )
        )
        day = pytz.utc.localize(first).astimezone(pytz.timezone("Europe/Paris"))
        today = fields.Date.today()
        if day.date() - timedelta(days=day.weekday()) == today - timedelta(
            days=today.weekday()
        ):
            self.skipTest("this week already has a shift for the volunteer")
        __, page = self._page("/my/volunteer/shifts")
        self.assertEqual(
            page.xpath("//h2[@data-week]/@data-week"),
            [(day.date() - timedelta(days=day.weekday())).isoformat()],
        )
        self.assertTrue(page.xpath("//p[contains(@class, 'o_volunteer_week_jumped')]"))
        self.assertTrue(page.xpath("//li[@data-shift-id]"))

    def test_a_bad_week_opens_the_default_one(self):
        self.authenticate(self.portal_user.login, self.portal_user.login)
        __, default = self._page("/my/volunteer/shifts")
        for week in ("0001-01-01", "9999-12-31", "demain", ""):
            __, page = self._page(f"/my/volunteer/shifts?week={week}")
            self.assertEqual(
                page.xpath("//h2[@data-week]/@data-week"),
                default.xpath("//h2[@data-week]/@data-week"),
                week,
            )

    def test_sign_up_and_withdraw_in_one_tap(self):
        self.authenticate(self.portal_user.login, self.portal_user.login)
        response = self._post(f"/my/volunteer/shifts/{self.tuesday_desk.id}/signup")
        self.assertEqual(response.status_code, 200)
        query = parse_qs(urlsplit(response.url).query)
        self.assertEqual(query["message"], ["signup"])
        self.assertEqual(query["week"], [str(self.monday + timedelta(days=1))])
        attendance = self.tuesday_desk.attendance_ids
        self.assertEqual(attendance.partner_id, self.volunteer)
        self.assertEqual(attendance.state, "registered")
        self.assertIn("o_volunteer_shift_mine", response.text)
        # withdrawn from "My shifts": back to that page
        response = self._post(
            f"/my/volunteer/shifts/{self.tuesday_desk.id}/withdraw", origin="mine"
        )
        self.assertEqual(urlsplit(response.url).path, "/my/volunteer/mine")
        self.assertIn("o_volunteer_message", response.text)
        self.assertFalse(self.tuesday_desk.attendance_ids)
        # a shift without her skill: refused, nothing written
        response = self._post(
            f"/my/volunteer/shifts/{self.wednesday_delivery.id}/signup"
        )
        self.assertIn("o_volunteer_error", response.text)
        self.assertFalse(self.wednesday_delivery.attendance_ids)

    def test_my_shifts_my_hours_and_counters(self):
        past = self._shift(start=fields.Datetime.now() - timedelta(days=40))
        self.env["concierge.volunteer.attendance"].create(
            {"shift_id": past.id, "partner_id": self.volunteer.id, "state": "attended"}
        )
        self.authenticate(self.portal_user.login, self.portal_user.login)
        __, mine = self._page("/my/volunteer/mine")
        cards = mine.xpath(
            "//div[contains(@class, 'o_volunteer_my_shifts')]//li[@data-shift-id]"
        )
        self.assertEqual(
            [int(card.get("data-shift-id")) for card in cards], [self.thursday_mine.id]
        )
        self.assertIn("digicode 4512B", cards[0].text_content())
        self.assertEqual(mine.xpath("//input[@name='origin']/@value"), ["mine"])
        self.assertTrue(
            mine.xpath(
                "//ol[contains(@class, 'o_portal_submenu')]"
                "//a[@href='/my/volunteer/shifts']"
            )
        )
        __, hours = self._page("/my/volunteer/hours")
        self.assertEqual(
            hours.xpath("//*[contains(@class, 'o_volunteer_hours_total')]/text()"),
            ["3.00"],
        )
        self.assertEqual(
            hours.xpath("//*[contains(@class, 'o_volunteer_month_hours')]/text()"),
            ["3.00"],
        )
        counters = self.make_jsonrpc_request(
            "/my/counters",
            {"counters": ["volunteer_shift_count", "volunteer_mine_count"]},
        )
        self.assertEqual(counters["volunteer_mine_count"], 1)
        self.assertEqual(
            counters["volunteer_shift_count"],
            len(
                self.env["concierge.volunteer.shift"]._concierge_open_for(
                    self.volunteer
                )
            ),
        )


@tagged("post_install", "-at_install")
class TestPortalCalendarFeed(AgendaCase, HttpCase):
    def _feed(self, token):
        return read_feed(self, token)

    def _create_link(self):
        self.authenticate(self.portal_user.login, self.portal_user.login)
        response = self._post("/my/volunteer/calendar/link")
        self.assertEqual(response.status_code, 200)
        token = self.volunteer.sudo().concierge_volunteer_feed_token
        self.assertGreaterEqual(len(token), 40)
        return response, token

    def test_feed_holds_only_her_own_shifts(self):
        response, token = self._create_link()
        self.assertIn(f"/concierge/volunteer/feed/{token}.ics", response.text)
        self.assertIn('href="webcal://', response.text)
        feed = self._feed(token)
        self.assertEqual(feed.status_code, 200)
        self.assertEqual(feed.headers["Content-Type"], "text/calendar; charset=utf-8")
        text = feed.content.decode("utf-8")
        self.assertTrue(text.endswith("END:VCALENDAR\r\n"))
        self.assertNotIn("\n", text.replace("\r\n", ""))
        for line in text.split("\r\n"):
            self.assertLessEqual(len(line.encode("utf-8")), 75, line)
        lines = ics_lines(text)
        for header in (
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        ):
            self.assertIn(header, lines)
        self.assertTrue(any(line.startswith("PRODID:") for line in lines))
        self.assertTrue(any(line.startswith("X-WR-CALNAME:") for line in lines))
        self.assertEqual(lines.count("BEGIN:VEVENT"), 1)
        start = self.thursday_mine.date_start.strftime("%Y%m%dT%H%M%SZ")
        end = self.thursday_mine.date_end.strftime("%Y%m%dT%H%M%SZ")
        self.assertIn(f"DTSTART:{start}", lines)
        self.assertIn(f"DTEND:{end}", lines)
        self.assertIn("SUMMARY:Permanence (test)", lines)
        self.assertIn(
            "LOCATION:Épicerie de test - 5 place de l'Église\\, 69670 Vaugneray", lines
        )
        uid = [line for line in lines if line.startswith("UID:")]
        self.assertEqual(len(uid), 1)
        self.assertIn(f"attendance-{self.mine.id}@", uid[0])
        self.assertTrue(any(line.startswith("DTSTAMP:") for line in lines))
        # nothing private, nothing of Alice, no other property
        self.assertNotIn("digicode", text)
        self.assertNotIn(self.alice_shift.date_start.strftime("%Y%m%dT%H%M%SZ"), text)
        self.assertNotIn("Alice", text)
        self.assertNotIn("Denise", text)
        self.assertEqual(
            {line.split(":", 1)[0] for line in lines[lines.index("BEGIN:VEVENT") :]}
            - {"BEGIN", "END", ""},
            {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "LOCATION"},
        )
        # the same UID on the next read: the phone updates the event
        self.assertIn(uid[0], ics_lines(self._feed(token).text))

    def test_withdrawn_and_old_shifts_leave_the_feed(self):
        __, token = self._create_link()
        old = self._shift(start=fields.Datetime.now() - timedelta(days=31))
        self.env["concierge.volunteer.attendance"].create(
            {"shift_id": old.id, "partner_id": self.volunteer.id, "state": "attended"}
        )
        self._post(f"/my/volunteer/shifts/{self.thursday_mine.id}/withdraw")
        self.assertNotIn("BEGIN:VEVENT", self._feed(token).text)

    @mute_logger("odoo.http", "werkzeug")
    def test_wrong_or_changed_token_returns_404(self):
        __, token = self._create_link()
        self.assertEqual(self._feed(token).status_code, 200)
        for wrong in (token[:-1], token + "x", "x", token.upper()):
            response = self._feed(wrong)
            self.assertEqual(response.status_code, 404, wrong)
            self.assertNotIn("BEGIN:VCALENDAR", response.text)
        response = self._post("/my/volunteer/calendar/link")
        self.assertIn("o_volunteer_message", response.text)
        new = self.volunteer.sudo().concierge_volunteer_feed_token
        self.assertNotEqual(new, token)
        self.assertEqual(self._feed(token).status_code, 404)
        self.assertEqual(self._feed(new).status_code, 200)
        # a volunteer no longer: the link stops
        self.volunteer.concierge_is_volunteer = False
        self.assertEqual(self._feed(new).status_code, 404)

    def test_the_key_is_hidden_from_the_volunteer_and_the_desk(self):
        token = self.volunteer._concierge_volunteer_feed_token()
        self.assertEqual(token, self.volunteer._concierge_volunteer_feed_token())
        fields_read = self.volunteer.with_user(self.portal_user).fields_get()
        self.assertNotIn("concierge_volunteer_feed_token", fields_read)
        desk = self.volunteer.with_user(self.concierge).fields_get()
        self.assertNotIn("concierge_volunteer_feed_token", desk)
        manager = self.volunteer.with_user(self.manager)
        self.assertEqual(manager.concierge_volunteer_feed_token, token)
        self.volunteer._concierge_anonymize()
        self.assertFalse(self.volunteer.sudo().concierge_volunteer_feed_token)


@tagged("post_install", "-at_install")
class TestIcsCalendar(TransactionCase):
    def test_text_escaped(self):
        self.assertEqual(escape_text("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf")

    def test_lines_folded_at_75_octets_between_characters(self):
        line = "SUMMARY:" + "é" * 100
        folded = fold(line)
        parts = folded.split("\r\n")
        self.assertGreater(len(parts), 1)
        for part in parts:
            self.assertLessEqual(len(part.encode("utf-8")), 75)
        self.assertTrue(all(part.startswith(" ") for part in parts[1:]))
        self.assertEqual(folded.replace("\r\n ", ""), line)
        self.assertEqual(fold("SHORT:line"), "SHORT:line")

    def test_calendar(self):
        start = datetime(2026, 3, 2, 8, 30)
        text = build_calendar(
            "Bénévolat",
            "-//test//FR",
            [
                {
                    "uid": "a@b",
                    "dtstamp": start,
                    "start": start,
                    "end": start + timedelta(hours=2),
                    "summary": "Livraison, courses; pain",
                    "location": "",
                }
            ],
        )
        lines = text.split("\r\n")
        self.assertEqual(lines[0], "BEGIN:VCALENDAR")
        self.assertEqual(lines[-2:], ["END:VCALENDAR", ""])
        self.assertIn("DTSTART:20260302T083000Z", lines)
        self.assertIn("DTEND:20260302T103000Z", lines)
        self.assertIn("SUMMARY:Livraison\\, courses\\; pain", lines)
        self.assertFalse([line for line in lines if line.startswith("LOCATION")])


@tagged("post_install", "-at_install")
class TestPortalPhoneTour(HttpCase):
    """On the demo, at phone size: Claire, a demo volunteer, signs up for a
    shift from the agenda and finds it in her calendar feed."""

    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.claire = cls.env.ref("concierge_volunteers.volunteer_claire")
        cls.user = cls.env["res.users"].create(
            {
                "login": "claire_telephone",
                "password": "claire_telephone",
                "partner_id": cls.claire.id,
                "tz": "Europe/Paris",
                "groups_id": [Command.set([cls.env.ref("base.group_portal").id])],
            }
        )

    def _target(self):
        """The first demo shift Claire may still sign up for: the first with
        a sign-up button in its week."""
        now = fields.Datetime.now()
        return (
            self.env["concierge.volunteer.shift"]
            ._concierge_open_for(self.claire)
            .filtered(
                lambda s: (
                    s.seats_available > 0
                    and s.signup_deadline > now
                    and self.claire not in s.attendance_ids.partner_id
                )
            )[:1]
        )

    def test_volunteer_signs_up_on_her_phone_and_finds_it_in_her_calendar(self):
        target = self._target()
        self.assertTrue(target, "the demo has an open shift for Claire")
        week = fields.Datetime.context_timestamp(self.user, target.date_start).date()
        self.start_tour(
            f"/my/volunteer/shifts?week={week}",
            "concierge_volunteers_phone_tour",
            login="claire_telephone",
        )
        attendance = target.attendance_ids.filtered(
            lambda a: a.partner_id == self.claire
        )
        self.assertEqual(attendance.state, "registered")
        token = self.claire.sudo().concierge_volunteer_feed_token
        self.assertTrue(token)
        feed = read_feed(self, token)
        self.assertEqual(feed.status_code, 200)
        lines = ics_lines(feed.text)
        self.assertIn(f"SUMMARY:{escape_text(target.mission_id.name)}", lines)
        self.assertIn("DTSTART:" + target.date_start.strftime("%Y%m%dT%H%M%SZ"), lines)
