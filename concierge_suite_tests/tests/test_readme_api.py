# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The examples of the README's "API for integrators" run as written,
over real XML-RPC, on the demo data (issue 13, item 3)."""

import re
import xmlrpc.client
from pathlib import Path
from unittest.mock import patch

from odoo.tests import tagged
from odoo.tests.common import HttpCase, Transport
from odoo.tools import mute_logger

README = Path(__file__).resolve().parents[2] / "README.md"


def api_examples():
    """The Python blocks of the README's section, in order."""
    text = README.read_text()
    section = text.split("## API for integrators", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, re.S)


@tagged("post_install", "-at_install")
class TestReadmeApi(HttpCase):
    def test_readme_examples_run(self):
        if not README.exists():
            self.skipTest("installed without the repository's README")
        blocks = api_examples()
        self.assertGreaterEqual(len(blocks), 5)
        setup = blocks[0]
        line = 'URL, DB, LOGIN, PASSWORD = "http://127.0.0.1:8069", "concierge_demo", '
        self.assertIn(line, setup)
        base = self.xmlrpc_url.rsplit("/xmlrpc/2/", 1)[0]
        blocks[0] = re.sub(
            r"^URL, DB, LOGIN, PASSWORD = .*$",
            f"URL, DB, LOGIN, PASSWORD = {base!r}, {self.env.cr.dbname!r}, "
            '"admin", "admin"',
            setup,
            flags=re.M,
        )
        real = xmlrpc.client.ServerProxy
        cr = self.cr

        def proxy(url, *args, **kwargs):
            return real(url, *args, transport=Transport(cr), **kwargs)

        namespace = {}
        # the refused write of the example is logged by odoo.http
        with (
            patch.object(xmlrpc.client, "ServerProxy", proxy),
            mute_logger("odoo.http"),
        ):
            for block in blocks:
                exec(compile(block, str(README), "exec"), namespace)
        self.assertEqual(namespace["request"]["state"], "done")
        self.assertIsInstance(namespace["settlement_ids"], list)
        self.assertGreater(namespace["valuation"]["amount_total"], 0)
        self.assertEqual(namespace["download"]["type"], "ir.actions.act_url")
        self.assertTrue(namespace["mix"])
