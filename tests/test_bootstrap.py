# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The bootstrap (tools/bootstrap.py) that ``make setup``, ``make demo``,
``make test`` and ``.ci/run`` run first.

No test downloads Odoo: sources are local folders and archives, URLs are
served from 127.0.0.1. The virtualenv test builds a real venv from the Odoo
source folder that this interpreter imports.
"""

import functools
import http.server
import json
import os
import subprocess
import sys
import sysconfig
import tarfile
import threading
import time
import venv
import zipfile

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import bootstrap

RELEASE = "FINAL = 'final'\nversion_info = ({major}, {minor}, 0, FINAL, 0, '')\n"


def fake_source(folder, major=18, minor=0):
    """The two files by which the bootstrap recognises an Odoo source."""
    (folder / "odoo").mkdir(parents=True)
    release = RELEASE.format(major=major, minor=minor)
    (folder / "odoo" / "release.py").write_text(release)
    (folder / "odoo" / "__init__.py").write_text("from . import release\n")
    (folder / "setup.py").write_text("from setuptools import setup\nsetup()\n")
    (folder / "requirements.txt").write_text("")
    return folder


def run_bootstrap(*args, **env):
    return subprocess.run(
        [sys.executable, str(ROOT / "tools" / "bootstrap.py"), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        cwd=ROOT,
        check=False,
    )


@pytest.mark.parametrize("version", [(3, 9), (3, 13)])
def test_python_outside_310_312_is_refused(version):
    with pytest.raises(bootstrap.SetupError) as error:
        bootstrap.check_python(version, "/usr/bin/python3")
    message = str(error.value)
    assert f"Python {version[0]}.{version[1]} found (/usr/bin/python3)" in message
    assert "needs Python 3.10, 3.11 or 3.12" in message


@pytest.mark.parametrize("version", [(3, 10), (3, 11), (3, 12)])
def test_python_310_to_312_is_accepted(version):
    bootstrap.check_python(version, "python3")


def test_source_of_another_series_is_refused(tmp_path):
    source = fake_source(tmp_path / "odoo-17", major=17)
    target = tmp_path / "venv"
    proc = run_bootstrap("--venv", str(target), ODOO_SOURCE=str(source))
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert f"ODOO_SOURCE={source} is Odoo 17.0, the suite needs Odoo 18.0" in (
        proc.stderr
    )
    assert not target.exists(), "nothing is built for a wrong source"


def test_folder_that_is_no_odoo_source_is_refused(tmp_path):
    proc = run_bootstrap("--venv", str(tmp_path / "v"), ODOO_SOURCE=str(tmp_path))
    assert proc.returncode == 2
    assert "is not an Odoo source folder" in proc.stderr


def test_interpreter_importing_another_odoo_is_refused(tmp_path):
    """An integrator's Python that imports Odoo 17.0 gets one sentence."""
    fake_source(tmp_path / "site", major=17)
    proc = run_bootstrap(
        PYTHONPATH=str(tmp_path / "site"),
        CONCIERGE_VENV=str(tmp_path / "no-venv"),
        ODOO_SOURCE="",
    )
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "imports Odoo 17.0" in proc.stderr
    assert "the suite needs Odoo 18.0" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def _archives(tmp_path):
    source = fake_source(tmp_path / "src" / "odoo-18.0.post20261201")
    tgz = tmp_path / "odoo_18.0.latest.tar.gz"
    with tarfile.open(tgz, "w:gz") as tar:
        tar.add(source, arcname=source.name)
    zipped = tmp_path / "odoo_18.0.latest.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        for path in source.rglob("*"):
            archive.write(path, f"{source.name}/{path.relative_to(source)}")
    return tgz, zipped


def test_unreachable_url_is_one_sentence(tmp_path):
    with pytest.raises(bootstrap.SetupError) as error:
        bootstrap.resolve_source("http://127.0.0.1:9/odoo.tar.gz", tmp_path)
    assert "could not download http://127.0.0.1:9/odoo.tar.gz" in str(error.value)
    assert "set ODOO_SOURCE to a local Odoo 18.0 source" in str(error.value)


