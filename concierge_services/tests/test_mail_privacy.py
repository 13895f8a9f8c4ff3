# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.mail.tests.common import MockEmail

from .common import ServicesCase

MAIL = """Return-Path: {return_path}
To: demandes@conciergerie-rgpd.example.com
From: {sender}
Subject: {subject}
Message-ID: <{msgid}@example.com>
Date: Sun, 29 Nov 2026 09:00:00 +0100
{headers}MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

Bonjour, je suis absent jusqu'au 4 janvier.
"""

DSN = """Return-Path: <>
To: demandes@conciergerie-rgpd.example.com
From: Mail Delivery System <MAILER-DAEMON@mx.example.org>
Subject: Undelivered Mail Returned to Sender
Message-ID: <{msgid}@mx.example.org>
Date: Sun, 29 Nov 2026 09:00:00 +0100
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Type: text/plain

The mail could not be delivered.
--B
Content-Type: message/delivery-status

Final-Recipient: rfc822; personne@example.net
Action: failed
Status: 5.1.1
--B--
"""

# (headers, sender) of mails sent by machines
AUTOMATIC = {
    "auto_submitted": ("Auto-Submitted: auto-replied\n", None),
    "auto_generated": ("Auto-Submitted: auto-generated\n", None),
    "precedence_bulk": ("Precedence: bulk\n", None),
    "precedence_auto_reply": ("Precedence: auto_reply\n", None),
    "x_autoreply": ("X-Autoreply: yes\n", None),
    "mailer_daemon": ("", "MAILER-DAEMON@mx.example.org"),
    "postmaster": ("", "postmaster@example.org"),
}


@tagged("post_install", "-at_install")
class TestMailPrivacy(ServicesCase, MockEmail):
    """The request alias, fed with raw e-mails through message_process."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alias_domain = cls.env["mail.alias.domain"].create(
            {"name": "conciergerie-rgpd.example.com"}
        )
        cls.company.alias_domain_id = cls.alias_domain
        cls.alias = cls.env.ref("concierge_services.mail_alias_concierge_request")
        cls.alias.alias_domain_id = cls.alias_domain
        cls.Request = cls.env["concierge.service.request"]

    def _set_senders(self, contact):
        self.env["res.config.settings"].create(
            {"concierge_request_alias_contact": contact}
        ).execute()

    def _receive(self, sender, msgid, headers="", return_path=None, raw=None):
        raw = raw or MAIL.format(
            return_path=return_path or f"<{sender}>",
            sender=sender,
            subject="Réponse automatique",
            msgid=msgid,
            headers=headers,
        )
        with (
            self.mock_mail_gateway(),
            mute_logger(
                "odoo.addons.mail.models.mail_thread",
                "odoo.addons.concierge_services.models.concierge_service_request",
            ),
        ):
            return self.env["mail.thread"].message_process(False, raw)

    def _traces(self, email):
        """Requests, contacts and outgoing mails about ``email``."""
        return (
            self.Request.search([("partner_id.email", "=ilike", email)]),
            self.env["res.partner"].search([("email", "=ilike", email)]),
            self.env["mail.mail"].search([("email_to", "ilike", email)]),
        )

    def test_setting_reads_and_writes_the_alias(self):
        self._set_senders("partners")
        self.assertEqual(self.alias.alias_contact, "partners")
        self.assertEqual(
            self.env["res.config.settings"].create({}).concierge_request_alias_contact,
            "partners",
        )
        self._set_senders("everyone")
        self.assertEqual(self.alias.alias_contact, "everyone")

    def test_known_contacts_only(self):
        self._set_senders("partners")
        result = self._receive("Inconnu <inconnu@example.net>", "rgpd-unknown")
        self.assertFalse(result)
        requests, partners, mails = self._traces("inconnu@example.net")
        self.assertFalse(requests)
        self.assertFalse(partners, "no beneficiary made of an unknown sender")
        self.assertEqual(len(mails), 1, "the person is told, once")
        # a known contact still gets a request
        request = self.Request.browse(
            self._receive("Jeanne Test <jeanne.test@example.com>", "rgpd-known")
        )
        self.assertEqual(request.partner_id, self.beneficiary)
        self.assertEqual(request.channel, "email")

    def test_anyone_creates_the_beneficiary(self):
        self._set_senders("everyone")
        request = self.Request.browse(
            self._receive("Nouvelle Personne <nouvelle@example.net>", "rgpd-anyone")
        )
        self.assertEqual(request.partner_id.email, "nouvelle@example.net")
        self.assertEqual(request.partner_id.concierge_beneficiary_type, "inhabitant")

    def test_automatic_mails_never_answered_nor_turned_into_requests(self):
        for contact in ("everyone", "partners"):
            self._set_senders(contact)
            for key, (headers, sender) in AUTOMATIC.items():
                with self.subTest(contact=contact, mail=key):
                    email = sender or f"{key}.{contact}@example.net"
                    result = self._receive(email, f"rgpd-{key}-{contact}", headers)
                    self.assertFalse(result)
                    requests, partners, mails = self._traces(email)
                    self.assertFalse(requests)
                    self.assertFalse(partners)
                    self.assertFalse(mails, "nothing sent back: no loop")
            # a known contact's out-of-office creates no request either
            before = self.Request.search_count([])
            self._receive(
                "jeanne.test@example.com",
                f"rgpd-known-ooo-{contact}",
                "Auto-Submitted: auto-replied\n",
            )
            self.assertEqual(self.Request.search_count([]), before)

    def test_delivery_report_and_null_sender(self):
        self._set_senders("everyone")
        before = self.Request.search_count([])
        self._receive(None, "rgpd-dsn", raw=DSN.format(msgid="rgpd-dsn"))
        self._receive(
            "robot@example.net", "rgpd-null-sender", return_path="<>", headers=""
        )
        self.assertEqual(self.Request.search_count([]), before)
        for email in ("mailer-daemon@mx.example.org", "robot@example.net"):
            requests, partners, mails = self._traces(email)
            self.assertFalse(partners | requests.partner_id)
            self.assertFalse(mails)

    def test_auto_submitted_no_is_a_person(self):
        self._set_senders("everyone")
        request = self.Request.browse(
            self._receive(
                "Marc Humain <marc.humain@example.net>",
                "rgpd-human",
                "Auto-Submitted: no\n",
            )
        )
        self.assertEqual(request.partner_id.email, "marc.humain@example.net")
