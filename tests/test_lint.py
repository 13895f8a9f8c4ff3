# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The lint steps of CONVENTIONS.md, each one a check."""

import shutil
import subprocess
import sys

import pytest
from conftest import ADDONS, ROOT

PO_FILES = [str(p.relative_to(ROOT)) for p in ROOT.glob("concierge_*/i18n/*.po")]
COMMANDS = {
    "ruff-check": ["ruff", "check", "."],
    "ruff-format": ["ruff", "format", "--check", "."],
    "pylint-odoo": [
        sys.executable,
        "-m",
        "pylint",
        "--rcfile=setup.cfg",
        "--load-plugins=pylint_odoo",
        "-d",
        "all",
        "-e",
        "odoolint",
        "--valid-odoo-versions=18.0",
        "--manifest-required-authors=Concierge Suite contributors",
        *ADDONS,
    ],
    "oca-checks-odoo-module": ["oca-checks-odoo-module", *ADDONS],
    "oca-checks-po": ["oca-checks-po", *PO_FILES],
}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_lint(name):
    cmd = COMMANDS[name]
    if cmd[0] != sys.executable:
        assert shutil.which(cmd[0]), (
            f"{cmd[0]} is not installed: pip install -e .[lint]"
        )
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, f"{' '.join(cmd)}\n{proc.stdout}\n{proc.stderr}"
