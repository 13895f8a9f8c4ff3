# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemo(TransactionCase):
    def test_employee_card_at_the_village_till(self):
        """Karim's card is known at the Vaugneray till, with his employer's
        plan (the demo of concierge_b2b_contracts runs it since last month)."""
        karim = self.env.ref("concierge_base.partner_employee_karim", False)
        if not karim or not karim.barcode:
            self.skipTest("installed without demo data")
        company = self.env.ref("base.main_company")
        card = (
            self.env["res.partner"]
            .with_company(company)
            .search([("barcode", "=", "0420000010019")])
        )
        self.assertEqual(card, karim)
        self.assertIn(
            "Transports Moreau", card.with_company(company).concierge_pos_employer
        )
        # the till he shows his card at
        till = self.env["pos.config"].search(
            [
                (
                    "concierge_site_id",
                    "=",
                    self.env.ref("concierge_base.site_village_shop").id,
                )
            ]
        )
        self.assertEqual(len(till), 1)
