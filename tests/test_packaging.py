# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Each addon builds as its own wheel, the way the OCA publishes addons."""

import subprocess
import sys
import zipfile

from conftest import ROOT, read_manifest


def test_addon_builds_as_wheel(addon, tmp_path):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(tmp_path),
            str(ROOT / addon),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    [wheel] = tmp_path.glob("*.whl")
    assert wheel.name.startswith(f"odoo_addon_{addon}-18.0.")
    with zipfile.ZipFile(wheel) as archive:
        metadata = next(n for n in archive.namelist() if n.endswith("/METADATA"))
        text = archive.read(metadata).decode()
        assert f"odoo/addons/{addon}/__manifest__.py" in archive.namelist()
    assert f"Name: odoo-addon-{addon}" in text
    assert "Requires-Dist: odoo==18.0.*" in text
    for dep in read_manifest(addon)["depends"]:
        if dep.startswith("concierge_") or dep == "contract":
            assert f"Requires-Dist: odoo-addon-{dep}==18.0.*" in text
