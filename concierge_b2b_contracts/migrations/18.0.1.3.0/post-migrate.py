# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """18.0.1.3.0: subscriptions and overage count as company subscriptions
    in the funding mix (they counted as market sales, or not at all)."""
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.company"].with_context(active_test=False).search(
        []
    )._concierge_map_sources()
