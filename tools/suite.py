#!/usr/bin/env python3
# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Run the concierge suite: demo server, full test run, translation export.

    python3 tools/suite.py demo    serve Odoo with the whole suite and demo data
    python3 tools/suite.py test    lint + pytest checks + Odoo tests, one summary
    python3 tools/suite.py test --addons concierge_base --no-alone --no-pytest
    python3 tools/suite.py i18n    regenerate i18n/<addon>.pot and merge i18n/fr.po
    python3 tools/suite.py bench tests/bench_x.py --addons concierge_services

Both ``demo`` and ``test`` start their own throw-away PostgreSQL cluster on
127.0.0.1 (or use the server given by the PGHOST/PGPORT/PGUSER/PGPASSWORD
environment variables) and never connect Odoo as the ``postgres`` role.
"""

import argparse
import ast
import contextlib
import getpass
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import bootstrap

ROOT = Path(__file__).resolve().parent.parent
ADDONS = [
    "concierge_base",
    "concierge_services",
    "concierge_partners",
    "concierge_b2b_contracts",
    "concierge_volunteers",
    "concierge_pos",
    "concierge_pos_b2b",
]
# Bridge addons join the suite to an Odoo app (concierge_pos: point_of_sale)
# or two of its optional parts (concierge_pos_b2b: the till and the company
# contracts, installed automatically with both).
# Installed with the suite in one go, the app would load first in Odoo's
# dependency order and create its demo entries before the suite's demo
# company gets its French chart (which replaces the entries of the generic
# one): they install in a second step, on the suite.
BRIDGES = ["concierge_pos", "concierge_pos_b2b"]
# Tests of the five addons installed together (Odoo's test_* module pattern):
# part of the "all" run, never installed alone, in the demo or translated.
SUITE_TESTS = "concierge_suite_tests"
DB_ROLE = "concierge_odoo"
# Odoo's own addons that every test database installs before the suite's
# (accounting with the French chart, sales, stock...) are installed once in a
# template database per level and copied for each run (``odoo db duplicate``:
# database and filestore) instead of being installed again for each of the
# eight databases. A level holds the Odoo addons the named suite addon and
# the suite's addons below it depend on; a run starts from the largest level
# it needs, so an addon tested alone still gets only its own dependencies.
TEMPLATE_LEVELS = ["concierge_base", "concierge_services"]


def say(msg):
    print(msg, flush=True)


# --------------------------------------------------------------------------
# environment checks
# --------------------------------------------------------------------------
def venv_reexec():
    """Run with the project's ``.venv`` when the bootstrap made one; put the
    interpreter's scripts (``odoo``, ``ruff``, ``pylint``...) first on PATH."""
    venv = Path(os.environ.get("CONCIERGE_VENV") or bootstrap.DEFAULT_VENV)
    python = bootstrap.venv_python(venv)
    if python.exists() and Path(sys.prefix).resolve() != venv.resolve():
        script = str(Path(__file__).resolve())
        os.execv(str(python), [str(python), script, *sys.argv[1:]])
    bindir = str(Path(sys.executable).parent)
    path = os.environ.get("PATH", "")
    if path.split(os.pathsep)[0] != bindir:
        os.environ["PATH"] = bindir + os.pathsep + path


def odoo_ready():
    """True when this interpreter imports Odoo 18.0 with the suite's Python
    dependencies; otherwise say what is wrong and how to set it up."""
    found = bootstrap.probe_odoo(sys.executable)
    if not found:
        say(
            f"Odoo is not importable by {sys.executable}: run `make setup` "
            "(ODOO_SOURCE=<Odoo 18.0 source folder, archive or URL>)"
        )
        return False
    if found["series"] != bootstrap.ODOO_SERIES:
        say(f"Odoo {found['series']} found ({found['path']}), the suite needs 18.0")
        return False
    missing = bootstrap.missing_dependencies(sys.executable)
    if missing:
        say("missing Python dependencies (%s): run `make setup`" % ", ".join(missing))
        return False
    return True


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --------------------------------------------------------------------------
# PostgreSQL
# --------------------------------------------------------------------------
def pg_bindir():
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (candidate / "initdb").exists():
            return candidate
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    sys.exit("PostgreSQL server binaries (initdb) not found: install PostgreSQL >= 13")


