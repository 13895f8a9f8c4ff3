# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import logging

import requests

from odoo import fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)

DEFAULT_REGISTRY_URL = "https://recherche-entreprises.api.gouv.fr"
REGISTRY_PARAM = "concierge_partners.registry_url"
TIMEOUT = 5


class ConciergeProviderLookupWizard(models.TransientModel):
    _name = "concierge.provider.lookup.wizard"
    _description = "Preview of a provider found in the company registry"

    partner_id = fields.Many2one("res.partner", required=True, ondelete="cascade")
    siret = fields.Char(string="SIRET", readonly=True)
    name = fields.Char(readonly=True)
    street = fields.Char(readonly=True)
    zip = fields.Char(readonly=True)
    city = fields.Char(readonly=True)
    naf_code = fields.Char(string="Activity code (NAF)", readonly=True)
    ess = fields.Boolean(string="Social economy (ESS)", readonly=True)
    current_name = fields.Char(related="partner_id.name", string="Current name")
    current_street = fields.Char(related="partner_id.street", string="Current street")
    current_zip = fields.Char(related="partner_id.zip", string="Current zip")
    current_city = fields.Char(related="partner_id.city", string="Current city")
    current_naf_code = fields.Char(
        related="partner_id.concierge_naf_code", string="Current activity code"
    )
    current_ess = fields.Boolean(
        related="partner_id.concierge_ess", string="Currently ESS"
    )

    def _registry_url(self):
        url = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(REGISTRY_PARAM, DEFAULT_REGISTRY_URL)
        )
        return url.rstrip("/")

    def _fetch(self, siret):
        """Ask the public registry for ``siret``; return the decoded answer."""
        try:
            response = requests.get(
                f"{self._registry_url()}/search",
                params={"q": siret, "page": 1, "per_page": 1},
                timeout=TIMEOUT,
                headers={"Accept": "application/json"},
            )
        except requests.exceptions.RequestException as error:
            _logger.info("Company registry unreachable: %s", error)
            raise UserError(
                self.env._(
                    "The company registry cannot be reached (no internet "
                    "connection?). Try again later or fill in the fields by hand."
                )
            ) from error
        if response.status_code != 200:
            raise UserError(
                self.env._(
                    "The company registry answered with an error (%(code)s). Try "
                    "again later or fill in the fields by hand.",
                    code=response.status_code,
                )
            )
        try:
            return response.json()
        except ValueError as error:
            raise UserError(
                self.env._("The company registry sent an answer that cannot be read.")
            ) from error

    def _prepare_values(self, siret, answer):
        """Wizard values from the registry's answer for ``siret``."""
        results = answer.get("results") or []
        if not results:
            raise UserError(
                self.env._(
                    "No company was found in the registry for the SIRET %(siret)s.",
                    siret=siret,
                )
            )
        company = results[0]
        siege = company.get("siege") or {}
        establishment = next(
            (
                etab
                for etab in company.get("matching_etablissements") or []
                if etab.get("siret") == siret
            ),
            siege,
        )
        complements = company.get("complements") or {}
        return {
            "siret": establishment.get("siret") or siret,
            "name": company.get("nom_raison_sociale") or company.get("nom_complet"),
            "street": self._street(establishment),
            "zip": establishment.get("code_postal"),
            "city": establishment.get("libelle_commune"),
            "naf_code": establishment.get("activite_principale")
            or company.get("activite_principale"),
            "ess": bool(complements.get("est_ess")),
        }

    def _street(self, establishment):
        parts = [
            establishment.get(key)
            for key in ("numero_voie", "indice_repetition", "type_voie", "libelle_voie")
        ]
        street = " ".join(part for part in parts if part)
        if street:
            return street
        address = establishment.get("adresse") or ""
        tail = " ".join(
            part
            for part in (
                establishment.get("code_postal"),
                establishment.get("libelle_commune"),
            )
            if part
        )
        if tail and address.endswith(tail):
            address = address[: -len(tail)]
        return address.strip(" ,")

    def _prepare_partner_values(self):
        self.ensure_one()
        vals = {
            "concierge_naf_code": self.naf_code,
            "concierge_ess": self.ess,
            "concierge_siret": self.siret,
        }
        for field in ("name", "street", "zip", "city"):
            if self[field]:
                vals[field] = self[field]
        return vals

    def action_apply(self):
        self.ensure_one()
        self.partner_id.write(self._prepare_partner_values())
        return {"type": "ir.actions.act_window_close"}
