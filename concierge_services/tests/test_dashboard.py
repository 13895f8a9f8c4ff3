# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date, datetime

from odoo.tests import tagged

from odoo.addons.concierge_base.tests.dashboard_common import DashboardCheckMixin

from .common import ServicesCase


@tagged("post_install", "-at_install")
class TestDashboard(DashboardCheckMixin, ServicesCase):
    def _pivot(self, data, name):
        pivot = next(p for p in data["pivots"].values() if p["name"] == name)
        return self.env[pivot["model"]], pivot

    def test_desk_dashboard_reads_existing_fields(self):
        self._check_dashboard("concierge_services.spreadsheet_dashboard_services")

    def test_desk_dashboard_counts_late_requests_and_held_items(self):
        data = self._dashboard_data("concierge_services.spreadsheet_dashboard_services")
        late = self._request(
            site_id=self.site.id, request_date=datetime(2019, 12, 2, 10, 0)
        )
        late.action_confirm()
        late.deadline = date(2020, 1, 1)
        on_time = self._request(site_id=self.site.id)
        on_time.action_confirm()
        model, pivot = self._pivot(data, "Demandes en retard")
        self.assertEqual(model.search(pivot["domain"]) & (late | on_time), late)
        model, pivot = self._pivot(data, "Demandes en cours")
        self.assertEqual(
            model.search(pivot["domain"]) & (late | on_time), late | on_time
        )
        model, pivot = self._pivot(data, "Objets au comptoir")
        self.assertEqual(
            model.search(pivot["domain"]) & late.custody_item_ids,
            late.custody_item_ids.filtered(lambda i: i.state in ("received", "ready")),
        )

    def test_desk_dashboard_for_the_desk(self):
        dashboard = self.env.ref("concierge_services.spreadsheet_dashboard_services")
        self.assertEqual(
            dashboard.group_ids, self.env.ref("concierge_base.group_concierge_user")
        )
