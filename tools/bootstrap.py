#!/usr/bin/env python3
# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Set up everything the suite's commands need: system packages, Odoo 18.0
Community and the suite's Python dependencies.

    python3 tools/bootstrap.py            (what ``make setup`` runs)
    ODOO_SOURCE=/path/to/odoo-18.0 python3 tools/bootstrap.py

1. When ``.venv/`` of the project exists, it is used: a second run checks it
   and does nothing else (a few seconds).
2. Otherwise, when the interpreter running this script imports Odoo 18.0
   (an integrator's existing Odoo), that Odoo is used as it is; only the
   suite's missing Python dependencies are installed into it.
3. Otherwise ``.venv/`` is created and Odoo is installed into it from
   ``ODOO_SOURCE``: a source folder, an archive (``.tar.gz``, ``.tgz``,
   ``.zip``) or a URL of one (default: Odoo's official 18.0 nightly source
   archive). Odoo's ``requirements.txt`` is installed with the build
   constraints current Python needs, Odoo itself as an editable install in
   compat mode (so that OCA ``odoo-addon-*`` wheels installed beside it are
   found under ``odoo.addons``), then the suite with its test and lint
   extras.

4. Last, axe-core (the accessibility audit that the portal tests inject into
   the pages in Chromium) is installed from the npm registry, at the pinned
   ``AXE_VERSION``, into ``var/npm/`` (ignored by git); a second run finds
   it there and does nothing. The tests read its path from
   ``CONCIERGE_AXE`` (set by tools/suite.py), else from ``var/npm/``.

System packages the run needs (PostgreSQL server, Chromium, wkhtmltopdf,
gettext, npm; the headers Odoo's requirements build against when a virtualenv is
built) are installed with ``apt-get`` as root or through ``sudo -n``;
otherwise the exact command to type is printed and the script exits 1.
Nothing is downloaded but through the package managers (apt, pip, npm) and
``ODOO_SOURCE``.

This file uses the standard library only: it runs before anything else is
installed.
"""

import argparse
import contextlib
import glob
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_VENV = ROOT / ".venv"
DEFAULT_SOURCE = "https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz"
ODOO_SERIES = "18.0"
PYTHONS = ((3, 10), (3, 11), (3, 12))
# constraints of the build environments pip makes for Odoo's oldest sdists
BUILD_CONSTRAINTS = ["setuptools<81"]
STAMP = "concierge-bootstrap.json"
SETUP_TIME = ROOT / "var" / "setup-time.json"
# setup.cfg last installed into an existing Odoo's interpreter
SUITE_STAMP = ROOT / "var" / "suite-dependencies.json"
# axe-core, the accessibility audit of the portal pages (npm registry)
AXE_VERSION = "4.10.3"
NPM_PREFIX = ROOT / "var" / "npm"

# modules importable once the suite's Python dependencies are installed
REQUIRED_IMPORTS = {
    "phonenumbers": "phonenumbers",
    "xlsxwriter": "xlsxwriter",
    "requests": "requests",
    "stdnum": "python-stdnum",
    "pytest": "pytest",
    "pylint_odoo": "pylint-odoo",
    "oca_pre_commit_hooks": "oca-odoo-pre-commit-hooks",
    "openpyxl": "openpyxl",
    "websocket": "websocket-client",
    "whool": "whool",
}
REQUIRED_DISTRIBUTIONS = {"odoo-addon-contract": "18.0."}
REQUIRED_COMMANDS = ["ruff"]
# pins of Odoo's requirements.txt that the suite's dependencies replace
SUITE_REPLACES = {
    "polib": "the lint extra (oca-odoo-pre-commit-hooks needs polib 1.2)",
}


class SetupError(Exception):
    """A sentence for the user; the script exits with ``code``."""

    def __init__(self, message, code=2):
        super().__init__(message)
        self.code = code


def say(msg):
    print(f"setup: {msg}", flush=True)


# --------------------------------------------------------------------------
# Python and Odoo probes
# --------------------------------------------------------------------------
def check_python(version_info=None, executable=None):
    """Refuse a Python that Odoo 18.0 does not run on."""
    version = tuple((version_info or sys.version_info)[:2])
    if version not in PYTHONS:
        raise SetupError(
            "Python %d.%d found (%s), Odoo 18.0 needs Python 3.10, 3.11 or "
            "3.12: run the command with one of those, e.g. "
            "`make setup PYTHON=python3.12`." % (*version, executable or sys.executable)
        )


PROBE = (
    "import json, sys\n"
    "try:\n"
    "    import odoo\n"
    "except ImportError:\n"
    "    print(json.dumps(None)); sys.exit()\n"
    "print(json.dumps({'series': '%s.%s' % odoo.release.version_info[:2],\n"
    "    'path': list(odoo.__path__)[0], 'python': sys.version.split()[0]}))\n"
)


def probe_odoo(python):
    """What ``python`` imports as Odoo: {series, path, python} or None."""
    proc = subprocess.run(
        [str(python), "-c", PROBE],
        capture_output=True,
        text=True,
        cwd=tempfile.gettempdir(),
        check=False,
    )
    if proc.returncode != 0:
        return None
    return json.loads(proc.stdout.strip().splitlines()[-1])


DEPS_PROBE = """
import importlib.metadata, importlib.util, json, shutil, sys, os
imports, dists, commands = json.loads(sys.argv[1])
missing = [d for m, d in imports.items() if not importlib.util.find_spec(m)]
for dist, prefix in dists.items():
    try:
        if not importlib.metadata.version(dist).startswith(prefix):
            missing.append(dist)
    except importlib.metadata.PackageNotFoundError:
        missing.append(dist)
bindir = os.path.dirname(sys.executable)
missing += [c for c in commands
            if not shutil.which(c, path=bindir + os.pathsep + os.environ["PATH"])]
print(json.dumps(missing))
"""


def missing_dependencies(python):
    """The suite's Python dependencies ``python`` lacks (names to install)."""
    spec = json.dumps([REQUIRED_IMPORTS, REQUIRED_DISTRIBUTIONS, REQUIRED_COMMANDS])
    proc = subprocess.run(
        [str(python), "-c", DEPS_PROBE, spec],
        capture_output=True,
        text=True,
        cwd=tempfile.gettempdir(),
        check=True,
    )
    return json.loads(proc.stdout)


def source_series(folder):
    """The Odoo series of a source folder ('18.0'), or None if it is none."""
    release = Path(folder) / "odoo" / "release.py"
    if not (release.is_file() and (Path(folder) / "setup.py").is_file()):
        return None
    match = re.search(
        r"^version_info\s*=\s*\((\d+),\s*(\d+)", release.read_text(), re.M
    )
    return "%s.%s" % match.groups() if match else None


# --------------------------------------------------------------------------
# system packages
# --------------------------------------------------------------------------
def _found(*patterns):
    return any(glob.glob(p) for p in patterns)


def runtime_packages():
    """Debian packages the demo and the test run need, when missing."""
    needs = []
    if not (shutil.which("initdb") or _found("/usr/lib/postgresql/*/bin/initdb")):
        needs.append(("PostgreSQL server (initdb, pg_ctl)", "postgresql"))
    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        needs.append(("Chromium for the browser tests", "chromium"))
    if not shutil.which("wkhtmltopdf"):
        needs.append(("wkhtmltopdf for PDF reports", "wkhtmltopdf"))
    if not shutil.which("msgmerge"):
        needs.append(("msgmerge for translations", "gettext"))
    if not shutil.which("npm"):
        needs.append(("npm for the accessibility audit (axe-core)", "npm"))
    return needs


def build_packages(python):
    """Debian packages needed to build Odoo's requirements into a venv."""
    needs = []
    info = json.loads(
        subprocess.run(
            [
                str(python),
                "-c",
                "import json, sysconfig, importlib.util, sys;"
                "print(json.dumps([sysconfig.get_paths()['include'],"
                " bool(importlib.util.find_spec('ensurepip')),"
                " '%d.%d' % sys.version_info[:2], sys.base_prefix]))",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    include, has_ensurepip, version, base_prefix = info
    debian_python = base_prefix == "/usr"
    if not has_ensurepip and debian_python:
        needs.append(("venv for Debian's Python", f"python{version}-venv"))
    if not Path(include, "Python.h").exists():
        pkg = f"python{version}-dev" if debian_python else "python3-dev"
        needs.append(("Python headers", pkg))
    if not (shutil.which("cc") or shutil.which("gcc")):
        needs.append(("a C compiler", "build-essential"))
    if not _found("/usr/include/ldap.h"):
        needs.append(("LDAP headers (python-ldap)", "libldap2-dev"))
    if not _found("/usr/include/sasl/sasl.h"):
        needs.append(("SASL headers (python-ldap)", "libsasl2-dev"))
    if not shutil.which("pg_config"):
        needs.append(("libpq headers (psycopg2)", "libpq-dev"))
    return needs


def ensure_system_packages(needs):
    if not needs:
        return
    packages = sorted({pkg for _what, pkg in needs})
    for what, pkg in needs:
        say(f"missing {what}: Debian package {pkg}")
    command = ["apt-get", "install", "-y", "-qq", *packages]
    if not shutil.which("apt-get"):
        raise SetupError(
            "install these packages with your system's package manager, then run "
            "the command again: %s" % " ".join(packages),
            code=1,
        )
    if os.geteuid() == 0:
        prefix = []
    elif (
        shutil.which("sudo")
        and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0
    ):
        prefix = ["sudo", "-n"]
    else:
        raise SetupError(
            "run `sudo apt-get install -y %s`, then the command again"
            % " ".join(packages),
            code=1,
        )
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    say(f"installing {' '.join(packages)} with apt-get (system-wide)")
    subprocess.run([*prefix, "apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run([*prefix, *command], check=True, env=env, stdout=subprocess.DEVNULL)


# --------------------------------------------------------------------------
# the Odoo source
# --------------------------------------------------------------------------
def _download(url, folder):
    folder.mkdir(parents=True, exist_ok=True)
    name = Path(urllib.parse.urlparse(url).path).name or "odoo-source.tar.gz"
    target = folder / name
    say(f"downloading {url} to {target}")
    partial = target.with_name(target.name + ".part")
    with urllib.request.urlopen(url, timeout=60) as response, partial.open("wb") as out:
        total = int(response.headers.get("Content-Length") or 0)
        done, shown = 0, -1
        while chunk := response.read(1 << 20):
            out.write(chunk)
            done += len(chunk)
            if total and done * 10 // total != shown:
                shown = done * 10 // total
                say(f"  {done >> 20} of {total >> 20} MiB")
    partial.replace(target)
    return target


def _extract(archive, folder):
    """Extract ``archive`` into ``folder``; return the Odoo source folder."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    say(f"extracting {archive.name} into {folder}")
    if zipfile.is_zipfile(archive):
        with zipfile.ZipFile(archive) as zipped:
            zipped.extractall(folder)
    else:
        with tarfile.open(archive) as tar:
            if hasattr(tarfile, "data_filter"):
                tar.extractall(folder, filter="data")
            else:  # Python < 3.11.4: refuse members leaving the folder
                for member in tar.getmembers():
                    if member.name.startswith("/") or ".." in Path(member.name).parts:
                        raise SetupError(f"{archive}: unsafe path {member.name}")
                tar.extractall(folder)
    candidates = [folder, *sorted(p for p in folder.iterdir() if p.is_dir())]
    for candidate in candidates:
        if source_series(candidate):
            return candidate
    raise SetupError(f"{archive} holds no Odoo source (no odoo/release.py)")


def resolve_source(spec, venv):
    """A local Odoo source folder from ``ODOO_SOURCE`` (folder, archive, URL)."""
    if re.match(r"^https?://", spec):
        try:
            archive = _download(spec, venv / "downloads")
        except OSError as error:  # URLError, timeouts, refused connections
            raise SetupError(
                f"could not download {spec} ({getattr(error, 'reason', error)}): "
                "set ODOO_SOURCE to a local Odoo 18.0 source folder or archive"
            ) from error
        return _extract(archive, venv / "odoo-src")
    path = Path(spec).expanduser().resolve()
    if path.is_dir():
        if not source_series(path):
            raise SetupError(
                f"ODOO_SOURCE={spec} is not an Odoo source folder (it needs "
                "setup.py and odoo/release.py)"
            )
        return path
    if path.is_file():
        return _extract(path, venv / "odoo-src")
    raise SetupError(f"ODOO_SOURCE={spec}: no such folder, archive or URL")


# --------------------------------------------------------------------------
# the virtualenv
# --------------------------------------------------------------------------
def venv_python(venv):
    return Path(venv) / "bin" / "python"


def _sha(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]


def _requirements_sha(odoo_path):
    """Hash of the requirements.txt beside an imported ``odoo`` package."""
    requirements = Path(odoo_path).parent / "requirements.txt"
    return _sha(requirements) if requirements.exists() else None


def _pip(python, *args, env=None):
    cmd = [
        str(python),
        "-m",
        "pip",
        "install",
        "-q",
        "--disable-pip-version-check",
        "--root-user-action=ignore",
        *args,
    ]
    say("pip install " + " ".join(args))
    subprocess.run(cmd, check=True, env=env)


def build_env(venv):
    """Environment for pip: the build constraints, applied to isolated builds
    (PIP_CONSTRAINT for pip < 25.3, PIP_BUILD_CONSTRAINT after it)."""
    constraints = Path(venv) / "build-constraints.txt"
    constraints.write_text("\n".join(BUILD_CONSTRAINTS) + "\n")
    return dict(
        os.environ,
        PIP_CONSTRAINT=str(constraints),
        PIP_BUILD_CONSTRAINT=str(constraints),
    )


def read_stamp(venv):
    with contextlib.suppress(OSError, ValueError):
        return json.loads((Path(venv) / STAMP).read_text())
    return {}


def odoo_requirements(source, target):
    """Odoo's requirements.txt without the pins the suite's own dependencies
    replace (installed right after, so pip would first install Odoo's pin and
    then upgrade it); written to ``target``, which is returned."""
    kept = []
    for line in (source / "requirements.txt").read_text().splitlines():
        name = re.split(r"[\s=<>!~;\[]", line.strip(), maxsplit=1)[0].lower()
        if name in SUITE_REPLACES:
            say(f"  {line.split(';')[0].strip()}: left to {SUITE_REPLACES[name]}")
            continue
        kept.append(line)
    target.write_text("\n".join(kept) + "\n")
    return target


def install_odoo(venv, source, env):
    python = venv_python(venv)
    say(f"installing Odoo's requirements from {source / 'requirements.txt'}")
    requirements = odoo_requirements(source, Path(venv) / "odoo-requirements.txt")
    _pip(python, "setuptools<81", "wheel", env=env)
    _pip(python, "-r", str(requirements), env=env)
    say(f"installing Odoo {ODOO_SERIES} from {source} (editable, compat mode)")
    _pip(
        python,
        "--no-deps",
        "--no-build-isolation",
        "--config-settings",
        "editable_mode=compat",
        "-e",
        str(source),
        env=env,
    )


def install_suite(python, env=None):
    say(f"installing the suite's Python dependencies (setup.cfg) for {python}")
    _pip(python, "--no-build-isolation", f"{ROOT}[test,lint]", env=env)


def setup_venv(venv, source_spec):
    """Create or complete ``venv``; return its interpreter."""
    venv = Path(venv)
    python = venv_python(venv)
    stamp = read_stamp(venv)
    wanted_suite = _sha(ROOT / "setup.cfg")
    found = probe_odoo(python) if python.exists() else None
    if found and found["series"] != ODOO_SERIES:
        raise SetupError(
            f"{venv} holds Odoo {found['series']}, the suite needs Odoo "
            f"{ODOO_SERIES}: remove it (rm -rf {venv}) and run the command again"
        )
    source_changed = source_spec and stamp.get("source_spec") != source_spec
    odoo_ok = (
        found
        and stamp.get("odoo") == found["path"]
        and not source_changed
        and stamp.get("requirements") == _requirements_sha(found["path"])
    )
    suite_ok = (
        odoo_ok
        and stamp.get("suite") == wanted_suite
        and not missing_dependencies(python)
    )
    if suite_ok:
        say(
            f"nothing to do: {venv} has Odoo {ODOO_SERIES} ({found['path']}) "
            "and the suite's dependencies"
        )
        return python
    check_python()
    if not odoo_ok:
        # the source first: a wrong one is refused before anything is built
        spec = source_spec or stamp.get("source_spec") or DEFAULT_SOURCE
        source = resolve_source(spec, venv)
        series = source_series(source)
        if series != ODOO_SERIES:
            raise SetupError(
                f"ODOO_SOURCE={spec} is Odoo {series}, the suite needs Odoo "
                f"{ODOO_SERIES}"
            )
        ensure_system_packages(build_packages(sys.executable))
    if not python.exists():
        say(f"creating the virtualenv {venv} with {sys.executable}")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    env = build_env(venv)
    if not odoo_ok:
        install_odoo(venv, source, env)
    # the suite's dependencies complete Odoo's (e.g. polib, see SUITE_REPLACES)
    install_suite(python, env)
    if not odoo_ok:
        found = probe_odoo(python)
        if not found or found["series"] != ODOO_SERIES:
            raise SetupError(
                f"Odoo was installed from {source} but {python} cannot import it"
            )
        stamp.update(
            source_spec=spec,
            odoo=found["path"],
            requirements=_sha(source / "requirements.txt"),
        )
    still = missing_dependencies(python)
    if still:
        raise SetupError("could not install: %s" % ", ".join(still))
    stamp["suite"] = wanted_suite
    (venv / STAMP).write_text(json.dumps(stamp, indent=1))
    return python


def use_existing_odoo(python, found):
    """An integrator's Odoo: check it, complete the suite's dependencies."""
    if found["series"] != ODOO_SERIES:
        raise SetupError(
            f"{python} imports Odoo {found['series']} from {found['path']}, the "
            f"suite needs Odoo {ODOO_SERIES}: use a Python that imports Odoo "
            f"{ODOO_SERIES}, or one without Odoo so that the setup installs it "
            "in .venv"
        )
    check_python(tuple(int(x) for x in found["python"].split(".")[:2]), python)
    say(f"using the Odoo {ODOO_SERIES} that {python} imports ({found['path']})")
    # setup.cfg may have gained a dependency since the last run in this clone
    wanted = {"python": str(python), "suite": _sha(ROOT / "setup.cfg")}
    with contextlib.suppress(OSError, ValueError):
        if json.loads(SUITE_STAMP.read_text()) == wanted:
            if not missing_dependencies(python):
                say("nothing to do: the suite's dependencies are installed")
                return python
    missing = missing_dependencies(python)
    if missing:
        say("missing Python dependencies: " + ", ".join(missing))
    install_suite(python)
    still = missing_dependencies(python)
    if still:
        raise SetupError("could not install: %s" % ", ".join(still))
    SUITE_STAMP.parent.mkdir(parents=True, exist_ok=True)
    SUITE_STAMP.write_text(json.dumps(wanted))
    return python


# --------------------------------------------------------------------------
# axe-core, from the npm registry
# --------------------------------------------------------------------------
def axe_script(prefix=NPM_PREFIX):
    """The file the accessibility tests inject into the pages."""
    return Path(prefix) / "node_modules" / "axe-core" / "axe.min.js"


def axe_version(prefix=NPM_PREFIX):
    """The version of axe-core installed under ``prefix``, or None."""
    package = Path(prefix) / "node_modules" / "axe-core" / "package.json"
    with contextlib.suppress(OSError, ValueError):
        if axe_script(prefix).is_file():
            return json.loads(package.read_text()).get("version")
    return None


def ensure_axe(prefix=NPM_PREFIX, version=AXE_VERSION):
    """Install axe-core ``version`` under ``prefix`` with npm unless it is
    there already; return the path of its script."""
    prefix = Path(prefix)
    found = axe_version(prefix)
    if found == version:
        say(f"nothing to do: axe-core {version} is in {prefix}")
        return axe_script(prefix)
    npm = shutil.which("npm")
    if not npm:
        raise SetupError(
            "npm is missing (the accessibility tests need axe-core from the npm "
            "registry): run `sudo apt-get install -y npm`, then the command again",
            code=1,
        )
    if found:
        say(f"axe-core {found} found in {prefix}, the suite pins {version}")
    say(f"installing axe-core {version} from the npm registry into {prefix}")
    prefix.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(
            [
                npm,
                "install",
                "--prefix",
                str(prefix),
                "--no-save",
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
                f"axe-core@{version}",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    except subprocess.CalledProcessError as error:
        raise SetupError(
            f"npm could not install axe-core@{version} into {prefix}: check "
            "that the npm registry is reachable (npm config get registry), "
            "then run the command again",
            code=1,
        ) from error
    if axe_version(prefix) != version:
        raise SetupError(
            f"npm ran but {axe_script(prefix)} of axe-core {version} is missing"
        )
    return axe_script(prefix)


def bootstrap(venv=None, source_spec=None):
    """Return the interpreter the suite's commands run with."""
    explicit = venv is not None
    venv = Path(venv or os.environ.get("CONCIERGE_VENV") or DEFAULT_VENV)
    source_spec = source_spec or os.environ.get("ODOO_SOURCE") or None
    ensure_system_packages(runtime_packages())
    if explicit or venv_python(venv).exists():
        python = setup_venv(venv, source_spec)
    else:
        found = probe_odoo(sys.executable)
        if found:
            python = use_existing_odoo(Path(sys.executable), found)
        else:
            say(f"{sys.executable} does not import Odoo: it goes into {venv}")
            python = setup_venv(venv, source_spec)
    ensure_axe()
    return python


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", help="virtualenv to build (default: .venv)")
    parser.add_argument("--source", help="Odoo source (default: $ODOO_SOURCE)")
    args = parser.parse_args(argv)
    start = time.time()
    try:
        python = bootstrap(args.venv, args.source)
    except SetupError as error:
        print(f"setup: {error}", file=sys.stderr, flush=True)
        return error.code
    except subprocess.CalledProcessError as error:
        print(f"setup: failed: {' '.join(map(str, error.cmd))}", file=sys.stderr)
        return 1
    elapsed = time.time() - start
    if not args.venv:  # the project's own setup: the test run prints its time
        with contextlib.suppress(OSError):
            SETUP_TIME.parent.mkdir(parents=True, exist_ok=True)
            data = {"seconds": elapsed, "at": time.time()}
            SETUP_TIME.write_text(json.dumps(data))
    say(f"ready in {elapsed:.0f}s: the suite runs with {python}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
