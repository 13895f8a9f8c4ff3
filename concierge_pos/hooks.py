# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).


def uninstall_hook(env):
    """Commission lines of till orders not yet booked (session still open,
    so no accounting document) lose their source with the bridge: remove
    them, so that the invoice of every remaining commission line is set
    again, as concierge_partners requires."""
    env.cr.execute(
        "DELETE FROM concierge_commission_line "
        "WHERE move_id IS NULL AND pos_order_line_id IS NOT NULL"
    )
