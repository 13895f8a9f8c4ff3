# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestDeskTour(HttpCase):
    def test_desk_request_with_custody(self):
        site = self.env["concierge.site"].create(
            {"name": "Comptoir de la visite", "code": "VIS", "site_type": "shop"}
        )
        beneficiary = self.env["res.partner"].create(
            {
                "name": "Bénéficiaire Visite",
                "concierge_beneficiary_type": "inhabitant",
                "concierge_site_id": site.id,
            }
        )
        provider = self.env["res.partner"].create(
            {"name": "Retoucherie de la visite", "is_company": True}
        )
        category = self.env["concierge.service.category"].create(
            {"name": "Retouches visite", "code": "TVIS"}
        )
        self.env["product.product"].create(
            {
                "name": "Retouche visite",
                "type": "service",
                "list_price": 14.0,
                "concierge_category_id": category.id,
                "concierge_provider_id": provider.id,
                "concierge_custody": True,
            }
        )
        self.start_tour(
            "/odoo/action-concierge_services.action_concierge_service_request",
            "concierge_services_desk_tour",
            login="admin",
        )
        request = self.env["concierge.service.request"].search(
            [("partner_id", "=", beneficiary.id)]
        )
        self.assertEqual(request.state, "done")
        self.assertEqual(request.sale_order_id.state, "sale")
        item = request.custody_item_ids
        self.assertEqual(item.state, "returned")
        self.assertEqual(len(item.move_ids), 4)
        self.assertEqual(item.move_ids.move_line_ids.owner_id, beneficiary)
        self.assertEqual(
            item.move_ids[1].location_dest_id.concierge_provider_id, provider
        )
