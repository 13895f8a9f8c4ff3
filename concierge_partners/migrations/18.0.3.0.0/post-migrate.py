# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """18.0.3.0.0: commission agreements say whether the conciergerie sells
    in the provider's name (mandates: yes, booked on 467 from now on; the
    lines already booked stay sales of the conciergerie's own name); each
    company gets its commission (708200) and third-party (467) accounts."""
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.company"].with_context(active_test=False).search(
        []
    )._concierge_map_sources()
