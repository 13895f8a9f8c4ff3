# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """18.0.1.3.0: every company with a chart gets its 864 / 875 accounts,
    875 counting as valued volunteer time in the funding mix."""
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.company"].with_context(active_test=False).search(
        []
    )._concierge_map_sources()
