# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestDashboardTour(HttpCase):
    def test_manager_opens_the_app_on_the_dashboard(self):
        """In French, the Conciergerie app opens on the funding dashboard and
        its spreadsheet loads."""
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"].search(
            [
                (
                    "name",
                    "in",
                    ("web", "spreadsheet", "spreadsheet_dashboard", "concierge_base"),
                )
            ]
        )._update_translations("fr_FR")
        admin = self.env.ref("base.user_admin")
        admin.write(
            {
                "lang": "fr_FR",
                "groups_id": [
                    (4, self.env.ref("concierge_base.group_concierge_manager").id)
                ],
            }
        )
        self.env["concierge.site"].create(
            {"name": "Site du tableau de bord", "site_type": "shop"}
        )
        self.start_tour("/odoo", "concierge_base_dashboard_tour", login="admin")
