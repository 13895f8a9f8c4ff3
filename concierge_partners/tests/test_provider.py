# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.concierge_base.tests.common import ConciergeCase

from .common import CommissionCase


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

    def test_provider_kanban(self):
        """The Providers menu opens its own kanban: kind, categories, ESS
        badge, current agreement model and charter."""
        action = self.env.ref("concierge_partners.action_concierge_provider")
        kanban_view = self.env.ref(
            "concierge_partners.res_partner_view_kanban_concierge_provider"
        )
        self.assertEqual(
            action.view_ids.sorted("sequence").mapped("view_mode")[:2],
            ["kanban", "list"],
        )
        self.assertEqual(action.view_ids[0].view_id, kanban_view)
        arch = self.env["res.partner"].get_views([(kanban_view.id, "kanban")])["views"][
            "kanban"
        ]["arch"]
        for name in (
            "concierge_provider_kind",
            "concierge_category_ids",
            "concierge_ess",
            "concierge_commission_model",
            "concierge_charter_date",
        ):
            self.assertIn(f'name="{name}"', arch)


@tagged("post_install", "-at_install")
class TestProviderAgreementModel(CommissionCase):
    def test_current_agreement_model(self):
        today = fields.Date.context_today(self.provider)
        self._create_agreement(
            date_start=today - relativedelta(years=2),
            date_end=today - relativedelta(years=1),
        )
        self.assertFalse(self.provider.concierge_commission_model)
        self._create_agreement(
            provider=self.producer,
            commission_model="consignment",
            date_start=today - relativedelta(months=1),
        )
        self._create_agreement(
            commission_model="mandate", date_start=today - relativedelta(days=3)
        )
        (self.provider | self.producer).invalidate_recordset()
        self.assertEqual(self.provider.concierge_commission_model, "mandate")
        self.assertEqual(self.producer.concierge_commission_model, "consignment")
        # An employee without the Conciergerie rights still sees the label.
        employee = new_test_user(
            self.env, login="partners_employee", groups="base.group_user"
        )
        self.producer.invalidate_recordset(["concierge_commission_model"])
        self.assertEqual(
            self.producer.with_user(employee).concierge_commission_model,
            "consignment",
        )

    def test_self_employed_provider_in_the_privacy_export(self):
        provider = self.env["res.partner"].create(
            {
                "name": "Julie Couturière",
                "concierge_is_provider": True,
                "concierge_provider_kind": "self_employed",
                "concierge_siret": "732 829 320 00074",
            }
        )
        data = provider.with_user(self.manager)._concierge_privacy_export()
        [record] = data["sections"]["provider"]["records"]
        self.assertEqual(record["concierge_siret"], "73282932000074")
        self.assertEqual(record["concierge_provider_kind"], "Self-employed")
        self.assertEqual(data["sections"]["commission_agreements"]["records"], [])
        beneficiary = self.env["res.partner"].create({"name": "Pas prestataire"})
        data = beneficiary.with_user(self.manager)._concierge_privacy_export()
        self.assertNotIn("provider", data["sections"])
