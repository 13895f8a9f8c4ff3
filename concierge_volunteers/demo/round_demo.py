# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Demo data built in Python, called by ``demo/round_demo.xml``."""

from datetime import timedelta

from odoo import Command, api, fields, models

# the commune stops of the Tuesday round: (commune, zip, INSEE code, place,
# window, latitude, longitude), in the order they were typed (the planner
# orders them)
DEMO_ROUND_STOPS = [
    ("Messimy", "69510", "69131", "Place de l'Église", (9.0, 12.0), 45.6975, 4.6750),
    (
        "Vaugneray",
        "69670",
        "69255",
        "Hameau de Saint-Laurent",
        (9.0, 12.0),
        45.7448,
        4.6485,
    ),
    ("Brindas", "69126", "69028", "Place de Verdun", (9.0, 12.0), 45.7206, 4.6967),
    (
        "Grézieu-la-Varenne",
        "69290",
        "69094",
        "Place de la Mairie",
        (9.0, 12.0),
        45.7481,
        4.6897,
    ),
]
# the requests waiting for the van: (beneficiary, product, need): items to
# deliver came back ready from their provider, those to pick up wait at home
DEMO_ROUND_REQUESTS = [
    (
        "concierge_volunteers.round_partner_odette",
        "product_shirt_cleaning",
        "delivery",
    ),
    (
        "concierge_volunteers.round_partner_marcel",
        "product_heel_repair",
        "pickup",
    ),
    (
        "concierge_volunteers.round_partner_lucie",
        "product_suit_cleaning",
        "delivery",
    ),
    (
        "concierge_base.partner_vulnerable_germaine",
        "product_shirt_cleaning",
        "delivery",
    ),
]


class ConciergeRound(models.Model):
    _inherit = "concierge.round"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _demo_concierge_rounds(self):
        """Demo data only (demo/round_demo.xml): next Tuesday's round of the
        Vaugneray van, driven by Jean Roux, through four communes, planned
        from the requests waiting for it (Germaine's shirts at her home),
        confirmed. No XML id, as rounds made by the planner."""
        vehicle = self.env.ref("concierge_volunteers.vehicle_vaugneray")
        if self.search_count([("vehicle_id", "=", vehicle.id)], limit=1):
            return True  # loaded already (module update)
        self._demo_round_requests(vehicle.site_id)
        round_ = self.create(self._demo_round_vals(vehicle))
        round_._plan_from_requests()
        round_.action_confirm()
        return True

    @api.model
    def _demo_round_requests(self, site):
        """The requests of DEMO_ROUND_REQUESTS, taken at ``site``: those to
        deliver went to their provider and came back ready."""
        product = self.env.ref
        requests = self.env["concierge.service.request"].create(
            [
                {
                    "partner_id": self.env.ref(partner).id,
                    "site_id": site.id,
                    "concierge_round_need": need,
                    "line_ids": [
                        Command.create(
                            {
                                "product_id": product(
                                    f"concierge_services.{template}"
                                ).product_variant_id.id
                            }
                        )
                    ],
                }
                for partner, template, need in DEMO_ROUND_REQUESTS
            ]
        )
        requests.action_confirm()
        ready = requests.filtered(lambda r: r.concierge_round_need == "delivery")
        ready.action_send_to_provider()
        ready.action_ready()
        return requests

    @api.model
    def _demo_round_vals(self, vehicle):
        """Next Tuesday's round of ``vehicle`` through DEMO_ROUND_STOPS."""
        today = fields.Date.context_today(self)
        tuesday = today + timedelta(days=(1 - today.weekday()) % 7 or 7)
        stops = [
            {
                "kind": "commune",
                "commune": commune,
                "zip": zip_code,
                "insee_code": insee,
                "place": place,
                "hour_from": window[0],
                "hour_to": window[1],
                "latitude": lat,
                "longitude": lon,
                "sequence": 10 * (index + 1),
            }
            for index, (commune, zip_code, insee, place, window, lat, lon) in enumerate(
                DEMO_ROUND_STOPS
            )
        ]
        return {
            "date": tuesday,
            "site_id": vehicle.site_id.id,
            "vehicle_id": vehicle.id,
            "driver_id": self.env.ref("concierge_volunteers.volunteer_jean").id,
            "hour_start": 9.0,
            "note": "Clé du fourgon au bureau. Chez Mme Vial : sonner deux fois.",
            "stop_ids": [Command.create(vals) for vals in stops],
        }
