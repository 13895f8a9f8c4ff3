# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.concierge_base.tests.common import ConciergeCase


@tagged("post_install", "-at_install")
class TestProvider(ConciergeCase):
    def test_valid_siret_is_compacted(self):
        provider = self.env["res.partner"].create(
            {
                "name": "Pressing test",
                "is_company": True,
                "concierge_is_provider": True,
                "concierge_provider_kind": "shop",
                "concierge_siret": "732 829 320 00074",
            }
        )
        self.assertEqual(provider.concierge_siret, "73282932000074")
        provider.concierge_siret = "732-829-320-00074"
        self.assertEqual(provider.concierge_siret, "73282932000074")

    def test_invalid_siret_refused(self):
        with self.assertRaisesRegex(ValidationError, "SIRET 73282932000075"):
            self.env["res.partner"].create(
                {
                    "name": "Faux",
                    "concierge_is_provider": True,
                    "concierge_siret": "73282932000075",
                }
            )
        with self.assertRaisesRegex(ValidationError, "is not valid"):
            self.env["res.partner"].create(
                {"name": "Trop court", "concierge_siret": "1234"}
            )

    def test_provider_action_lists_providers(self):
        provider = self.env["res.partner"].create(
            {
                "name": "Ferme test",
                "concierge_is_provider": True,
                "concierge_provider_kind": "producer",
            }
        )
        action = self.env.ref("concierge_partners.action_concierge_provider")
        found = self.env["res.partner"].search([("concierge_is_provider", "=", True)])
        self.assertIn(provider, found)
        self.assertIn("concierge_is_provider", action.domain)
