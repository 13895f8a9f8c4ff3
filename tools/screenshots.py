#!/usr/bin/env python3
# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Screenshots of the backend for the addons' app pages.

Start the demo first (it installs a fresh ``concierge_demo``, admin/admin)::

    nohup flock /tmp/odoo-cpu.lock python3 tools/suite.py demo --port 8075 \\
        > /tmp/demo.out 2>&1 &

then, once it serves::

    python3 tools/screenshots.py --port 8075              every addon's shots
    python3 tools/screenshots.py --port 8075 --only concierge_services
    python3 tools/screenshots.py --port 8075 --shot /odoo /tmp/home.png
    python3 tools/screenshots.py --list                   the shots, no capture
    python3 tools/screenshots.py --icons                  icon.svg -> icon.png
    python3 tools/screenshots.py --check                  app pages' files exist

Each shot logs in by JSON-RPC (``/web/session/authenticate``), sets the
user's language (``fr_FR`` by default: the demo is a French conciergerie),
opens the URL in headless Chromium through the Chrome DevTools Protocol at
1366x768, waits for the web client to be idle (``odoo.isReady``, no request
in flight for a while, no loading indicator) and saves the PNG in the
addon's ``static/description/screenshots/``, compressed with pngquant and
optipng when they are installed. Needs ``chromium`` (Debian package) and the
``websocket-client`` Python package (``pip install -e .[test]``); the icons
need ``rsvg-convert`` (Debian ``librsvg2-bin``).
"""

import argparse
import base64
import json
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

try:
    import websocket  # websocket-client: pip install -e .[test]
except ImportError:  # --icons and --list need no browser
    websocket = None

ROOT = Path(__file__).resolve().parent.parent
WIDTH, HEIGHT = 1366, 768
ICON_SIZE = 100  # Odoo 18's own static/description/icon.png are 100x100

# the till's login screen, then its opening control when it has one
OPEN_TILL = [
    ("click?", ".open-register-btn"),
    ("click?", ".modal-footer .btn-primary"),
]

# addon -> [(file name, url or record spec)]. A record spec opens the form of
# the first record of ``model`` matching ``domain`` in ``action``.
SHOTS = {
    "concierge_base": [
        (
            "dashboard.png",
            {
                "menu": "concierge_base.menu_concierge_root",
                "url": "/web#menu_id={menu_id}"
                "&action=spreadsheet_dashboard.ir_actions_dashboard_action",
                # the demo's figures run to last month: October's
                "steps": [("select", ".o_control_panel select", "october")],
                "wait": 3,
            },
        ),
        (
            "site_form.png",
            {
                "action": "concierge_base.action_concierge_site",
                "model": "concierge.site",
                "domain": [["name", "ilike", "Vaugneray"]],
            },
        ),
        (
            "funding_agreement.png",
            {
                "action": "concierge_base.action_concierge_funding_agreement",
                "model": "concierge.funding.agreement",
                "domain": [["state", "!=", "draft"]],
            },
        ),
        # the app switcher of Odoo 18 Community shows the apps' icons in
        # the phone's menu (All Apps); the desktop one lists their names
        (
            "app_switcher.png",
            {
                "url": "/odoo/action-concierge_base.action_concierge_site",
                "size": (420, 768),
                "steps": [
                    ("click", ".o_menu_toggle"),
                    ("click", ".o_sidebar_topbar a.btn-primary"),
                ],
            },
        ),
        (
            "apps.png",
            {
                "url": "/odoo/action-base.open_module_tree",
                "steps": [
                    ("click", ".o_searchview_facet .o_facet_remove"),
                    ("type", ".o_searchview_input", "concierge"),
                    ("key", "Enter"),
                ],
            },
        ),
    ],
    "concierge_services": [
        (
            "requests.png",
            "/odoo/action-concierge_services.action_concierge_service_request",
        ),
        (
            "request_form.png",
            {
                "action": "concierge_services.action_concierge_service_request",
                "model": "concierge.service.request",
                "domain": [["state", "=", "ready"]],
            },
        ),
        ("catalogue.png", "/odoo/action-concierge_services.action_concierge_catalogue"),
        (
            "lockers.png",
            {
                "url": "/odoo/action-"
                "concierge_services.action_concierge_locker_compartment",
                "steps": [("click", ".o_group_name")],
            },
        ),
    ],
    "concierge_partners": [
        ("providers.png", "/odoo/action-concierge_partners.action_concierge_provider"),
        (
            "agreement_form.png",
            {
                "action": "concierge_partners.action_concierge_commission_agreement",
                "model": "concierge.commission.agreement",
                "domain": [],
            },
        ),
        (
            "settlements.png",
            "/odoo/action-concierge_partners.action_concierge_commission_settlement",
        ),
    ],
    "concierge_b2b_contracts": [
        (
            "contracts.png",
            "/odoo/action-concierge_b2b_contracts.action_concierge_b2b_contract",
        ),
        (
            "contract_form.png",
            {
                "action": "concierge_b2b_contracts.action_concierge_b2b_contract",
                "model": "contract.contract",
                "domain": [["concierge_plan_id", "!=", False]],
            },
        ),
        (
            "plan_form.png",
            {
                "action": "concierge_b2b_contracts.action_concierge_b2b_plan",
                "model": "concierge.b2b.plan",
                "domain": [],
            },
        ),
    ],
    "concierge_volunteers": [
        (
            "shifts.png",
            "/odoo/action-concierge_volunteers.action_concierge_volunteer_shift",
        ),
        (
            "volunteers.png",
            "/odoo/action-concierge_volunteers.action_concierge_volunteer",
        ),
        (
            "shift_form.png",
            {
                "action": "concierge_volunteers.action_concierge_volunteer_shift",
                "model": "concierge.volunteer.shift",
                "domain": [["attendance_ids.state", "=", "attended"]],
            },
        ),
    ],
    "concierge_pos": [
        (
            "till_form.png",
            {
                "action": "point_of_sale.action_pos_config_tree",
                "model": "pos.config",
                "domain": [["concierge_site_id", "!=", False]],
            },
        ),
        (
            "till.png",
            {
                "model": "pos.config",
                "domain": [["concierge_site_id", "!=", False]],
                "url": "/pos/ui?config_id={id}",
                "steps": OPEN_TILL,
                "wait": 2,
            },
        ),
    ],
    "concierge_pos_b2b": [
        (
            "till_customers.png",
            {
                "model": "pos.config",
                "domain": [["concierge_site_id", "!=", False]],
                "url": "/pos/ui?config_id={id}",
                "steps": [
                    *OPEN_TILL,
                    ("click", ".set-partner"),
                    ("type", ".modal input", "Haddad"),
                ],
                "wait": 2,
            },
        ),
    ],
}


class Odoo:
    """A JSON-RPC session on the demo server."""

    def __init__(self, base, db, login, password):
        self.base = base.rstrip("/")
        self.cookies = CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies)
        )
        result = self.rpc(
            "/web/session/authenticate",
            {"db": db, "login": login, "password": password},
        )
        self.uid = result["uid"]
        self.session_id = next(c.value for c in self.cookies if c.name == "session_id")

    def rpc(self, path, params):
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params})
        request = urllib.request.Request(
            self.base + path,
            data=body.encode(),
            headers={"Content-Type": "application/json"},
        )
        with self.opener.open(request, timeout=120) as response:
            answer = json.loads(response.read())
        if answer.get("error"):
            raise RuntimeError(json.dumps(answer["error"], indent=1)[:2000])
        return answer["result"]

    def call(self, model, method, *args, **kwargs):
        return self.rpc(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": args, "kwargs": kwargs},
        )


class Chromium:
    """Headless Chromium driven over the DevTools protocol (one page)."""

    def __init__(self, width=WIDTH, height=HEIGHT):
        if websocket is None:
            raise SystemExit(
                "screenshots need websocket-client: pip install -e .[test]"
            )
        self.profile = tempfile.mkdtemp(prefix="concierge-shots-")
        self.proc = subprocess.Popen(
            [
                shutil.which("chromium") or "chromium",
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--no-first-run",
                "--remote-debugging-port=0",
                f"--user-data-dir={self.profile}",
                f"--window-size={width},{height}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        port = None
        deadline = time.time() + 30
        while port is None and time.time() < deadline:
            line = self.proc.stderr.readline()
            if "DevTools listening on" in line:
                port = urllib.parse.urlparse(line.split()[-1]).port
        if port is None:
            self.close()
            raise RuntimeError("chromium did not start its DevTools endpoint")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list") as resp:
            pages = [t for t in json.loads(resp.read()) if t["type"] == "page"]
        self.ws = websocket.create_connection(
            pages[0]["webSocketDebuggerUrl"], timeout=60, suppress_origin=True
        )
        self.next_id = 0
        self.inflight = {}  # request id -> when it was sent
        self.last_network = time.time()
        self.send("Network.enable")
        self.send("Page.enable")
        self.resize(width, height)

    def resize(self, width, height):
        """The viewport; below 768 px wide the web client is the phone's."""
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=width < 768,
        )

    def _event(self, message):
        method = message.get("method", "")
        if method == "Page.javascriptDialogOpening":
            # an alert or a "leave the page?" blocks the page: dismiss it
            print(f"   ! dialog: {message['params'].get('message', '')[:200]}")
            self.next_id += 1
            self.ws.send(
                json.dumps(
                    {
                        "id": self.next_id,
                        "method": "Page.handleJavaScriptDialog",
                        "params": {"accept": True},
                    }
                )
            )
        if method == "Network.requestWillBeSent":
            self.inflight[message["params"]["requestId"]] = time.time()
            self.last_network = time.time()
        elif method in ("Network.loadingFinished", "Network.loadingFailed"):
            self.inflight.pop(message["params"]["requestId"], None)
            self.last_network = time.time()

    def send(self, method, **params):
        self.next_id += 1
        call_id = self.next_id
        self.ws.send(json.dumps({"id": call_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == call_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self._event(message)

    def pump(self, seconds):
        """Read the events of ``seconds`` (network activity)."""
        if not seconds:
            return
        self.ws.settimeout(seconds)
        try:
            while True:
                self._event(json.loads(self.ws.recv()))
        except Exception:  # the timeout ends the pump
            pass
        finally:
            self.ws.settimeout(60)

    def busy(self, patience=10):
        """Requests in flight, but the long polls (the bus) of more than
        ``patience`` seconds."""
        now = time.time()
        return [r for r, sent in self.inflight.items() if now - sent < patience]

    def evaluate(self, expression):
        result = self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True
        )
        return result.get("result", {}).get("value")

    def open(self, url, quiet=1.0, timeout=60):
        self.inflight.clear()
        self.send("Page.navigate", url=url)
        return self.wait_idle(quiet, timeout, url)

    def wait_idle(self, quiet=1.0, timeout=60, url=""):
        deadline = time.time() + timeout
        ready = (
            "document.readyState === 'complete' && !!window.odoo && "
            "(odoo.isReady !== false) && "
            "!document.querySelector('.o_loading_indicator, .o_blockUI, "
            ".o_spreadsheet_dashboard_action .o-spinner, .o_view_nocontent_loading')"
        )
        while time.time() < deadline:
            self.pump(0.25)
            idle = not self.busy() and time.time() - self.last_network > quiet
            if idle and self.evaluate(ready):
                # a last beat for the animations (kanban, charts, home menu)
                self.pump(0.8)
                if not self.busy():
                    return True
        print(f"   ! {url}: not idle after {timeout}s, captured anyway")
        return False

    def screenshot(self, path):
        # notifications (such as "the page is out of date" when the demo's
        # assets were rebuilt) are not part of the screen being shown
        self.evaluate(
            "document.querySelectorAll('.o_notification_manager')"
            ".forEach(el => el.style.display = 'none')"
        )
        data = self.send("Page.captureScreenshot", format="png")["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))

    def close(self):
        try:
            self.ws.close()
        except Exception:  # closing what may not be open
            pass
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def compress(path):
    """pngquant then optipng when installed (the app pages stay small)."""
    if shutil.which("pngquant"):
        subprocess.run(
            [
                *("pngquant", "--force", "--skip-if-larger", "--quality", "70-95"),
                *("--output", str(path), str(path)),
            ],
            check=False,
        )
    if shutil.which("optipng"):
        subprocess.run(
            ["optipng", "-quiet", "-o3", "-strip", "all", str(path)], check=False
        )


def resolve(odoo, base, spec):
    if isinstance(spec, str):
        return base + spec
    values = dict(spec)
    if "menu" in spec:
        module, name = spec["menu"].split(".")
        [menu] = odoo.call(
            "ir.model.data",
            "search_read",
            [["module", "=", module], ["name", "=", name]],
            ["res_id"],
        )
        values["menu_id"] = menu["res_id"]
    if "model" in spec:
        [record] = odoo.call(
            spec["model"], "search_read", spec["domain"], ["id"], limit=1, order="id"
        ) or [None]
        if record is None:
            raise LookupError(f"no {spec['model']} matches {spec['domain']}")
        values["id"] = record["id"]
    url = spec.get("url", "/odoo/action-{action}/{id}")
    return base + url.format(**values)


def play(browser, steps):
    """Clicks and keystrokes after the page is idle: ("click", css),
    ("type", css, text), ("select", css, option value) or ("key", "Enter");
    "click?" is a click on what may not be there. The page is awaited idle
    again after each."""
    for step in steps:
        css = json.dumps(step[1])
        action, optional = step[0].rstrip("?"), step[0].endswith("?")
        if action == "key":
            for kind in ("keyDown", "keyUp"):
                browser.send(
                    "Input.dispatchKeyEvent",
                    type=kind,
                    key=step[1],
                    code=step[1],
                    windowsVirtualKeyCode={"Enter": 13, "Escape": 27}[step[1]],
                )
            browser.wait_idle()
            continue
        if action == "click":
            found = browser.evaluate(
                "(el => el ? (el.click(), true) : false)"
                f"(document.querySelector({css}))"
            )
        else:  # "type" (an input) or "select" (a <select>'s option value)
            event = "input" if action == "type" else "change"
            found = browser.evaluate(
                f"(el => {{ if (!el) return false; el.focus(); el.value = "
                f"{json.dumps(step[2])}; el.dispatchEvent(new Event('{event}', "
                f"{{bubbles: true}})); return true; }})(document.querySelector({css}))"
            )
        if not found and not optional:
            print(f"   ! {action} {step[1]}: nothing matches")
        browser.wait_idle()


def repair_demo_till(odoo):
    """The demo's till session of the morning is validated without a closing
    time (``stop_at``), and Odoo's till then fails to load (pos.config
    ``_compute_last_session``: 'bool' object has no attribute 'astimezone').
    Until the demo closes it through the closing control, give it one here,
    on the throw-away demo database only."""
    sessions = odoo.call(
        "pos.session",
        "search_read",
        [["state", "=", "closed"], ["stop_at", "=", False]],
        ["start_at"],
    )
    for session in sessions:
        print(f"   demo: closed till session {session['id']} gets its closing time")
        odoo.call(
            "pos.session", "write", [session["id"]], {"stop_at": session["start_at"]}
        )


def render_icons():
    """static/description/icon.svg -> icon.png (100x100) for every addon."""
    for svg in sorted(ROOT.glob("concierge_*/static/description/icon.svg")):
        png = svg.with_suffix(".png")
        subprocess.run(
            [
                *("rsvg-convert", "-w", str(ICON_SIZE), "-h", str(ICON_SIZE)),
                *(str(svg), "-o", str(png)),
            ],
            check=True,
        )
        compress(png)
        print(f"{png.relative_to(ROOT)}: {png.stat().st_size} bytes")


def check_pages():
    """Each addon's icon.png is 100x100 beside its icon.svg, and every image
    its index.html shows exists; every screenshot of SHOTS is shown."""
    problems = []
    for manifest in sorted(ROOT.glob("concierge_*/__manifest__.py")):
        description = manifest.parent / "static/description"
        icon = description / "icon.png"
        size = struct.unpack(">II", icon.read_bytes()[16:24]) if icon.exists() else None
        if size != (ICON_SIZE, ICON_SIZE):
            problems.append(
                f"{icon.relative_to(ROOT)}: {size}, not {ICON_SIZE}x{ICON_SIZE}"
            )
        if not (description / "icon.svg").exists():
            problems.append(f"{description.relative_to(ROOT)}: no icon.svg")
        page = description / "index.html"
        shown = (
            set(re.findall(r'<img[^>]*src="([^"]+)"', page.read_text()))
            if (page.exists())
            else set()
        )
        problems += [
            f"{page.relative_to(ROOT)}: {src} is missing"
            for src in sorted(shown)
            if not (description / src).is_file()
        ]
        problems += [
            f"{page.relative_to(ROOT)}: screenshots/{name} is not shown"
            for name, _spec in SHOTS.get(manifest.parent.name, [])
            if f"screenshots/{name}" not in shown
        ]
    for problem in problems:
        print(problem)
    return 1 if problems else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8075)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--database", default="concierge_demo")
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--lang", default="fr_FR", help="the user's language")
    parser.add_argument("--only", action="append", help="an addon (repeatable)")
    parser.add_argument(
        "--shot", nargs=2, action="append", metavar=("URL", "PNG"), help="ad hoc shot"
    )
    parser.add_argument("--list", action="store_true", help="print the shots")
    parser.add_argument("--icons", action="store_true", help="render the icons")
    parser.add_argument("--check", action="store_true", help="check the app pages")
    args = parser.parse_args()
    if args.check:
        return check_pages()
    if args.icons:
        render_icons()
        return 0
    if args.shot:
        plan = [(Path(png).resolve(), url) for url, png in args.shot]
    else:
        plan = [
            (ROOT / addon / "static/description/screenshots" / name, spec)
            for addon, shots in SHOTS.items()
            if not args.only or addon in args.only
            for name, spec in shots
        ]
    if args.list:
        for path, spec in plan:
            print(f"{path.relative_to(ROOT)}  {spec}")
        return 0
    base = f"http://{args.host}:{args.port}"
    odoo = Odoo(base, args.database, args.login, args.password)
    if args.lang:
        odoo.call("res.users", "write", [odoo.uid], {"lang": args.lang})
    if any("pos.config" in str(spec) for _path, spec in plan):
        repair_demo_till(odoo)
    browser = Chromium()
    failed = 0
    try:
        browser.send(
            "Network.setCookie",
            name="session_id",
            value=odoo.session_id,
            domain=args.host,
            path="/",
        )
        for path, spec in plan:
            try:
                url = resolve(odoo, base, spec)
            except LookupError as error:
                print(f"   ! {path.name}: {error}")
                failed += 1
                continue
            options = spec if isinstance(spec, dict) else {}
            browser.resize(*options.get("size", (WIDTH, HEIGHT)))
            browser.open(url)
            play(browser, options.get("steps", ()))
            browser.pump(options.get("wait", 0))
            browser.screenshot(path)
            compress(path)
            print(f"{path}: {path.stat().st_size // 1024} kB  <- {url}")
    finally:
        browser.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
