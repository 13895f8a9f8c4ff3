# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ServicesCase

MAIL = """Return-Path: <{email}>
To: {to}
From: {sender}
Subject: {subject}
Message-ID: <{msgid}@example.com>
Date: Sun, 29 Nov 2026 09:00:00 +0100
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

{body}
"""


@tagged("post_install", "-at_install")
class TestChannels(ServicesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alias_domain = cls.env["mail.alias.domain"].create(
            {"name": "conciergerie.example.com"}
        )
        cls.company.alias_domain_id = cls.alias_domain
        cls.alias = cls.env.ref("concierge_services.mail_alias_concierge_request")
        cls.alias.alias_domain_id = cls.alias_domain

    def _receive(self, sender, subject, body, msgid):
        raw = MAIL.format(
            email=sender,
            sender=sender,
            to=f"demandes@{self.alias_domain.name}",
            subject=subject,
            body=body,
            msgid=msgid,
        )
        with mute_logger("odoo.addons.mail.models.mail_thread"):
            request_id = self.env["mail.thread"].message_process(False, raw)
        return self.env["concierge.service.request"].browse(request_id)

    def test_alias_points_to_requests(self):
        self.assertEqual(self.alias.alias_model_id.model, "concierge.service.request")
        self.assertEqual(self.alias.alias_contact, "everyone")

    def test_mail_from_known_beneficiary(self):
        request = self._receive(
            "Jeanne Test <jeanne.test@example.com>",
            "Retouche d'un pantalon",
            "Bonjour, pouvez-vous raccourcir un pantalon ?",
            "known",
        )
        self.assertTrue(request)
        self.assertEqual(request.partner_id, self.beneficiary)
        self.assertEqual(request.channel, "email")
        self.assertEqual(request.state, "draft")
        self.assertEqual(request.site_id, self.site)
        self.assertRegex(request.name, r"^REQ/\d{4}/\d{5}$")
        self.assertIn("raccourcir un pantalon", request.description)
        self.assertIn("Retouche", request.description)
        self.assertIn(self.beneficiary, request.message_partner_ids)

    def test_mail_from_unknown_sender_creates_beneficiary(self):
        request = self._receive(
            "Paul Nouveau <paul.nouveau@example.com>",
            "Colis",
            "Pouvez-vous recevoir un colis pour moi ?",
            "unknown",
        )
        partner = request.partner_id
        self.assertEqual(partner.name, "Paul Nouveau")
        self.assertEqual(partner.email, "paul.nouveau@example.com")
        self.assertEqual(partner.concierge_beneficiary_type, "inhabitant")
        again = self._receive(
            "paul.nouveau@example.com", "Encore", "Un autre colis", "again"
        )
        self.assertEqual(again.partner_id, partner, "matched by address")

    def test_ready_mail_and_sms_text(self):
        request = self._request()
        request.action_confirm()
        request.action_send_to_provider()
        before = request.message_ids
        request.action_ready()
        messages = request.message_ids - before
        ready = messages.filtered(lambda m: self.beneficiary in m.partner_ids)
        self.assertEqual(len(ready), 1)
        self.assertIn(request.name, ready.subject)
        self.assertIn(request.custody_item_ids.name, str(ready.body))
        mails = self.env["mail.mail"].search([("mail_message_id", "=", ready.id)])
        self.assertTrue(mails, "an email goes out to the beneficiary")
        self.assertIn(request.name, request.sms_text)
        self.assertIn(request.custody_item_ids.name, request.sms_text)
        self.assertLessEqual(len(request.sms_text), 160)
