# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import VolunteerCase


@tagged("post_install", "-at_install")
class TestRequestLink(VolunteerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        category = cls.env["concierge.service.category"].create(
            {"name": "Livraisons (test)", "code": "TLIV"}
        )
        cls.groceries = cls.env["product.product"].create(
            {
                "name": "Livraison de courses (test)",
                "type": "service",
                "list_price": 5,
                "concierge_category_id": category.id,
            }
        )
        cls.beneficiary = cls.env["res.partner"].create(
            {
                "name": "Germaine Test",
                "concierge_beneficiary_type": "inhabitant",
                "concierge_site_id": cls.site.id,
                "concierge_vulnerable": True,
                "concierge_consent_date": "2030-01-01",
            }
        )

    def _confirmed_request(self):
        request = self.env["concierge.service.request"].create(
            {
                "partner_id": self.beneficiary.id,
                "line_ids": [Command.create({"product_id": self.groceries.id})],
            }
        )
        request.action_confirm()
        return request

    def test_attending_moves_the_request_on(self):
        request = self._confirmed_request()
        shift = self._shift(
            mission=self.mission_delivery,
            start=self._at(2030, 6, 4),
            service_request_id=request.id,
        )
        attendance = self._attend(shift, self.bruno, "registered")
        self.assertEqual(request.state, "confirmed")
        attendance.with_user(self.concierge).action_attended()
        self.assertEqual(request.state, "in_progress")
        self.assertIn("Bruno Bénévole", request.message_ids[:1].body, "delivery logged")
        # attended again (e.g. a second volunteer): nothing breaks
        self._attend(shift, self.alice)
        self.assertEqual(request.state, "in_progress")

    def test_attending_hands_back_a_ready_request(self):
        request = self._confirmed_request()
        request.action_ready()
        shift = self._shift(
            mission=self.mission_delivery,
            start=self._at(2030, 6, 5),
            service_request_id=request.id,
        )
        self._attend(shift, self.bruno, "registered")
        shift.action_done()
        self.assertEqual(request.state, "done")

    def test_only_delivery_shifts_serve_requests(self):
        request = self._confirmed_request()
        with self.assertRaisesRegex(ValidationError, "Only a delivery or visit"):
            self._shift(start=self._at(2030, 6, 4), service_request_id=request.id)
