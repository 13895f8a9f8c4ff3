# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date

from odoo import Command

from .common import VolunteerCase

# the communes west of Lyon a round of the test goes through (degrees)
POINTS = {
    "Vaugneray": (45.7375, 4.6564),
    "Grézieu-la-Varenne": (45.7481, 4.6897),
    "Brindas": (45.7206, 4.6967),
    "Craponne": (45.7450, 4.7236),
    "Yzeron": (45.7089, 4.5894),
}
ZIPS = {
    "Vaugneray": "69670",
    "Grézieu-la-Varenne": "69290",
    "Brindas": "69126",
    "Craponne": "69290",
    "Yzeron": "69510",
}
# a Tuesday
ROUND_DAY = date(2031, 3, 4)


class RoundCase(VolunteerCase):
    """A site with coordinates, a van, services, beneficiaries in the
    communes of the round and helpers to take their requests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        lat, lon = POINTS["Vaugneray"]
        cls.site.write({"concierge_latitude": lat, "concierge_longitude": lon})
        cls.vehicle = cls.env["concierge.vehicle"].create(
            {
                "name": "Camionnette (test)",
                "site_id": cls.site.id,
                "capacity": 10,
                "average_speed": 30.0,
                "stop_minutes": 10,
            }
        )
        category = cls.env["concierge.service.category"].create(
            {"name": "Tournée (test)", "code": "TRND"}
        )
        cls.cleaning = cls.env["product.product"].create(
            {
                "name": "Repassage (test)",
                "type": "service",
                "list_price": 8.0,
                "concierge_category_id": category.id,
                "concierge_custody": True,
            }
        )
        cls.groceries = cls.env["product.product"].create(
            {
                "name": "Panier de légumes (test)",
                "type": "service",
                "list_price": 15.0,
                "concierge_category_id": category.id,
            }
        )
        cls.driver = cls.portal_user.partner_id

    @classmethod
    def _beneficiary(cls, name, commune, vulnerable=False, point=None):
        vals = {
            "name": name,
            "concierge_beneficiary_type": "inhabitant",
            "city": commune,
            "zip": ZIPS[commune],
        }
        if vulnerable:
            vals.update(
                {"concierge_vulnerable": True, "concierge_consent_date": ROUND_DAY}
            )
        if point:
            vals.update({"partner_latitude": point[0], "partner_longitude": point[1]})
        return cls.env["res.partner"].create(vals)

    @classmethod
    def _requests(cls, partners, need="delivery", state="ready", product=None, **vals):
        """One request per partner, taken at the test site, in ``state``
        (draft, confirmed or ready), each of one line of ``product``."""
        product = product or cls.cleaning
        requests = cls.env["concierge.service.request"].create(
            [
                {
                    "partner_id": partner.id,
                    "site_id": cls.site.id,
                    "concierge_round_need": need,
                    "line_ids": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "quantity": vals.get("quantity", 1),
                            }
                        )
                    ],
                    **{k: v for k, v in vals.items() if k != "quantity"},
                }
                for partner in partners
            ]
        )
        if state in ("confirmed", "ready"):
            requests.action_confirm()
        if state == "ready":
            requests.action_ready()
        return requests

    @classmethod
    def _stop_vals(cls, commune, sequence=10, hour_from=0.0, hour_to=24.0, **vals):
        lat, lon = POINTS[commune]
        return {
            "kind": "commune",
            "commune": commune,
            "zip": ZIPS[commune],
            "place": "Place de la mairie",
            "sequence": sequence,
            "hour_from": hour_from,
            "hour_to": hour_to,
            "latitude": lat,
            "longitude": lon,
            **vals,
        }

    @classmethod
    def _round(cls, communes=("Grézieu-la-Varenne", "Brindas"), **vals):
        """A draft round of the test van on ROUND_DAY through ``communes``
        (in that order, or stop values)."""
        stops = [
            cls._stop_vals(commune, sequence=10 * (index + 1))
            if isinstance(commune, str)
            else commune
            for index, commune in enumerate(communes)
        ]
        return cls.env["concierge.round"].create(
            {
                "date": ROUND_DAY,
                "site_id": cls.site.id,
                "vehicle_id": cls.vehicle.id,
                "driver_id": cls.driver.id,
                "hour_start": 9.0,
                "stop_ids": [Command.create(stop) for stop in stops],
                **vals,
            }
        )

    @staticmethod
    def _order(round_):
        """Names of the communes (or beneficiaries) of the stops driven, in
        their order."""
        return [
            stop.partner_id.name or stop.commune
            for stop in round_._concierge_stops_to_drive()
        ]
