# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import base64
import io
from datetime import date

import openpyxl

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import VolunteerCase


@tagged("post_install", "-at_install")
class TestHoursReport(VolunteerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        january = cls._shift(start=cls._at(2032, 1, 6), hours=3, capacity=3)
        cls._attend(january, cls.alice)
        cls._attend(january, cls.bruno, "absent")
        january_2 = cls._shift(start=cls._at(2032, 1, 13), hours=2)
        cls._attend(january_2, cls.alice)
        february = cls._shift(
            mission=cls.mission_delivery, start=cls._at(2032, 2, 3), hours=1.5
        )
        cls._attend(february, cls.bruno)
        outside = cls._shift(start=cls._at(2033, 1, 4), hours=4)
        cls._attend(outside, cls.alice)

    def _report(self):
        return (
            self.env["concierge.volunteer.hours.report"]
            .with_user(self.concierge)
            .create({"date_from": date(2032, 1, 1), "date_to": date(2032, 12, 31)})
        )

    def test_rows_per_volunteer_type_and_month(self):
        rows = self._report()._prepare_rows()
        self.assertEqual(
            rows,
            [
                ("Alice Bénévole", "Desk shift", "2032-01", 5.0),
                (
                    "Bruno Bénévole",
                    "Delivery or visit to a vulnerable person",
                    "2032-02",
                    1.5,
                ),
            ],
        )

    def test_xlsx_reads_back(self):
        report = self._report()
        action = report.action_export()
        self.assertIn("file_data", action["url"])
        workbook = openpyxl.load_workbook(
            io.BytesIO(base64.b64decode(report.file_data))
        )
        sheet = workbook.active
        values = [list(row) for row in sheet.iter_rows(values_only=True)]
        self.assertEqual(values[0], ["Volunteer", "Mission type", "Month", "Hours"])
        self.assertEqual(values[1], ["Alice Bénévole", "Desk shift", "2032-01", 5])
        self.assertEqual(values[-1][0], "Total")
        self.assertEqual(values[-1][3], 6.5)

    def test_period_must_be_ordered(self):
        report = self._report()
        report.date_to = date(2031, 1, 1)
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            report._prepare_rows()
