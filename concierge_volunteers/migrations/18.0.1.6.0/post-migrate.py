# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """18.0.1.6.0: every vehicle gets the stock location its items travel in
    on a round."""
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["concierge.vehicle"].with_context(active_test=False).search(
        []
    )._concierge_ensure_location()
