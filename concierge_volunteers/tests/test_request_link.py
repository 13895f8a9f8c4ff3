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

    def test_request_form_shows_its_shifts(self):
        request = self._confirmed_request()
        other = self._confirmed_request()
        first = self._shift(
            mission=self.mission_delivery,
            start=self._at(2030, 6, 4),
            service_request_id=request.id,
        )
        second = self._shift(
            mission=self.mission_delivery,
            start=self._at(2030, 6, 11),
            service_request_id=request.id,
        )
        self._shift(
            mission=self.mission_delivery,
            start=self._at(2030, 6, 12),
            service_request_id=other.id,
        )
        self._shift(mission=self.mission_delivery, start=self._at(2030, 6, 13))
        requests = (request | other).with_user(self.concierge)
        self.assertEqual(requests.mapped("concierge_volunteer_shift_count"), [2, 1])
        action = requests[0].action_view_volunteer_shifts()
        self.assertEqual(action["res_model"], "concierge.volunteer.shift")
        self.assertEqual(action["views"][0], (False, "list"))
        Shift = self.env["concierge.volunteer.shift"].with_user(self.concierge)
        self.assertEqual(Shift.search(action["domain"]), first | second)
        # a shift planned from the button serves the request
        start = self._at(2030, 6, 18)
        planned = Shift.with_context(**action["context"]).create(
            {
                "mission_id": self.mission_delivery.id,
                "date_start": start,
                "date_end": self._at(2030, 6, 18, hour=11),
            }
        )
        self.assertEqual(planned.service_request_id, request)
        self.assertEqual(planned.site_id, request.site_id)
        self.assertEqual(requests[0].concierge_volunteer_shift_count, 3)
        self.assertEqual(Shift.search(action["domain"]), first | second | planned)

    def test_request_without_shift(self):
        request = self._confirmed_request().with_user(self.concierge)
        self.assertEqual(request.concierge_volunteer_shift_count, 0)
        action = request.action_view_volunteer_shifts()
        self.assertFalse(self.env["concierge.volunteer.shift"].search(action["domain"]))
        arch = request.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn('name="action_view_volunteer_shifts"', arch)