class Cluster:
    """A throw-away PostgreSQL cluster on 127.0.0.1, or an external server."""

    def __init__(self, workdir):
        self.workdir = Path(workdir)
        self.started = False
        self.env_server = bool(os.environ.get("PGHOST"))
        if self.env_server:
            self.host = os.environ["PGHOST"]
            self.port = int(os.environ.get("PGPORT", "5432"))
            self.user = os.environ.get("PGUSER", getpass.getuser())
            self.password = os.environ.get("PGPASSWORD", "")
            if self.user == "postgres":
                sys.exit("Odoo refuses the 'postgres' role: set PGUSER to another role")
        else:
            self.host = "127.0.0.1"
            self.port = free_port()
            self.user = DB_ROLE
            self.password = secrets.token_hex(16)

    def _as_owner(self, cmd):
        if os.geteuid() == 0:
            return ["runuser", "-u", "postgres", "--", *cmd]
        return cmd

    def start(self):
        if self.env_server:
            say(f"using the PostgreSQL server at {self.host}:{self.port}")
            return
        bindir = pg_bindir()
        data = self.workdir / "pgdata"
        sock = self.workdir / "pgsock"
        data.mkdir(parents=True)
        sock.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.workdir, "postgres")
            shutil.chown(data, "postgres")
            shutil.chown(sock, "postgres")
            self.workdir.chmod(0o755)
        pwfile = self.workdir / "pw"
        pwfile.write_text(self.password)
        if os.geteuid() == 0:
            shutil.chown(pwfile, "postgres")
        admin = "concierge_admin"
        subprocess.run(
            self._as_owner(
                [
                    str(bindir / "initdb"),
                    "-D",
                    str(data),
                    "-U",
                    admin,
                    "--auth-local=trust",
                    "--auth-host=scram-sha-256",
                    "--pwfile",
                    str(pwfile),
                    "-E",
                    "UTF8",
                    "--locale=C",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        opts = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} "
            f"-c unix_socket_directories={sock} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=200"
        )
        subprocess.run(
            self._as_owner(
                [
                    str(bindir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-l",
                    str(self.workdir / "postgresql.log"),
                    "-o",
                    opts,
                    "-w",
                    "start",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        self.started = True
        sql = f"CREATE ROLE {self.user} LOGIN CREATEDB PASSWORD '{self.password}'"
        subprocess.run(
            self._as_owner(
                [
                    str(bindir / "psql"),
                    "-h",
                    str(sock),
                    "-p",
                    str(self.port),
                    "-U",
                    admin,
                    "-d",
                    "postgres",
                    "-qc",
                    sql,
                ]
            ),
            check=True,
        )
        say(f"PostgreSQL cluster started on 127.0.0.1:{self.port} (role {self.user})")

    def stop(self):
        if not self.started:
            return
        subprocess.run(
            self._as_owner(
                [
                    str(pg_bindir() / "pg_ctl"),
                    "-D",
                    str(self.workdir / "pgdata"),
                    "-m",
                    "fast",
                    "-w",
                    "stop",
                ]
            ),
            check=False,
            stdout=subprocess.DEVNULL,
        )
        self.started = False

    def odoo_args(self):
        args = [
            "--db_host",
            self.host,
            "--db_port",
            str(self.port),
            "--db_user",
            self.user,
        ]
        if self.password:
            args += ["--db_password", self.password]
        return args


def script_runs(script):
    """Whether the ``odoo`` script starts (``odoo --version``)."""
    proc = subprocess.run(
        [str(script), "--version"], capture_output=True, text=True, check=False
    )
    return proc.returncode == 0


def odoo_command(cluster, workdir, extra, subcommand=None):
    """The ``odoo`` launcher with the suite on the addons path."""
    # this interpreter's Odoo, never another ``odoo`` found on the PATH
    base = [sys.executable, "-m", "odoo"]
    if subcommand:
        base.append(subcommand)
    data_dir = Path(workdir) / "filestore"
    return (
        base
        + cluster.odoo_args()
        + [
            "--addons-path",
            str(ROOT),
            "--data-dir",
            str(data_dir),
            "--http-interface",
            "127.0.0.1",
            "--no-database-list",
        ]
        + extra
    )


# --------------------------------------------------------------------------
# log analysis
# --------------------------------------------------------------------------
LOG_LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) (?P<db>\S+) "
    r"(?P<logger>[\w.]+): (?P<msg>.*)$"
)
REPORT = re.compile(
    r"(\d+) failed, (\d+) error\(s\) of (\d+) tests when loading database"
)
TEST_START = re.compile(r"Starting (\S+)\.(test\w*) \.\.\.")


def analyse_log(path):
    """Return (tests_run, failed, problems, notes) for one Odoo log file."""
    problems, notes = [], []
    tests_run = failed = 0
    reported = False
    modules_with_tests = set()
    for line in Path(path).read_text(errors="replace").splitlines():
        match = LOG_LINE.match(line)
        if not match:
            continue
        level, logger, msg = match["level"], match["logger"], match["msg"]
        report = REPORT.search(msg)
        if report:
            reported = True
            failed += int(report[1]) + int(report[2])
            tests_run += int(report[3])
        start = TEST_START.search(msg)
        if start and logger.startswith("odoo.addons.concierge_"):
            modules_with_tests.add(logger.split(".")[2])
        ours = logger.startswith("odoo.addons.concierge_") or "concierge" in msg
        if level in ("ERROR", "CRITICAL"):
            problems.append(line)
        elif level == "WARNING":
            if ours:
                problems.append(line)
            else:
                notes.append(line)
    if not reported:
        problems.append(f"{path}: Odoo printed no test report (did it crash?)")
    return tests_run, failed, problems, notes, modules_with_tests


# --------------------------------------------------------------------------
# child processes and throw-away clusters
# --------------------------------------------------------------------------
_CHILDREN = set()
_CHILDREN_LOCK = threading.Lock()
_STOPPING = threading.Event()


def _interrupt(*_):
    raise KeyboardInterrupt


def run_child(cmd, *, input_text=None, capture=False, check=False, **kwargs):
    """``subprocess.run`` for Odoo and pytest, remembered so that an
    interrupted run (Ctrl-C, SIGTERM) can stop every process it started,
    including those of the worker threads testing single addons."""
    if _STOPPING.is_set():
        raise KeyboardInterrupt
    pipe = subprocess.PIPE
    proc = subprocess.Popen(
        cmd,
        stdin=pipe if input_text is not None else subprocess.DEVNULL,
        stdout=pipe if capture else kwargs.pop("stdout", None),
        stderr=pipe if capture else None,
        text=True,
        **kwargs,
    )
    with _CHILDREN_LOCK:
        _CHILDREN.add(proc)
    try:
        out, err = proc.communicate(input_text)
    except BaseException:
        # interrupted while waiting (Ctrl-C, SIGTERM): stop the child too
        _terminate([proc])
        raise
    finally:
        with _CHILDREN_LOCK:
            _CHILDREN.discard(proc)
    if check and proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, cmd, out, err)
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def stop_children():
    """Terminate every process started by run_child (then kill stragglers)."""
    _STOPPING.set()
    with _CHILDREN_LOCK:
        procs = list(_CHILDREN)
    _terminate(procs)


def _terminate(procs):
    for proc in procs:
        if proc.poll() is None:
            proc.terminate()
    deadline = time.time() + 20
    for proc in procs:
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=max(0.1, deadline - time.time()))
        if proc.poll() is None:
            proc.kill()


@contextlib.contextmanager
def throwaway_cluster(prefix, keep=False):
    """Start a PostgreSQL cluster in a new temporary folder; on exit, even on
    Ctrl-C or SIGTERM, stop Odoo processes, the cluster and remove the folder.

    Yields (cluster, workdir)."""
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    workdir = Path(tempfile.mkdtemp(prefix=f"concierge-{prefix}-"))
    cluster = Cluster(workdir)
    try:
        cluster.start()
        yield cluster, workdir
    finally:
        stop_children()
        cluster.stop()
        if not keep:
            shutil.rmtree(workdir, ignore_errors=True)


def _manifest_depends(name):
    path = ROOT / name / "__manifest__.py"
    return ast.literal_eval(path.read_text())["depends"]


def external_depends(addons):
    """The Odoo addons (not the suite's) that ``addons`` and the suite's
    addons they depend on declare in their manifests."""
    seen, todo, external = set(), list(addons), []
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for dep in _manifest_depends(name):
            (todo if dep.startswith("concierge_") else external).append(dep)
    return set(external)


def template_db(level):
    return "concierge_template_" + level.removeprefix("concierge_")


def build_templates(cluster, workdir, logdir):
    """Install each level of TEMPLATE_LEVELS in its template database, each
    from a copy of the level below. Return ({level: Odoo addons}, problems):
    problems are the ERROR lines of Odoo's log (Odoo's own addons only)."""
    templates, problems = {}, []
    below = None
    for level in TEMPLATE_LEVELS:
        mods = external_depends([level])
        dbname = template_db(level)
        logfile = Path(logdir) / f"odoo-template-{level}.log"
        logfile.unlink(missing_ok=True)
        todo = mods
        if below:
            duplicate_db(cluster, workdir, template_db(below), dbname)
            todo = mods - templates[below]
        say(f"== Odoo: template {dbname}: {', '.join(sorted(todo))}")
        install = ["-d", dbname, "-i", ",".join(sorted(todo)), "--stop-after-init"]
        log = ["--log-level=info", "--logfile", str(logfile), "--no-http"]
        proc = run_child(odoo_command(cluster, workdir, [*install, *log]))
        if proc.returncode:
            problems.append(f"installing {dbname} failed, see {logfile}")
            break
        for line in logfile.read_text(errors="replace").splitlines():
            match = LOG_LINE.match(line)
            if match and match["level"] in ("ERROR", "CRITICAL"):
                problems.append(line)
        templates[level] = mods
        below = level
    return templates, problems


_COPY_LOCK = threading.Lock()


def duplicate_db(cluster, workdir, source, target):
    """Copy ``source`` to ``target`` with Odoo's own command (database,
    filestore and a new database uuid)."""
    args = [*cluster.odoo_args(), "--data-dir", str(Path(workdir) / "filestore")]
    cmd = [sys.executable, "-m", "odoo", "db", *args, "duplicate", source, target]
    # CREATE DATABASE ... TEMPLATE refuses while another copy reads the source
    with _COPY_LOCK:
        proc = run_child(cmd, capture=True)
    if proc.returncode:
        raise RuntimeError(f"copying {source} to {target} failed:\n{proc.stderr}")


def template_for(addons, templates):
    """The largest template level whose addons ``addons`` all need, or None."""
    needed = external_depends(addons)
    fitting = [lvl for lvl, mods in templates.items() if mods <= needed]
    return max(fitting, key=lambda lvl: len(templates[lvl]), default=None)


def install_steps(addons):
    """``addons`` in the order they install in: the suite's addons first
    (for a bridge alone: the suite's addons it depends on), then the
    bridges (see BRIDGES)."""
    bridges = [name for name in addons if name in BRIDGES]
    first = [name for name in addons if name not in BRIDGES]
    if bridges and not first:
        todo = list(bridges)
        while todo:
            manifest = ast.literal_eval(
                (ROOT / todo.pop() / "__manifest__.py").read_text()
            )
            for dep in manifest["depends"]:
                if not dep.startswith("concierge_") or dep in first + bridges:
                    continue
                if dep in BRIDGES:
                    # a bridge a bridge depends on installs before it
                    bridges.insert(0, dep)
                    todo.append(dep)
                else:
                    first.append(dep)
    return [step for step in (first, bridges) if step]


def odoo_install(cluster, workdir, dbname, addons, *extra):
    """Create ``dbname`` with ``addons`` installed (quiet log), or raise."""
    for step in install_steps(addons):
        install = ["-d", dbname, "-i", ",".join(step), "--stop-after-init"]
        cmd = odoo_command(cluster, workdir, [*install, "--log-level=warn", *extra])
        run_child(cmd, check=True)


# --------------------------------------------------------------------------
# commands
# --------------------------------------------------------------------------
def run_odoo_tests(
    cluster, workdir, dbname, addons, logfile, test_tags=None, template=None
):
    tags = test_tags or ",".join("/" + name for name in addons)
    Path(logfile).unlink(missing_ok=True)  # Odoo appends to an existing log
    start = time.time()
    if template:
        duplicate_db(cluster, workdir, template_db(template), dbname)
    for step in install_steps(addons):
        # a bridge tested alone: the step installing the suite's addons it
        # depends on runs no test (Odoo warns of a run of 0 tests)
        run_tests = bool(test_tags) or bool(set(step) & set(addons))
        proc = run_odoo_test_step(
            cluster, workdir, dbname, step, logfile, tags if run_tests else None
        )
        if proc.returncode:
            break
    elapsed = time.time() - start
    return proc.returncode, elapsed


def run_odoo_test_step(cluster, workdir, dbname, addons, logfile, tags):
    """Install ``addons`` with the tests of ``tags`` (none when ``tags`` is
    None); the log is appended to ``logfile``."""
    tests = ["--test-enable", "--test-tags", tags] if tags else []
    cmd = odoo_command(
        cluster,
        workdir,
        [
            *["-d", dbname, "-i", ",".join(addons), "--stop-after-init"],
            *tests,
            "--http-port",
            str(free_port()),
            "--gevent-port",
            str(free_port()),
            "--log-level",
            "info",
            "--logfile",
            str(logfile),
            "--max-cron-threads",
            "0",
        ],
    )
    return run_child(cmd)


UNINSTALL_SCRIPT = """
module = env["ir.module.module"].search([("name", "=", {name!r})])
module.button_immediate_uninstall()
env.cr.rollback()
state = env["ir.module.module"].search([("name", "=", {name!r})]).state
env.cr.execute("SELECT count(*) FROM ir_model_data WHERE module = %s", [{name!r}])
left = env.cr.fetchone()[0]
print("UNINSTALL-RESULT", state, left)
"""


def run_uninstall(cluster, workdir, dbname, name, logfile):
    """Uninstall ``name`` from ``dbname``.

    Return (problems, leftovers): problems when the uninstall fails (the
    module is not uninstalled), leftovers when it succeeds but some of its
    records could not be deleted (e.g. demo contacts that accounting entries
    still reference) or Odoo logged errors while trying.
    """
    Path(logfile).unlink(missing_ok=True)
    proc = run_child(
        odoo_command(
            cluster,
            workdir,
            ["-d", dbname, "--no-http", "--log-level=info", "--logfile", str(logfile)],
            subcommand="shell",
        ),
        input_text=UNINSTALL_SCRIPT.format(name=name),
        capture=True,
    )
    problems, leftovers = [], []
    result = re.search(r"UNINSTALL-RESULT (\w+) (\d+)", proc.stdout)
    if not result:
        problems.append(f"uninstalling {name} failed: {proc.stderr[-2000:]}")
    elif result[1] != "uninstalled":
        problems.append(f"{name} is still {result[1]} after its uninstall")
    elif result[2] != "0":
        leftovers.append(f"{result[2]} records of {name}'s data could not be deleted")
    errors = 0
    for line in Path(logfile).read_text(errors="replace").splitlines():
        match = LOG_LINE.match(line)
        if match and match["level"] in ("ERROR", "CRITICAL"):
            errors += 1
            if errors <= 3:
                leftovers.append(line)
    if errors > 3:
        leftovers.append(f"... {errors} ERROR lines in all, see {logfile}")
    return problems, leftovers


def run_pytest(junit):
    cmd = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        str(ROOT / "tests"),
        "--junitxml",
        str(junit),
    ]
    proc = run_child(cmd, cwd=ROOT)
    passed = failed = 0
    if Path(junit).exists():
        root = ET.parse(junit).getroot()
        suites = [root] if root.tag == "testsuite" else list(root)
        for suite in suites:
            total = int(suite.get("tests", 0))
            bad = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
            skipped = int(suite.get("skipped", 0))
            failed += bad
            passed += total - bad - skipped
    if proc.returncode not in (0, 1) and not failed:
        failed += 1  # pytest itself broke (collection or usage error)
    return passed, failed


