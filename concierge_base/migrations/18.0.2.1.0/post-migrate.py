# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """18.0.2.1.0: every site has an analytic account (plan "Conciergerie
    sites"), so that the revenue booked for it counts for it in the funding
    mix."""
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["concierge.site"].with_context(active_test=False).search(
        [("analytic_account_id", "=", False)]
    )._concierge_create_analytic()
