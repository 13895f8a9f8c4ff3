# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """18.0.1.1.0: the accounts get their funding mix source by default
    (operating income: market sales; 74: public grants; 7541-7543: private
    gifts and sponsorship) where none was chosen."""
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.company"].with_context(active_test=False).search(
        []
    )._concierge_map_sources()
