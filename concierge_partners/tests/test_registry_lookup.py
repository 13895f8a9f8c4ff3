# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse

from stdnum import luhn

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.concierge_base.tests.common import ConciergeCase

# An answer of recherche-entreprises.api.gouv.fr, trimmed to what is used.
RECORDED = {
    "73282932000074": {
        "results": [
            {
                "siren": "732829320",
                "nom_complet": "PRESSING DES MONTS (PRESSING DES MONTS)",
                "nom_raison_sociale": "PRESSING DES MONTS",
                "activite_principale": "96.01B",
                "complements": {"est_ess": True},
                "siege": {
                    "siret": "73282932000017",
                    "adresse": "1 PLACE DE LA MAIRIE 69290 CRAPONNE",
                    "code_postal": "69290",
                    "libelle_commune": "CRAPONNE",
                    "activite_principale": "96.01B",
                },
                "matching_etablissements": [
                    {
                        "siret": "73282932000074",
                        "adresse": "12 RUE DU LYONNAIS 69670 VAUGNERAY",
                        "code_postal": "69670",
                        "libelle_commune": "VAUGNERAY",
                        "activite_principale": "96.01A",
                    }
                ],
            }
        ],
        "total_results": 1,
    },
}


class RegistryHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        url = urlparse(self.path)
        query = parse_qs(url.query).get("q", [""])[0]
        if url.path != "/search":
            self.send_response(404)
            self.end_headers()
            return
        if query == "55210055400013":
            self.send_response(500)
            self.end_headers()
            return
        body = json.dumps(
            RECORDED.get(query, {"results": [], "total_results": 0})
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        """Keep the test log quiet."""


@tagged("post_install", "-at_install")
class TestRegistryLookup(ConciergeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = HTTPServer(("127.0.0.1", 0), RegistryHandler)
        cls.thread = threading.Thread(target=cls.server.serve_forever, daemon=True)
        cls.thread.start()
        cls.addClassCleanup(cls.thread.join)
        cls.addClassCleanup(cls.server.server_close)
        cls.addClassCleanup(cls.server.shutdown)
        cls.env["ir.config_parameter"].set_param(
            "concierge_partners.registry_url",
            f"http://127.0.0.1:{cls.server.server_address[1]}/",
        )
        cls.provider = cls.env["res.partner"].create(
            {
                "name": "Pressing",
                "is_company": True,
                "concierge_is_provider": True,
                "concierge_provider_kind": "shop",
                "concierge_siret": "73282932000074",
                "city": "Ancienne ville",
            }
        )

    def test_lookup_previews_then_applies(self):
        action = self.provider.action_concierge_registry_lookup()
        wizard = self.env[action["res_model"]].browse(action["res_id"])
        self.assertEqual(wizard.name, "PRESSING DES MONTS")
        self.assertEqual(wizard.street, "12 RUE DU LYONNAIS")
        self.assertEqual(wizard.zip, "69670")
        self.assertEqual(wizard.city, "VAUGNERAY")
        self.assertEqual(wizard.naf_code, "96.01A")
        self.assertTrue(wizard.ess)
        # Nothing is overwritten before confirmation.
        self.assertEqual(self.provider.name, "Pressing")
        self.assertEqual(self.provider.city, "Ancienne ville")
        self.assertEqual(wizard.current_city, "Ancienne ville")
        wizard.action_apply()
        self.assertEqual(self.provider.name, "PRESSING DES MONTS")
        self.assertEqual(self.provider.city, "VAUGNERAY")
        self.assertEqual(self.provider.concierge_naf_code, "96.01A")
        self.assertTrue(self.provider.concierge_ess)

    def test_not_found(self):
        self.provider.concierge_siret = "44306184100047"
        with self.assertRaisesRegex(UserError, "No company was found"):
            self.provider.action_concierge_registry_lookup()

    def test_registry_error(self):
        self.provider.concierge_siret = "55210055400013"
        with self.assertRaisesRegex(UserError, r"answered with an error \(500\)"):
            self.provider.action_concierge_registry_lookup()

    def test_offline(self):
        # A closed local port: the connection is refused at once.
        closed = HTTPServer(("127.0.0.1", 0), RegistryHandler)
        port = closed.server_address[1]
        closed.server_close()
        self.env["ir.config_parameter"].set_param(
            "concierge_partners.registry_url", f"http://127.0.0.1:{port}"
        )
        with self.assertRaisesRegex(UserError, "cannot be reached"):
            self.provider.action_concierge_registry_lookup()

    def test_siret_needed(self):
        self.provider.concierge_siret = False
        with self.assertRaisesRegex(UserError, "Enter the SIRET"):
            self.provider.action_concierge_registry_lookup()

    def test_la_poste_and_siren(self):
        # La Poste establishments follow their own check rule (sum of the
        # digits a multiple of 5), not Luhn's.
        self.assertFalse(luhn.is_valid("35600000000010"))
        la_poste = self.env["res.partner"].create(
            {"name": "Bureau de poste", "concierge_siret": "356 000 000 00010"}
        )
        self.assertEqual(la_poste.concierge_siren, "356000000")
