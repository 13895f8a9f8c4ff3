# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.tests import TransactionCase, tagged

from .dashboard_common import DashboardCheckMixin


@tagged("post_install", "-at_install")
class TestDashboard(DashboardCheckMixin, TransactionCase):
    def test_funding_dashboard_reads_existing_fields(self):
        data = self._check_dashboard("concierge_base.spreadsheet_dashboard_funding")
        models = {p["model"] for p in data["pivots"].values()}
        self.assertIn("concierge.indicator.value", models)
        self.assertEqual(
            [list_["model"] for list_ in data["lists"].values()],
            ["concierge.test.criterion"],
        )

    def test_funding_dashboard_for_managers(self):
        dashboard = self.env.ref("concierge_base.spreadsheet_dashboard_funding")
        self.assertEqual(
            dashboard.group_ids, self.env.ref("concierge_base.group_concierge_manager")
        )

    def test_app_opens_on_the_dashboards(self):
        root = self.env.ref("concierge_base.menu_concierge_root")
        action = self.env.ref("spreadsheet_dashboard.ir_actions_dashboard_action")
        self.assertEqual(root.action, action)
        first = root.child_id.sorted("sequence")[0]
        self.assertEqual(first, self.env.ref("concierge_base.menu_concierge_dashboard"))
        self.assertEqual(first.action, action)
        # the group comes first among the dashboards
        groups = self.env["spreadsheet.dashboard.group"].search([])
        self.assertEqual(
            groups[0],
            self.env.ref("concierge_base.spreadsheet_dashboard_group_concierge"),
        )