def test_archive_sources_are_extracted(tmp_path):
    tgz, zipped = _archives(tmp_path)
    for archive in (tgz, zipped):
        folder = bootstrap.resolve_source(str(archive), tmp_path / archive.suffix)
        assert bootstrap.source_series(folder) == "18.0"
        assert folder.name == "odoo-18.0.post20261201"


def test_url_source_is_downloaded_and_extracted(tmp_path):
    tgz, _zipped = _archives(tmp_path)
    handler = functools.partial(
        http.server.SimpleHTTPRequestHandler, directory=str(tmp_path)
    )
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/{tgz.name}"
        folder = bootstrap.resolve_source(url, tmp_path / "venv")
    finally:
        server.shutdown()
    assert (tmp_path / "venv" / "downloads" / tgz.name).read_bytes() == (
        tgz.read_bytes()
    )
    assert bootstrap.source_series(folder) == "18.0"


def test_pins_the_suite_replaces_are_left_out(tmp_path):
    source = tmp_path / "odoo"
    source.mkdir()
    (source / "requirements.txt").write_text(
        "polib==1.1.1\nPyPDF2==2.12.1 ; python_version > '3.10'\n"
    )
    target = bootstrap.odoo_requirements(source, tmp_path / "req.txt")
    assert target.read_text() == "PyPDF2==2.12.1 ; python_version > '3.10'\n"


