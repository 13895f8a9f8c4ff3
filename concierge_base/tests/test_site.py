# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ConciergeCase


@tagged("post_install", "-at_install")
class TestSite(ConciergeCase):
    def test_insee_code_checked(self):
        self.site.insee_code = "2A004"  # Corsica codes are accepted
        for bad in ("6925", "ABCDE", "692555"):
            with self.assertRaisesRegex(ValidationError, "INSEE code"):
                self.site.insee_code = bad

    def test_opening_hours_must_be_ordered(self):
        with self.assertRaisesRegex(ValidationError, "opening time must come before"):
            self.site.opening_ids[0].hour_to = 8

    def test_opening_summary_and_days(self):
        self.assertEqual(self.site.opening_summary, "Tue 09:00-12:00, Fri 14:00-19:00")
        self.assertEqual(self.site._open_weekdays(), {1, 4})
        monday = date(2026, 11, 30)
        # first opening day on or after a Monday is the Tuesday
        self.assertEqual(self.site._add_opening_days(monday, 0), date(2026, 12, 1))
        # two opening days after Monday: Tuesday, then Friday
        self.assertEqual(self.site._add_opening_days(monday, 2), date(2026, 12, 4))
        self.assertEqual(
            self.other_site._add_opening_days(monday, 2), date(2026, 12, 2)
        )

    def test_beneficiary_count(self):
        self.env["res.partner"].create(
            [
                {
                    "name": "Habitant %s" % i,
                    "concierge_beneficiary_type": "inhabitant",
                    "concierge_site_id": self.site.id,
                }
                for i in range(3)
            ]
        )
        self.assertEqual(self.site.beneficiary_count, 3)
        action = self.site.action_view_beneficiaries()
        self.assertEqual(self.env["res.partner"].search_count(action["domain"]), 3)

    def test_code_unique_per_company(self):
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self.env["concierge.site"].create({"name": "Doublon", "code": "TST"})
        # the same code in another company is fine
        self.env["concierge.site"].create(
            {"name": "Ailleurs", "code": "TST", "company_id": self.other_company.id}
        )

    def test_access_rights(self):
        site_as_user = self.site.with_user(self.concierge)
        self.assertEqual(site_as_user.name, "Épicerie de test")
        with self.assertRaises(AccessError):
            site_as_user.write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            self.env["concierge.site"].with_user(self.concierge).create({"name": "New"})
        self.site.with_user(self.manager).write({"name": "Renamed"})
        self.assertEqual(self.site.name, "Renamed")

    def test_multi_company_rule(self):
        visible = self.env["concierge.site"].with_user(self.concierge).search([])
        self.assertIn(self.site, visible)
        self.assertNotIn(self.other_site, visible)
        with self.assertRaises(AccessError):
            self.other_site.with_user(self.concierge).read(["name"])
