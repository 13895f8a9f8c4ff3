# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date, timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import date_utils

from .common import ServicesCase

CODES = ("requests_handled", "beneficiaries_served", "vulnerable_served")


@tagged("post_install", "-at_install")
class TestServicesPrivacy(ServicesCase):
    """The services' part of the export, the anonymisation and the purge:
    requests and custody items; amounts and indicators unchanged."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls.env["res.partner"].create(
            {
                "name": "Odette Privée",
                "email": "odette.privee@example.com",
                "phone": "06 12 34 56 78",
                "street": "3 rue des Lilas",
                "city": "Vaugneray",
                "comment": "<p>Sonner deux fois, digicode 4512B</p>",
                "concierge_beneficiary_type": "inhabitant",
                "concierge_site_id": cls.site.id,
                "concierge_vulnerable": True,
                "concierge_consent_date": date(2026, 1, 5),
            }
        )
        cls.request = cls._request(
            [cls.cleaning, cls.paperwork],
            partner=cls.person,
            description="Veste à nettoyer, je suis à mobilité réduite",
            note="<p>Appeler sa fille avant de passer</p>",
        )
        cls.request.action_confirm()
        cls.request.action_send_to_provider()
        cls.request.action_ready()
        cls.request.action_hand_back()
        cls.request.line_ids.filtered(lambda line: not line.custody).action_deliver()
        cls.request.action_done()
        action = cls.request.action_create_invoice()
        cls.invoice = cls.env["account.move"].browse(action["res_id"])
        cls.invoice.action_post()
        # the sales count in the funding mix
        cls.invoice.invoice_line_ids.account_id.concierge_source_category = (
            "market_sales"
        )
        cls.month = date_utils.start_of(fields.Date.context_today(cls.person), "month")

    def _figures(self):
        """Indicators of the month (recomputed), funding mix, invoice."""
        Value = self.env["concierge.indicator.value"]
        indicators = self.env["concierge.indicator"].search([("code", "in", CODES)])
        values = Value._recompute_period(self.month, indicators=indicators)
        mix = self.env["concierge.funding.mix.compute"]._get_mix_totals(
            self.month, date_utils.end_of(self.month, "month")
        )
        return (
            {(v.indicator_id.code, v.site_id.id): v.value for v in values},
            mix,
            (self.invoice.amount_total, self.invoice.amount_residual),
            self.invoice.partner_id,
        )

    def test_export_holds_requests_and_items(self):
        data = self.person.with_user(self.manager)._concierge_privacy_export()
        sections = data["sections"]
        [request] = sections["requests"]["records"]
        self.assertEqual(request["name"], self.request.name)
        self.assertIn("mobilité réduite", request["description"])
        self.assertIn("Appeler sa fille", request["note"])
        self.assertEqual(len(request["line_ids"]), 2)
        [item] = sections["custody_items"]["records"]
        self.assertEqual(item["name"], self.request.custody_item_ids.name)
        self.assertEqual(sections["invoices"]["records"][0]["name"], self.invoice.name)
        self.assertTrue(sections["beneficiary"]["records"][0]["concierge_vulnerable"])

    def test_anonymise_keeps_amounts_and_indicators(self):
        before = self._figures()
        indicators, mix, (amount, __), partner = before
        self.assertGreaterEqual(amount, 22.0)
        self.assertEqual(partner, self.person)
        self.assertEqual(indicators[("vulnerable_served", self.site.id)], 1)
        self.assertEqual(indicators[("requests_handled", self.site.id)], 1)
        self.assertGreater(mix["market_sales"], 0)
        self.assertIs(
            self.person.with_user(self.manager).action_concierge_anonymize(), True
        )
        person = self.person
        self.assertNotIn("Odette", person.name)
        self.assertFalse(person.email or person.phone or person.street or person.city)
        self.assertFalse(person.comment)
        self.assertFalse(person.concierge_vulnerable)
        self.assertFalse(person.concierge_consent_date)
        self.assertFalse(self.request.note)
        self.assertFalse(self.request.description)
        self.assertEqual(self.request.partner_id, person, "the request stays")
        self.assertEqual(self._figures(), before)

    def test_open_request_or_held_item_refused(self):
        request = self._request([self.cleaning], partner=self.person)
        request.action_confirm()
        with self.assertRaisesRegex(UserError, "requests in progress"):
            self.person.with_user(self.manager).action_concierge_anonymize()
        self.assertEqual(self.person.name, "Odette Privée")

    def test_retention_purges_request_notes(self):
        old = fields.Datetime.now() - timedelta(days=800)
        self.env.cr.execute(
            "UPDATE res_partner SET create_date = %s WHERE id = %s",
            (old, self.person.id),
        )
        self.env.cr.execute(
            "UPDATE concierge_service_request SET request_date = %s, done_date = %s"
            " WHERE partner_id = %s",
            (old, old, self.person.id),
        )
        self.env.cr.execute(
            "UPDATE concierge_custody_item SET received_date = %s, returned_date = %s"
            " WHERE partner_id = %s",
            (old, old, self.person.id),
        )
        self.env.cr.execute(
            "UPDATE account_move SET date = %s WHERE partner_id = %s",
            (old.date(), self.person.id),
        )
        self.env.invalidate_all()
        self.person.concierge_consent_date = old.date()
        self.env["res.partner"]._cron_concierge_privacy_purge()
        self.assertFalse(self.person.concierge_vulnerable)
        self.assertFalse(self.request.note)
        self.assertTrue(self.request.description, "the request itself stays")
        log = self.env["concierge.privacy.log"].search(
            [("partner_id", "=", self.person.id), ("action", "=", "purge")]
        )
        self.assertEqual(len(log), 1)
        self.assertIn("Request notes", log.detail)

    def test_recent_request_keeps_the_person_active(self):
        old = fields.Datetime.now() - timedelta(days=800)
        self.env.cr.execute(
            "UPDATE res_partner SET create_date = %s WHERE id = %s",
            (old, self.person.id),
        )
        self.env.invalidate_all()
        self.person.concierge_consent_date = old.date()
        self.env["res.partner"]._cron_concierge_privacy_purge()
        self.assertTrue(self.person.concierge_vulnerable, "a request this month")
        self.assertTrue(self.request.note)
