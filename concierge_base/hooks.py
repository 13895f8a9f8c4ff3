# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).


def post_init_hook(env):
    """Funding mix sources of the accounts of every existing company, and an
    analytic account for the sites that have none."""
    env["res.company"].with_context(active_test=False).search(
        []
    )._concierge_map_sources()
    env["concierge.site"].with_context(active_test=False).search(
        [("analytic_account_id", "=", False)]
    )._concierge_create_analytic()
