# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Every portal page of the suite, in headless Chromium, at phone size
(390 x 844, touch) and at desktop size (1366 x 768), as the people who read
them: a beneficiary, a volunteer, an employer's contact, a funder's contact.

On each page: axe-core (from the npm registry, installed by the bootstrap)
finds no serious or critical violation of WCAG 2.1 A/AA; the page does not
scroll sideways; at phone size the buttons and fields of the page's content
are at least 44 px high, and the cards of the portal home are one column.

One browser per viewport: the users log in one after the other in it, the
pages are opened one after the other, and every failure of every page is
reported at the end. With ``CONCIERGE_SCREENSHOTS=<folder>`` a PNG of each
page at each viewport is saved there (``phone-my-home.png``...).
"""

import base64
import json
import logging
import os
import time
from datetime import date, timedelta
from pathlib import Path

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import TEST_CURSOR_COOKIE_NAME, ChromeBrowser

_logger = logging.getLogger(__name__)

# what tools/bootstrap.py installs (tools/suite.py sets CONCIERGE_AXE)
DEFAULT_AXE = (
    Path(__file__).resolve().parents[2]
    / "var"
    / "npm"
    / "node_modules"
    / "axe-core"
    / "axe.min.js"
)
PHONE = "390x844"
DESKTOP = "1366x768"
MIN_TAP = 44

# run in the page once axe's source is in it: a JSON-able report
AUDIT = """
(async () => {
    const report = {};
    const result = await axe.run(document, {
        runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
        resultTypes: ["violations"],
    });
    report.violations = result.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            targets: v.nodes.slice(0, 8).map((n) => n.target.join(" ")),
        }));
    report.scrollWidth = document.documentElement.scrollWidth;
    report.innerWidth = window.innerWidth;
    const main = document.querySelector("main") || document.body;
    const describe = (el) => {
        let text = (el.innerText || el.value || el.name || "").trim();
        text = text.replace(/\\s+/g, " ").slice(0, 40);
        const cls = [...el.classList].slice(0, 3).join(".");
        return `${el.tagName.toLowerCase()}${cls ? "." + cls : ""} "${text}"`;
    };
    const visible = (el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.height > 0
            && getComputedStyle(el).visibility !== "hidden";
    };
    const controls = main.querySelectorAll(
        "a.btn, button, input[type=submit], select, .form-control," +
        " .o_portal_index_card > a"
    );
    report.small = [...controls].filter(visible)
        .map((el) => [el, el.getBoundingClientRect().height])
        .filter(([, height]) => height < %(min_tap)s - 0.5)
        .map(([el, height]) => `${describe(el)}: ${height.toFixed(1)} px`);
    // what sticks out on the right, deepest last
    report.wide = [...document.body.querySelectorAll("*")]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
        .filter((el) => getComputedStyle(el).position !== "fixed")
        .slice(-4)
        .map((el) => [el, Math.round(el.getBoundingClientRect().right)])
        .map(([el, right]) => `${describe(el)}: ${right} px`);
    report.cards = [...document.querySelectorAll(".o_portal_index_card")]
        .filter(visible)
        .map((el) => {
            const box = el.getBoundingClientRect();
            return [Math.round(box.left), Math.round(box.width)];
        });
    return JSON.stringify(report);
})()
""" % {"min_tap": MIN_TAP}

READY = (
    "document.readyState === 'complete'"
    " && !document.querySelector('.o_portal_doc_spinner')"
)


def axe_source():
    """axe-core's script; a clear failure when the bootstrap did not put it
    where the test looks."""
    path = Path(os.environ.get("CONCIERGE_AXE") or DEFAULT_AXE)
    if not path.is_file():
        raise AssertionError(
            f"axe-core is missing: no {path}. Run `make setup` (python3 "
            "tools/bootstrap.py installs axe-core from the npm registry into "
            "var/npm/), or set CONCIERGE_AXE to the path of axe.min.js."
        )
    return path.read_text()


@tagged("post_install", "-at_install")
class TestPortalA11y(HttpCase):
    """Accessibility, width and tap targets of every portal page."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.company = env.company
        cls.site = env["concierge.site"].create(
            {
                "name": "Conciergerie du Bourg",
                "code": "A11Y",
                "site_type": "shop",
                "street": "5 place de l'Église",
                "zip": "69670",
                "city": "Vaugneray",
                "phone": "+33478000000",
                "company_id": cls.company.id,
                "opening_ids": [
                    Command.create({"dayofweek": "1", "hour_from": 9, "hour_to": 12}),
                    Command.create({"dayofweek": "4", "hour_from": 14, "hour_to": 19}),
                ],
            }
        )
        env["concierge.locker.compartment"].create(
            [
                {"site_id": cls.site.id, "code": "A1", "size": "medium"},
                {"site_id": cls.site.id, "code": "A2", "size": "large"},
            ]
        )
        cls._beneficiary_data()
        cls._volunteer_data()
        cls._round_data()
        cls._employer_data()
        cls._funder_data()

    @classmethod
    def _user(cls, login, name, **partner_vals):
        user = new_test_user(
            cls.env,
            login=login,
            password=login,
            name=name,
            email=f"{login}@example.com",
            groups="base.group_portal",
            company_ids=[Command.set(cls.company.ids)],
        )
        if partner_vals:
            user.partner_id.write(partner_vals)
        return user

    @classmethod
    def _beneficiary_data(cls):
        env = cls.env
        category = env["concierge.service.category"].create(
            {"name": "Pressing et retouches", "code": "A11YPRESS"}
        )
        other = env["concierge.service.category"].create(
            {"name": "Démarches", "code": "A11YDEM"}
        )
        Product = env["product.product"]
        cls.coat = Product.create(
            {
                "name": "Nettoyage manteau",
                "type": "service",
                "list_price": 14.0,
                "concierge_category_id": category.id,
                "concierge_lead_days": 3,
                "concierge_custody": True,
            }
        )
        cls.papers = Product.create(
            {
                "name": "Aide aux papiers",
                "type": "service",
                "list_price": 0.0,
                "concierge_category_id": other.id,
            }
        )
        cls.beneficiary = cls._user(
            "a11y_jeanne",
            "Jeanne Martin",
            concierge_beneficiary_type="inhabitant",
            concierge_site_id=cls.site.id,
            phone="+33612345678",
        )
        Request = env["concierge.service.request"]
        partner = cls.beneficiary.partner_id
        cls.custody_request = Request.create(
            {
                "partner_id": partner.id,
                "site_id": cls.site.id,
                "channel": "portal",
                "description": "Un manteau d'hiver, tache sur la manche",
                "line_ids": [Command.create({"product_id": cls.coat.id})],
            }
        )
        cls.custody_request.action_confirm()
        done = Request.create(
            {
                "partner_id": partner.id,
                "site_id": cls.site.id,
                "request_date": "2026-01-05 10:00:00",
                "line_ids": [Command.create({"product_id": cls.papers.id})],
            }
        )
        done.action_confirm()
        done.action_start()
        done.action_ready()
        done.line_ids.action_deliver()
        done.action_done()
        Request.create(
            {
                "partner_id": partner.id,
                "site_id": cls.site.id,
                "line_ids": [Command.create({"product_id": cls.papers.id})],
            }
        )

    @classmethod
    def _volunteer_data(cls):
        env = cls.env
        skill = env["concierge.volunteer.skill"].create({"name": "Accueil"})
        cls.volunteer = cls._user(
            "a11y_paul",
            "Paul Bénévole",
            concierge_is_volunteer=True,
            concierge_volunteer_skill_ids=[Command.set(skill.ids)],
        )
        mission = env["concierge.volunteer.mission"].create(
            {
                "name": "Permanence d'accueil",
                "mission_type": "desk",
                "site_id": cls.site.id,
                "skill_ids": [Command.set(skill.ids)],
            }
        )
        Shift = env["concierge.volunteer.shift"]
        start = (fields.Datetime.now() + timedelta(days=10)).replace(
            hour=9, minute=0, second=0, microsecond=0
        )
        shifts = Shift.create(
            [
                {
                    "mission_id": mission.id,
                    "site_id": cls.site.id,
                    "date_start": start + timedelta(days=day),
                    "date_end": start + timedelta(days=day, hours=3),
                    "capacity": 3,
                    "state": "open",
                }
                for day in (0, 2, 7)
            ]
        )
        Attendance = env["concierge.volunteer.attendance"]
        Attendance.create(
            {
                "shift_id": shifts[0].id,
                "partner_id": cls.volunteer.partner_id.id,
                "state": "registered",
            }
        )
        past_start = start - timedelta(days=40)
        past = Shift.create(
            {
                "mission_id": mission.id,
                "site_id": cls.site.id,
                "date_start": past_start,
                "date_end": past_start + timedelta(hours=3),
                "capacity": 3,
                "state": "open",
            }
        )
        Attendance.create(
            {
                "shift_id": past.id,
                "partner_id": cls.volunteer.partner_id.id,
                "state": "attended",
            }
        )
        past.action_done()
        # the calendar page as it reads once the private link exists
        cls.volunteer.partner_id._concierge_volunteer_feed_token()

    @classmethod
    def _round_data(cls):
        """Today's round of the volunteer, on the road: a commune stop and
        a home delivery to a vulnerable person (her instructions shown to
        the driver only)."""
        env = cls.env
        cls.site.write({"concierge_latitude": 45.7375, "concierge_longitude": 4.6564})
        vehicle = env["concierge.vehicle"].create(
            {"name": "Fourgon du Bourg", "site_id": cls.site.id, "capacity": 10}
        )
        people = env["res.partner"].create(
            [
                {
                    "name": "Lucie Tardy",
                    "concierge_beneficiary_type": "inhabitant",
                    "street": "3 chemin des Vignes",
                    "zip": "69126",
                    "city": "Brindas",
                    "phone": "+33478450000",
                    "concierge_vulnerable": True,
                    "concierge_consent_date": date.today(),
                    "concierge_round_instructions": "Sonner deux fois, 1er étage",
                },
                {
                    "name": "Marc Perrin",
                    "concierge_beneficiary_type": "inhabitant",
                    "zip": "69126",
                    "city": "Brindas",
                },
            ]
        )
        requests = env["concierge.service.request"].create(
            [
                {
                    "partner_id": partner.id,
                    "site_id": cls.site.id,
                    "concierge_round_need": "delivery",
                    "line_ids": [Command.create({"product_id": cls.papers.id})],
                }
                for partner in people
            ]
        )
        requests.action_confirm()
        requests.action_ready()
        cls.round = env["concierge.round"].create(
            {
                "date": date.today(),
                "site_id": cls.site.id,
                "vehicle_id": vehicle.id,
                "driver_id": cls.volunteer.partner_id.id,
                "hour_start": 9.0,
                "stop_ids": [
                    Command.create(
                        {
                            "kind": "commune",
                            "commune": "Brindas",
                            "zip": "69126",
                            "place": "Place de Verdun",
                            "hour_from": 9.0,
                            "hour_to": 12.0,
                            "latitude": 45.7206,
                            "longitude": 4.6967,
                        }
                    )
                ],
            }
        )
        cls.round._plan_from_requests()
        cls.round.action_confirm()
        cls.round.action_start()

    @classmethod
    def _employer_data(cls):
        env = cls.env
        category = env["concierge.service.category"].create(
            {"name": "Colis au bureau", "code": "A11YB2B"}
        )
        plan = env["concierge.b2b.plan"].create(
            {
                "name": "Essentiel",
                "fixed_fee": 300.0,
                "fee_per_employee": 5.0,
                "included_requests": 20,
                "overage_price": 12.0,
                "category_ids": [Command.set(category.ids)],
            }
        )
        client = env["res.partner"].create(
            {
                "name": "Clinique des Monts",
                "is_company": True,
                "concierge_beneficiary_type": "company",
            }
        )
        env["res.partner"].create(
            [
                {
                    "name": f"Salarié {index}",
                    "concierge_beneficiary_type": "employee",
                    "concierge_employer_id": client.id,
                }
                for index in range(3)
            ]
        )
        cls.contract = env["contract.contract"].create(
            {
                "name": "Contrat Clinique des Monts",
                "code": "CTR-A11Y",
                "partner_id": client.id,
                "concierge_plan_id": plan.id,
                "concierge_site_id": cls.site.id,
                "line_recurrence": False,
                "recurring_rule_type": "monthlylastday",
                "recurring_invoicing_type": "pre-paid",
                "date_start": date(2026, 1, 1),
            }
        )
        hr = env["res.partner"].create(
            {"name": "Claire Dubois", "parent_id": client.id}
        )
        cls.employer = new_test_user(
            env,
            login="a11y_claire",
            password="a11y_claire",
            groups="base.group_portal",
            partner_id=hr.id,
        )

    @classmethod
    def _funder_data(cls):
        env = cls.env
        commune = env["res.partner"].create(
            {
                "name": "Commune de Vaugneray",
                "is_company": True,
                "concierge_funder_type": "commune",
            }
        )
        cls.agreement = env["concierge.funding.agreement"].create(
            {
                "name": "Soutien au démarrage",
                "funder_id": commune.id,
                "amount": 10000.0,
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 12, 31),
                "phase": "test",
                "site_ids": [Command.set(cls.site.ids)],
                "date_signed": date(2026, 1, 10),
                "installment_ids": [
                    Command.create(
                        {
                            "name": "Acompte",
                            "date_due": date(2026, 2, 1),
                            "amount_expected": 6000.0,
                        }
                    ),
                    Command.create(
                        {
                            "name": "Solde",
                            "date_due": date(2026, 12, 1),
                            "amount_expected": 4000.0,
                        }
                    ),
                ],
                "deadline_ids": [
                    Command.create(
                        {
                            "name": "Rapport d'activité annuel",
                            "date_deadline": date(2026, 12, 15),
                        }
                    )
                ],
            }
        )
        cls.agreement.action_sign()
        report = cls.agreement._create_reports()
        report.name = "Bilan du premier semestre"
        report.action_send()
        contact = env["res.partner"].create(
            {"name": "Secrétaire de mairie", "parent_id": commune.id}
        )
        cls.funder = new_test_user(
            env,
            login="a11y_mairie",
            password="a11y_mairie",
            groups="base.group_portal",
            partner_id=contact.id,
        )

    def _pages(self):
        """[(login, [(name, path)])]: every portal page of the suite, as the
        user who reads it."""
        request = self.custody_request
        return [
            (
                "a11y_jeanne",
                [
                    ("my-home", "/my"),
                    ("my-requests", "/my/requests"),
                    ("request-page", f"/my/requests/{request.id}"),
                    ("request-new", "/my/requests/new"),
                    ("my-account", "/my/account"),
                    ("my-security", "/my/security"),
                    ("pickup-kiosk", f"/concierge/pickup/{self.site.id}"),
                ],
            ),
            (
                "a11y_paul",
                [
                    ("volunteer-home", "/my"),
                    ("volunteer-shifts", "/my/volunteer/shifts"),
                    ("volunteer-mine", "/my/volunteer/mine"),
                    ("volunteer-hours", "/my/volunteer/hours"),
                    ("volunteer-calendar", "/my/volunteer/calendar"),
                    ("my-rounds", "/my/rounds"),
                    ("round-page", f"/my/rounds/{self.round.id}"),
                ],
            ),
            (
                "a11y_claire",
                [
                    ("employer-home", "/my"),
                    ("my-contracts", "/my/contracts"),
                    ("contract-page", f"/my/contracts/{self.contract.id}"),
                ],
            ),
            (
                "a11y_mairie",
                [
                    ("funder-home", "/my"),
                    ("my-funding", "/my/funding"),
                    ("funding-page", f"/my/funding/{self.agreement.id}"),
                ],
            ),
        ]

    # ------------------------------------------------------------------
    # the browser
    # ------------------------------------------------------------------
    def _screenshot(self, browser, folder, name):
        metrics = browser._websocket_request("Page.getLayoutMetrics")
        size = metrics["cssContentSize"]
        shot = browser._websocket_request(
            "Page.captureScreenshot",
            params={
                "format": "png",
                "captureBeyondViewport": True,
                "clip": {
                    "x": 0,
                    "y": 0,
                    "width": size["width"],
                    "height": size["height"],
                    "scale": 1,
                },
            },
            timeout=30,
        )
        Path(folder, f"{name}.png").write_bytes(base64.b64decode(shot["data"]))

    def _log_in(self, browser, login):
        """Log ``login`` in, in the browser of the previous user.

        A request of the last page loaded late (the portal chatter) may
        still run on the test cursor the session is made with: Odoo then
        refuses to read the new user (AccessError in ``context_get``). The
        login is tried again once that request is over, three times at most.
        """
        for attempt in range(3):
            browser.navigate_to("about:blank", wait_stop=True)
            self._wait_remaining_requests()
            try:
                return self.authenticate(login, login, browser=browser)
            except AccessError:
                if attempt == 2:
                    raise
                _logger.info("login of %s refused while a request ran: again", login)
                time.sleep(1)
        return None

    def _audit_page(self, browser, axe, path):
        browser.navigate_to(self.base_url() + path, wait_stop=True)
        self.assertTrue(browser._wait_ready(READY), f"{path} did not load")
        browser._websocket_request(
            "Runtime.evaluate", params={"expression": axe}, timeout=30
        )
        answer = browser._websocket_request(
            "Runtime.evaluate",
            params={"expression": AUDIT, "awaitPromise": True, "returnByValue": True},
            timeout=60,
        )
        result = answer["result"]
        if result.get("type") != "string":
            self.fail(f"the audit of {path} failed in the page: {answer}")
        return json.loads(result["value"])

    def _problems(self, report, path, url, phone):
        problems = []
        if not url.endswith(path):
            problems.append(f"opened {url} instead (a redirection)")
        for violation in report["violations"]:
            problems.append(
                f"axe {violation['id']} ({violation['impact']}): "
                f"{violation['help']}: {', '.join(violation['targets'])}"
            )
        if report["scrollWidth"] > report["innerWidth"]:
            problems.append(
                f"scrolls sideways: {report['scrollWidth']} px wide in a "
                f"{report['innerWidth']} px window ({', '.join(report['wide'])})"
            )
        if phone:
            problems.extend(
                f"tap target under {MIN_TAP} px: {small}" for small in report["small"]
            )
            if len({tuple(card) for card in report["cards"]}) > 1:
                problems.append(f"home cards not in one column: {report['cards']}")
        return problems

    def _audit(self, size):
        """Every page at ``size``; every problem of every page, listed."""
        axe = axe_source()
        phone = size == PHONE
        self.browser_size = size
        self.touch_enabled = phone
        folder = os.environ.get("CONCIERGE_SCREENSHOTS")
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
        viewport = "phone" if phone else "desktop"
        found = {}
        browser = ChromeBrowser(self, headless=True)
        try:
            self.http_request_key = self.canonical_tag + "_browser_js"
            self.http_request_strict_check = True
            for login, pages in self._pages():
                # the last page's requests (assets, chatter) end before the
                # session changes: they share the test cursor
                self._log_in(browser, login)
                self.cr.flush()
                self.cr.clear()
                for name, path in pages:
                    report = self._audit_page(browser, axe, path)
                    url = browser._websocket_request(
                        "Runtime.evaluate",
                        params={"expression": "location.pathname"},
                    )["result"]["value"]
                    problems = self._problems(report, path, url, phone)
                    if problems:
                        found[f"{viewport} {login} {path}"] = problems
                    if folder:
                        self._screenshot(browser, folder, f"{viewport}-{name}")
                    self.assertFalse(
                        browser._result.done(),
                        f"{path}: the page logged an error (see the log above)",
                    )
        finally:
            browser.stop()
            self._wait_remaining_requests()
            self.http_request_key = self.canonical_tag
            self.opener.cookies[TEST_CURSOR_COOKIE_NAME] = self.http_request_key
            self.opener.cookies.pop("session_id", None)
        if found:
            lines = []
            for page, problems in found.items():
                lines.append(page)
                lines.extend(f"  - {problem}" for problem in problems)
            self.fail(
                f"{len(found)} portal page(s) fail at {size}:\n" + "\n".join(lines)
            )

    def test_phone(self):
        self._audit(PHONE)

    def test_desktop(self):
        self._audit(DESKTOP)
