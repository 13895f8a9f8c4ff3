# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Demo data built in Python, called by
``demo/concierge_service_request_demo.xml``."""

from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models

# the requests whose items are in custody: (beneficiary, site, channel, days
# ago, [(product, quantity)], stage); ``stage`` is how far the request went:
# ``confirmed`` (the item is at the desk), ``at_provider`` or ``ready``
DEMO_CUSTODY_REQUESTS = [
    (
        "partner_inhabitant_yves",
        "site_village_shop",
        "phone",
        2,
        [("product_heel_repair", 1)],
        "confirmed",
    ),
    (
        "partner_employee_karim",
        "site_business_park",
        "company",
        5,
        [("product_suit_cleaning", 1), ("product_shirt_cleaning", 2)],
        "ready",
    ),
    (
        "partner_employee_thomas",
        "site_business_park",
        "company",
        1,
        [("product_parcel_pickup", 1)],
        "confirmed",
    ),
    (
        "partner_employee_sophie",
        "site_business_park",
        "portal",
        12,
        [("product_heel_repair", 1)],
        "at_provider",
    ),
    (
        "partner_employee_thomas",
        "site_business_park",
        "company",
        4,
        [("product_shirt_cleaning", 3)],
        "ready",
    ),
]
# Thomas's shirts, put in a locker, collected yesterday evening at 20:15
# (Paris time), while the business-park desk was closed
DEMO_AFTER_HOURS = time(20, 15)


class ConciergeServiceRequest(models.Model):
    _inherit = "concierge.service.request"

    @api.model
    def _demo_create_custody_requests(self):
        """Demo data only: create the requests whose items are in custody.

        Their items move stock (done stock moves owned by the beneficiary,
        which cannot be deleted). Like a user's requests they get no XML id:
        uninstalling the module drops them with its tables and leaves their
        sale orders and stock moves as business documents, instead of
        failing to delete them as module data. Called once by
        ``demo/concierge_service_request_demo.xml``.
        """
        specs = DEMO_CUSTODY_REQUESTS
        requests = self.create(
            [self._demo_custody_request_vals(*spec[:-1]) for spec in specs]
        )
        stage_of = dict(zip(requests, (spec[-1] for spec in specs), strict=True))
        requests.action_confirm()
        sent = requests.filtered(lambda r: stage_of[r] != "confirmed")
        sent.action_send_to_provider()
        sent.filtered(lambda r: stage_of[r] == "ready").action_ready()
        return requests

    @api.model
    def _demo_custody_request_vals(self, partner, site, channel, days_ago, lines):
        """The values of a demo request taken by the administrator
        ``days_ago`` days ago at 9:30; XML ids without their module."""
        ref = self.env.ref
        today = fields.Date.context_today(self)
        return {
            "partner_id": ref(f"concierge_base.{partner}").id,
            "site_id": ref(f"concierge_base.{site}").id,
            "channel": channel,
            "user_id": ref("base.user_admin").id,
            "request_date": datetime.combine(
                today - timedelta(days=days_ago), time(9, 30)
            ),
            "line_ids": [
                fields.Command.create(
                    {
                        "product_id": ref(
                            f"concierge_services.{product}"
                        ).product_variant_id.id,
                        "quantity": quantity,
                    }
                )
                for product, quantity in lines
            ],
        }


class ConciergeLockerCompartment(models.Model):
    _inherit = "concierge.locker.compartment"

    @api.model
    def _demo_concierge_lockers(self):
        """Demo data only: a bank of 12 lockers at the business-park desk
        (four small, four medium, four large), and Karim's suit and shirts,
        ready, waiting in a medium one (a suit) with his pick-up code sent. Like the
        custody requests, they get no XML id (their stock stays)."""
        site = self.env.ref("concierge_base.site_business_park")
        if site.concierge_compartment_ids:
            return True  # loaded already (module update)
        sizes = [("A", "small"), ("B", "medium"), ("C", "large")]
        self.create(
            [
                {
                    "site_id": site.id,
                    "code": f"{row}{number}",
                    "size": size,
                    "sequence": index * 10 + number,
                }
                for index, (row, size) in enumerate(sizes)
                for number in range(1, 5)
            ]
        )
        karim = self.env.ref("concierge_base.partner_employee_karim")
        requests = self.env["concierge.service.request"].search(
            [("partner_id", "=", karim.id), ("state", "=", "ready")]
        )
        requests.action_put_in_locker()
        return self._demo_collected_after_hours(site)

    @api.model
    def _demo_collected_after_hours(self, site):
        """Thomas's shirts went in a locker two days ago and he collected
        them yesterday at 20:15 with his code, the desk closed: collected as
        on the kiosk, the dates then set to those moments."""
        thomas = self.env.ref("concierge_base.partner_employee_thomas")
        request = self.env["concierge.service.request"].search(
            [("partner_id", "=", thomas.id), ("state", "=", "ready")], limit=1
        )
        if not request:
            return True
        request.action_put_in_locker()
        pickup = request.pickup_code_ids
        pickup._concierge_collect("locker_code")
        tz = pytz.timezone(site._concierge_tz())
        yesterday = fields.Date.context_today(self) - timedelta(days=1)
        collected = (
            tz.localize(datetime.combine(yesterday, DEMO_AFTER_HOURS))
            .astimezone(pytz.utc)
            .replace(tzinfo=None)
        )
        put_in = collected - timedelta(days=1, hours=10)
        pickup.write(
            {
                "issue_date": put_in,
                "expiry_date": put_in + timedelta(hours=72),
                "used_date": collected,
                "closed_date": collected,
                "released_date": collected,
                "after_hours": not site._concierge_is_open(collected),
            }
        )
        request.custody_item_ids.write(
            {"ready_date": put_in, "returned_date": collected}
        )
        request.write({"done_date": collected})
        return True
