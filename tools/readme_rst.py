#!/usr/bin/env python3
# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Write each addon's README.rst from its readme/*.md fragments (OCA layout)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = [
    ("DESCRIPTION.md", None),
    ("CONFIGURE.md", "Configuration"),
    ("USAGE.md", "Usage"),
    ("ROADMAP.md", "Known issues / Roadmap"),
    ("CONTRIBUTORS.md", "Contributors"),
]


def render(addon):
    manifest = ast.literal_eval((addon / "__manifest__.py").read_text())
    title = manifest["name"]
    out = ["=" * len(title), title, "=" * len(title), ""]
    out += [
        f"|maturity| |license|  version {manifest['version']}",
        "",
        f".. |maturity| image:: https://img.shields.io/badge/maturity-"
        f"{manifest.get('development_status', 'Beta')}-yellow.png",
        ".. |license| image:: https://img.shields.io/badge/license-AGPL--3-blue.png",
        "",
    ]
    for fname, heading in SECTIONS:
        path = addon / "readme" / fname
        if not path.exists():
            continue
        if heading:
            out += [heading, "=" * len(heading), ""]
        out += [*markdown_to_rst(path.read_text().rstrip()), ""]
    return "\n".join(out)


def markdown_to_rst(text):
    """The little markdown the fragments use: inline code, ``##`` headings
    and fenced code blocks."""
    lines, fence = [], None
    for line in text.splitlines():
        if line.startswith("```"):
            if fence is None:
                fence = line.strip("`").strip() or "text"
                lines += [f".. code-block:: {fence}", ""]
            else:
                fence = None
                lines.append("")
            continue
        if fence is not None:
            lines.append(f"    {line}" if line else "")
        elif line.startswith("## "):
            title = line[3:].strip().replace("`", "``")
            lines += [title, "-" * len(title)]
        else:
            lines.append(line.replace("`", "``"))
    return lines


def main():
    for manifest in sorted(ROOT.glob("concierge_*/__manifest__.py")):
        (manifest.parent / "README.rst").write_text(render(manifest.parent))


if __name__ == "__main__":
    main()
