# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.concierge_base.tests.dashboard_common import DashboardCheckMixin

from .common import VolunteerCase


@tagged("post_install", "-at_install")
class TestDashboard(DashboardCheckMixin, VolunteerCase):
    def test_volunteers_dashboard_reads_existing_fields(self):
        self._check_dashboard("concierge_volunteers.spreadsheet_dashboard_volunteers")

    def test_unfilled_shifts_of_the_coming_week(self):
        data = self._dashboard_data(
            "concierge_volunteers.spreadsheet_dashboard_volunteers"
        )
        pivot = next(
            p
            for p in data["pivots"].values()
            if p["name"] == "Créneaux non pourvus de la semaine à venir"
        )
        Shift = self.env["concierge.volunteer.shift"]
        domain = self._dashboard_domain(Shift, pivot["domain"])
        soon = fields.Datetime.now().replace(microsecond=0) + timedelta(days=2)
        unfilled = self._shift(start=soon, capacity=2)
        self._attend(unfilled, self.alice, state="registered")
        full = self._shift(start=soon, capacity=1)
        self._attend(full, self.bruno, state="registered")
        later = self._shift(start=soon + timedelta(days=14), capacity=2)
        self.assertEqual(Shift.search(domain) & (unfilled | full | later), unfilled)
