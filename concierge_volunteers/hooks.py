# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).


def post_init_hook(env):
    """Volunteer time accounts (864 / 875) of every company with a chart."""
    env["res.company"].with_context(active_test=False).search(
        []
    )._concierge_map_sources()