def test_missing_system_packages_name_the_command(monkeypatch):
    """Not root and no sudo: one line with the exact apt-get command."""
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    monkeypatch.setattr(bootstrap.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(
        bootstrap.subprocess,
        "run",
        lambda *a, **k: subprocess.CompletedProcess(a, 1),
    )
    needs = [("Chromium", "chromium"), ("PostgreSQL", "postgresql")]
    with pytest.raises(bootstrap.SetupError) as error:
        bootstrap.ensure_system_packages(needs)
    assert error.value.code == 1
    assert str(error.value).startswith(
        "run `sudo apt-get install -y chromium postgresql`"
    )


def odoo_source_folder():
    """The Odoo 18.0 source folder this interpreter imports Odoo from."""
    found = bootstrap.probe_odoo(sys.executable)
    assert found and found["series"] == "18.0", "the test run needs Odoo 18.0"
    folder = os.path.dirname(found["path"])
    assert bootstrap.source_series(folder) == "18.0"
    return folder


def make_venv_seeing_this_interpreter(target):
    """A new venv whose Python also finds this interpreter's packages: its
    system site-packages, or, when this interpreter is itself a venv (the
    project's .venv), that venv's site-packages through a .pth line."""
    inside_venv = sys.prefix != sys.base_prefix
    venv.create(target, system_site_packages=not inside_venv, with_pip=True)
    if inside_venv:
        purelib = sysconfig.get_paths()["purelib"]
        version = "python%d.%d" % sys.version_info[:2]
        site = target / "lib" / version / "site-packages"
        (site / "zz_parent_site.pth").write_text(purelib + "\n")


def test_bootstrap_builds_a_venv_from_a_local_source_then_does_nothing(tmp_path):
    """A throw-away venv gets Odoo from ODOO_SOURCE, the suite's dependencies
    and OCA contract; a second run is a no-op.

    No network: pip may not reach any package index (PIP_NO_INDEX). The venv
    sees this interpreter's site-packages, where pip finds Odoo's
    requirements and the suite's dependencies already installed; Odoo comes
    from the local source folder and goes into the venv itself."""
    source = odoo_source_folder()
    target = tmp_path / "venv"
    make_venv_seeing_this_interpreter(target)
    python = target / "bin" / "python"
    offline = {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": ""}
    proc = run_bootstrap("--venv", str(target), ODOO_SOURCE=source, **offline)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert f"installing Odoo 18.0 from {source}" in proc.stdout
    listed = subprocess.run(
        [str(python), "-m", "pip", "list", "--local", "--format=json", "-v"],
        capture_output=True,
        text=True,
        check=True,
    )
    local = {p["name"].lower(): p for p in json.loads(listed.stdout)}
    assert local["odoo"]["editable_project_location"] == source
    assert "concierge-suite" in local
    check = subprocess.run(
        [
            str(python),
            "-c",
            "import odoo, odoo.addons.contract, phonenumbers, stdnum, xlsxwriter;"
            "print('%s.%s' % odoo.release.version_info[:2])",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert check.returncode == 0, check.stderr
    assert check.stdout.strip() == "18.0"

    start = time.time()
    again = run_bootstrap("--venv", str(target), ODOO_SOURCE=source, **offline)
    elapsed = time.time() - start
    assert again.returncode == 0, again.stderr
    assert "nothing to do" in again.stdout
    assert "pip install" not in again.stdout
    assert elapsed < 30, f"a second run took {elapsed:.0f}s"


def fake_npm(folder, version):
    """An ``npm`` on the PATH that writes what ``npm install --prefix P
    axe-core@V`` would, and logs its arguments."""
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "npm.log"
    script = folder / "npm"
    script.write_text(
        "#!/bin/sh\n"
        f'echo "$@" >> {log}\n'
        'prefix=$3\nmkdir -p "$prefix/node_modules/axe-core"\n'
        'echo "window.axe = {};" > "$prefix/node_modules/axe-core/axe.min.js"\n'
        f'echo \'{{"version": "{version}"}}\' '
        '> "$prefix/node_modules/axe-core/package.json"\n'
    )
    script.chmod(0o755)
    return log


def test_axe_is_installed_from_npm_at_the_pinned_version(tmp_path, monkeypatch):
    log = fake_npm(tmp_path / "bin", bootstrap.AXE_VERSION)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    prefix = tmp_path / "npm"
    script = bootstrap.ensure_axe(prefix)
    assert script == prefix / "node_modules" / "axe-core" / "axe.min.js"
    assert script.is_file()
    args = log.read_text().split()
    assert args[:3] == ["install", "--prefix", str(prefix)]
    assert args[-1] == f"axe-core@{bootstrap.AXE_VERSION}"
    assert bootstrap.AXE_VERSION.startswith("4.")


def test_axe_present_is_not_installed_again(tmp_path, monkeypatch, capsys):
    log = fake_npm(tmp_path / "bin", bootstrap.AXE_VERSION)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    prefix = tmp_path / "npm"
    bootstrap.ensure_axe(prefix)
    bootstrap.ensure_axe(prefix)
    assert len(log.read_text().splitlines()) == 1, "npm ran once"
    assert f"nothing to do: axe-core {bootstrap.AXE_VERSION}" in capsys.readouterr().out


def test_axe_of_another_version_is_replaced(tmp_path, monkeypatch, capsys):
    fake_npm(tmp_path / "old", "4.0.0")
    monkeypatch.setenv("PATH", f"{tmp_path / 'old'}{os.pathsep}{os.environ['PATH']}")
    prefix = tmp_path / "npm"
    with pytest.raises(bootstrap.SetupError):  # npm installed 4.0.0
        bootstrap.ensure_axe(prefix)
    assert bootstrap.axe_version(prefix) == "4.0.0"
    log = fake_npm(tmp_path / "bin", bootstrap.AXE_VERSION)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    bootstrap.ensure_axe(prefix)
    assert bootstrap.axe_version(prefix) == bootstrap.AXE_VERSION
    assert len(log.read_text().splitlines()) == 1
    out = capsys.readouterr().out
    assert f"axe-core 4.0.0 found in {prefix}, the suite pins" in out


def test_axe_without_npm_is_one_sentence(tmp_path, monkeypatch):
    monkeypatch.setattr(bootstrap.shutil, "which", lambda name: None)
    with pytest.raises(bootstrap.SetupError) as error:
        bootstrap.ensure_axe(tmp_path / "npm")
    assert error.value.code == 1
    assert "npm is missing" in str(error.value)
    assert "sudo apt-get install -y npm" in str(error.value)


def test_axe_failing_npm_names_the_registry(tmp_path, monkeypatch):
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "npm").write_text("#!/bin/sh\nexit 1\n")
    (tmp_path / "bin" / "npm").chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(bootstrap.SetupError) as error:
        bootstrap.ensure_axe(tmp_path / "npm")
    assert f"npm could not install axe-core@{bootstrap.AXE_VERSION}" in str(error.value)


def test_the_project_axe_is_where_the_tests_look():
    """tools/suite.py passes this path to the Odoo run (CONCIERGE_AXE); the
    portal audit falls back to the same place."""
    assert bootstrap.axe_script() == (
        ROOT / "var" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
    )
    assert "var/" in (ROOT / ".gitignore").read_text().split()