def setup_phase():
    """The bootstrap's duration when ``make`` ran it just before this run."""
    with contextlib.suppress(OSError, ValueError):
        data = json.loads(bootstrap.SETUP_TIME.read_text())
        if time.time() - data["at"] < 120:
            return [("setup (make setup)", data["seconds"])]
    return []


def cmd_test(args):
    if not odoo_ready():
        return 2
    start = time.time()
    # the portal accessibility tests inject axe-core (installed by the bootstrap)
    os.environ.setdefault("CONCIERGE_AXE", str(bootstrap.axe_script()))
    phases = setup_phase()
    addons = args.addons.split(",") if args.addons else [*ADDONS, SUITE_TESTS]
    logdir = Path(args.logdir or ROOT / "var" / "log")
    logdir.mkdir(parents=True, exist_ok=True)
    passed = failed = 0
    summary = []
    with throwaway_cluster("test", keep=args.keep) as (cluster, workdir):
        runs = [("all", addons)]
        if not args.no_alone:
            runs += [(name, [name]) for name in addons if name != SUITE_TESTS]
        # Odoo's addons go into the templates while pytest lints
        with ThreadPoolExecutor(max_workers=1) as pool:
            began = time.time()
            building = pool.submit(build_templates, cluster, workdir, logdir)
            if not args.no_pytest:
                say("== pytest: lint and static checks")
                p, f = run_pytest(workdir / "junit.xml")
                phases.append(("pytest: lint, static checks", time.time() - began))
                say(f"pytest: {p} passed, {f} failed")
                passed += p
                failed += f
            templates, problems = building.result()
        phases.append(("Odoo: template databases (with pytest)", time.time() - began))
        if problems:
            failed += 1
            summary.append("templates: " + "; ".join(line[:300] for line in problems))

        def test(run, tags=None):
            template = template_for(run[1], templates)
            return install_and_test(
                cluster, workdir, logdir, *run, tags=tags, template=template
            )

        # the whole suite first, then the single-addon databases side by side
        began = time.time()
        first = test(runs[0], tags=args.tags)
        phases.append((f"Odoo: {len(addons)} addons together", time.time() - began))
        began = time.time()
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            try:
                alone = list(pool.map(test, runs[1:]))
            except BaseException:
                # the pool waits for its threads: stop their Odoo first
                stop_children()
                raise
        if alone:
            phases.append(
                (f"Odoo: each addon alone, {args.jobs} at a time", time.time() - began)
            )
        for result in [first, *alone]:
            passed += result["passed"]
            failed += result["failed"]
            summary.append(result["summary"])
    for line in summary:
        say(line)
    phases.append(("total (this command)", time.time() - start))
    say("== time of each phase")
    for name, seconds in phases:
        minutes, secs = divmod(round(seconds), 60)
        say(f"   {name:<45} {minutes:3d} min {secs:02d} s")
    say(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


def install_and_test(cluster, workdir, logdir, label, mods, tags=None, template=None):
    """Install ``mods`` with their tests on a fresh database (a copy of
    ``template``'s when given), read the log; for a single addon, uninstall it
    afterwards. Prints its own report."""
    dbname = f"concierge_test_{label}"
    logfile = logdir / f"odoo-test-{label}.log"
    say(f"== Odoo: installing {', '.join(mods)} with tests (log: {logfile})")
    rc, elapsed = run_odoo_tests(
        cluster, workdir, dbname, mods, logfile, tags, template=template
    )
    run, bad, problems, notes, with_tests = analyse_log(logfile)
    missing = sorted(set(mods) - with_tests)
    if missing and not tags:
        problems.append("no test ran for: %s" % ", ".join(missing))
    if rc != 0:
        problems.append(f"odoo exited with status {rc}")
    passed, failed = run - bad, bad
    if problems and not bad:
        failed += 1  # the run itself counts as one failed check
    lines = [f"   note (not from the suite): {line[:300]}" for line in notes]
    lines += [f"   PROBLEM: {line[:2000]}" for line in problems]
    summary = f"{label}: {run} tests, {bad} failed, {elapsed:.0f}s"
    if label != "all":
        ulog = logdir / f"odoo-uninstall-{label}.log"
        uproblems, leftovers = run_uninstall(cluster, workdir, dbname, label, ulog)
        lines += [f"   PROBLEM: {line[:2000]}" for line in uproblems]
        lines += [f"   uninstall left: {line[:500]}" for line in leftovers]
        if uproblems:
            failed += 1
        else:
            passed += 1
        summary += ", uninstall " + (
            "FAILED" if uproblems else "with leftovers" if leftovers else "clean"
        )
    say("\n".join([f"== Odoo: {label} done", *lines, f"   {summary}"]))
    return {"passed": passed, "failed": failed, "summary": summary}


def cmd_demo(args):
    if not odoo_ready():
        return 2
    try:
        with throwaway_cluster("demo") as (cluster, workdir):
            dbname = args.database
            say(f"== creating database {dbname} with the suite and its demo data")
            odoo_install(cluster, workdir, dbname, ADDONS, "--load-language", "fr_FR")
            serve = odoo_command(
                cluster,
                workdir,
                [
                    "-d",
                    dbname,
                    "--http-port",
                    str(args.port),
                    "--log-level",
                    "info",
                    # a demo's long calls (a month's invoicing of a thousand
                    # contracts over XML-RPC) are not cut after 120 s
                    "--limit-time-real",
                    "900",
                ],
            )
            # Odoo reloads itself (os.execv of its argv) when a request runs
            # past its time limits: started as ``python -m odoo`` it cannot,
            # and the demo stopped. The ``odoo`` script beside this Python can.
            # A script made by an old setuptools (pkg_resources) may not run
            # in a virtualenv pip filled (it looks its requirements up by
            # their old names): then ``python -m odoo``.
            script = Path(sys.executable).with_name("odoo")
            if script.exists() and script_runs(script):
                serve[:3] = [str(script)]
            say(
                f"== Odoo on http://127.0.0.1:{args.port}/web/login"
                "  login: admin  password: admin"
            )
            say("   (Ctrl-C stops Odoo and the database cluster)")
            run_child(serve)
    except KeyboardInterrupt:
        say("stopped")
    return 0


def merge_po(name, pot):
    """Merge ``pot`` into the addon's fr.po (created from it when missing) and
    give the po the formatting oca-checks-po expects."""
    po = pot.parent / "fr.po"
    if po.exists():
        subprocess.run(
            [
                "msgmerge",
                "--quiet",
                "--no-fuzzy-matching",
                "-U",
                "--backup=none",
                str(po),
                str(pot),
            ],
            check=True,
        )
    else:
        shutil.copy(pot, po)
    subprocess.run(
        ["oca-checks-po", "--fix", str(po)], check=False, stdout=subprocess.DEVNULL
    )
    say(f"{name}: {pot.relative_to(ROOT)} and {po.relative_to(ROOT)} updated")


def cmd_i18n(args):
    """Export each addon's .pot from a database with the suite, merge fr.po."""
    if not odoo_ready():
        return 2
    addons = args.addons.split(",") if args.addons else ADDONS
    with throwaway_cluster("i18n") as (cluster, workdir):
        dbname = "concierge_i18n"
        odoo_install(cluster, workdir, dbname, addons)
        for name in addons:
            i18n = ROOT / name / "i18n"
            i18n.mkdir(exist_ok=True)
            pot = i18n / f"{name}.pot"
            export = ["-d", dbname, "--i18n-export", str(pot), "--modules", name]
            run_child(
                odoo_command(
                    cluster,
                    workdir,
                    [*export, "--stop-after-init", "--log-level=warn"],
                ),
                check=True,
            )
            merge_po(name, pot)
    return 0


def cmd_bench(args):
    """Install addons on a fresh database and run a benchmark script in it.

    The script runs in ``odoo shell`` with ``env`` defined; it prints its own
    figures. Benchmarks live in tests/bench_*.py (pytest does not collect them).
    """
    if not odoo_ready():
        return 2
    script = Path(args.script).resolve()
    addons = args.addons.split(",") if args.addons else ADDONS
    with throwaway_cluster("bench") as (cluster, workdir):
        dbname = "concierge_bench"
        say(f"== installing {', '.join(addons)} (no demo data)")
        odoo_install(cluster, workdir, dbname, addons, "--without-demo=all")
        env = None
        if args.reference_addons:
            # a second database without the suite, for the reference figures
            reference = "concierge_bench_reference"
            say(f"== installing {args.reference_addons} in {reference} (no demo data)")
            odoo_install(
                cluster,
                workdir,
                reference,
                args.reference_addons.split(","),
                "--without-demo=all",
            )
            env = {**os.environ, "BENCH_REFERENCE_DB": reference}
        say(f"== running {script.name}")
        shell = odoo_command(
            cluster,
            workdir,
            ["-d", dbname, "--log-level=warn", "--no-http"],
            subcommand="shell",
        )
        return run_child(shell, input_text=script.read_text(), env=env).returncode


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    test = sub.add_parser("test", help="lint, static checks and the Odoo test run")
    test.add_argument(
        "--addons",
        help="comma-separated addons (default: all five and the suite tests)",
    )
    test.add_argument(
        "--no-alone", action="store_true", help="skip single-addon installs"
    )
    test.add_argument(
        "--no-pytest", action="store_true", help="skip lint and static checks"
    )
    test.add_argument("--keep", action="store_true", help="keep the cluster folder")
    test.add_argument(
        "--tags",
        help="Odoo --test-tags of the together run, e.g. /concierge_partners:TestX"
        " (default: every test of the addons)",
    )
    test.add_argument(
        "--jobs",
        type=int,
        default=2,
        help="single-addon databases tested at the same time (default 2)",
    )
    test.add_argument("--logdir", help="where Odoo logs go (default var/log)")
    demo = sub.add_parser("demo", help="serve Odoo with the suite and demo data")
    demo.add_argument("--port", type=int, default=8069)
    demo.add_argument("--database", default="concierge_demo")
    i18n = sub.add_parser("i18n", help="regenerate .pot files and merge fr.po")
    i18n.add_argument("--addons")
    bench = sub.add_parser("bench", help="run a benchmark script (tests/bench_*.py)")
    bench.add_argument("script")
    bench.add_argument("--addons", help="addons to install (default: all five)")
    bench.add_argument(
        "--reference-addons",
        help="addons of a second database without the suite, whose name the "
        "script reads in BENCH_REFERENCE_DB (e.g. contract)",
    )
    args = parser.parse_args()
    venv_reexec()
    handler = {
        "test": cmd_test,
        "demo": cmd_demo,
        "i18n": cmd_i18n,
        "bench": cmd_bench,
    }[args.command]
    try:
        sys.exit(handler(args))
    except KeyboardInterrupt:
        say("interrupted: Odoo and the database cluster are stopped")
        sys.exit(130)


if __name__ == "__main__":
    main()
