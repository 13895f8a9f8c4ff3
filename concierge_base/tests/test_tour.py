# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestBeneficiaryTour(HttpCase):
    def test_concierge_registers_a_beneficiary(self):
        self.env["concierge.site"].create(
            {"name": "Site de la visite guidée", "site_type": "shop"}
        )
        self.start_tour("/odoo", "concierge_base_beneficiary_tour", login="admin")
        partner = self.env["res.partner"].search([("name", "=", "Lucienne Tour")])
        self.assertEqual(partner.phone, "+33478450099")
        self.assertEqual(partner.concierge_site_id.name, "Site de la visite guidée")
        self.assertEqual(partner.concierge_beneficiary_type, "inhabitant")
