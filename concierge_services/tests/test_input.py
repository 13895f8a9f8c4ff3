# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date, datetime

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import ServicesCase


@tagged("post_install", "-at_install")
class TestInput(ServicesCase):
    """What a concierge types on requests and settings is checked."""

    def test_line_quantity_and_price(self):
        request = self._request([self.paperwork])
        line = request.line_ids
        for quantity, message in (
            (0, "must be greater than zero"),
            (-2, "must be greater than zero"),
            (10001, r"\(10001.0\) is more than 10000 units"),
        ):
            with (
                self.subTest(quantity=quantity),
                self.assertRaisesRegex(ValidationError, message),
            ):
                line.quantity = quantity
        line.quantity = 10000
        self.assertEqual(request.amount_total, 100000.0)
        for price in (-0.01, -12.0):
            with (
                self.subTest(price=price),
                self.assertRaisesRegex(
                    ValidationError, "unit price of Aide aux démarches cannot be"
                ),
            ):
                line.price_unit = price
        line.price_unit = 0.0  # a free service
        self.assertEqual(request.amount_total, 0.0)

    def test_refused_line_refuses_the_request(self):
        with self.assertRaisesRegex(ValidationError, "more than 10000 units"):
            self.env["concierge.service.request"].create(
                {
                    "partner_id": self.beneficiary.id,
                    "line_ids": [
                        Command.create({"product_id": self.cleaning.id}),
                        Command.create(
                            {"product_id": self.paperwork.id, "quantity": 1e6}
                        ),
                    ],
                }
            )

    def test_deadline_not_before_the_request(self):
        request = self._request(request_date=datetime(2026, 11, 30, 10, 0))
        request.deadline = date(2026, 11, 30)  # the same day is fine
        with self.assertRaisesRegex(
            ValidationError, "deadline of REQ/.* is before the day it was asked"
        ):
            request.deadline = date(2026, 11, 29)
        with self.assertRaisesRegex(ValidationError, "before the day it was asked"):
            self._request(
                request_date=datetime(2026, 12, 1, 9, 0), deadline=date(2026, 11, 1)
            )

    def test_custody_alert_days(self):
        self.company.concierge_custody_alert_days = 1
        for days in (0, -5):
            with (
                self.subTest(days=days),
                self.assertRaisesRegex(ValidationError, "custody alert must come"),
            ):
                self.company.concierge_custody_alert_days = days
