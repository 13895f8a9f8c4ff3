# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Suite-level checks: they read the addons as files and need no database."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ADDONS = sorted(p.parent.name for p in ROOT.glob("concierge_*/__manifest__.py"))
# an addon of tests only (Odoo's test_* pattern): no view, data or strings
TEST_ONLY = {"concierge_suite_tests"}
USER_ADDONS = [name for name in ADDONS if name not in TEST_ONLY]


def read_manifest(addon):
    return ast.literal_eval((ROOT / addon / "__manifest__.py").read_text())


@pytest.fixture(params=ADDONS)
def addon(request):
    return request.param


@pytest.fixture(params=USER_ADDONS)
def user_addon(request):
    """An addon people use (not the tests-only one)."""
    return request.param
