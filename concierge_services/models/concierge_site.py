# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import pytz

from odoo import fields, models


class ConciergeSite(models.Model):
    _inherit = "concierge.site"

    concierge_custody_location_id = fields.Many2one(
        "stock.location",
        string="Custody location",
        readonly=True,
        copy=False,
        help="Stock location of the items left at this desk.",
    )
    concierge_provider_location_id = fields.Many2one(
        "stock.location",
        string="Items at providers",
        readonly=True,
        copy=False,
        help="Parent stock location of the items this desk passed to "
        "providers (one sub-location per provider).",
    )

    concierge_compartment_ids = fields.One2many(
        "concierge.locker.compartment", "site_id", string="Locker compartments"
    )
    concierge_locker_auto = fields.Boolean(
        string="Ready items go to a locker",
        help="When a request of this site is ready, its items go at once in "
        "the smallest free compartment that holds them and the beneficiary "
        "gets the pick-up code (instead of the ready mail). Without a free "
        "compartment they wait at the desk, as usual.",
    )
    concierge_locker_open_url = fields.Char(
        string="Locker opening URL",
        groups="concierge_base.group_concierge_manager",
        help="Motorised lockers: the address of their controller, which "
        "receives an open event (JSON POST) when a pick-up code is accepted. "
        "Leave empty for lockers opened by hand or with a keypad.",
    )

    def _concierge_tz(self):
        """The time zone the site's times are told in, on the public pages
        and in the messages to beneficiaries (the company's, else Paris)."""
        self.ensure_one()
        return self.company_id.partner_id.tz or "Europe/Paris"

    def _concierge_is_open(self, moment):
        """Whether the desk of the site is open at ``moment`` (UTC, naive),
        by its opening hours in its time zone; a site without opening hours
        is taken as always open."""
        self.ensure_one()
        if not self.opening_ids:
            return True
        local = pytz.utc.localize(moment).astimezone(
            pytz.timezone(self._concierge_tz())
        )
        hour = local.hour + local.minute / 60
        return any(
            int(line.dayofweek) == local.weekday()
            and line.hour_from <= hour < line.hour_to
            for line in self.opening_ids
        )

    def _concierge_parent_location(self):
        self.ensure_one()
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", self.company_id.id)], limit=1
        )
        return warehouse.view_location_id

    def _concierge_ensure_locations(self):
        """Create the desk and provider locations of the sites lacking them."""
        Location = self.env["stock.location"].sudo()
        for site in self.filtered(
            lambda s: (
                not s.concierge_custody_location_id
                or not s.concierge_provider_location_id
            )
        ):
            parent = site._concierge_parent_location()
            label = site.code or site.name
            common = {
                "usage": "internal",
                "location_id": parent.id,
                "company_id": site.company_id.id,
                "concierge_site_id": site.id,
            }
            site.sudo().write(
                {
                    "concierge_custody_location_id": Location.create(
                        {**common, "name": self.env._("%s custody", label)}
                    ).id,
                    "concierge_provider_location_id": Location.create(
                        {**common, "name": self.env._("%s at providers", label)}
                    ).id,
                }
            )
        return True

    def _concierge_custody_location(self):
        self.ensure_one()
        self._concierge_ensure_locations()
        return self.concierge_custody_location_id

    def _concierge_provider_location(self, provider):
        """The sub-location holding this site's items at ``provider``."""
        self.ensure_one()
        return self._concierge_provider_locations([(self, provider)])[
            (self.id, provider.id)
        ]

    def _concierge_provider_locations(self, pairs):
        """{(site id, provider id): sub-location} of the (site, provider)
        ``pairs``: one search for all, one create of the missing ones."""
        sites = self.browse({site.id for site, __ in pairs})
        sites._concierge_ensure_locations()
        parents = {site.id: site.concierge_provider_location_id for site in sites}
        Location = self.env["stock.location"].sudo()
        found = Location.search(
            [
                ("location_id", "in", [parent.id for parent in parents.values()]),
                ("concierge_provider_id", "in", list({p.id for __, p in pairs})),
            ]
        )
        by_parent = {}
        for location in found:
            key = (location.location_id.id, location.concierge_provider_id.id)
            by_parent.setdefault(key, location)
        result, missing = {}, {}
        for site, provider in pairs:
            key = (site.id, provider.id)
            location = by_parent.get((parents[site.id].id, provider.id))
            if location:
                result[key] = location
            elif key not in missing:
                missing[key] = {
                    "name": provider.name,
                    "usage": "internal",
                    "location_id": parents[site.id].id,
                    "company_id": site.company_id.id,
                    "concierge_site_id": site.id,
                    "concierge_provider_id": provider.id,
                }
        if missing:
            created = Location.create(list(missing.values()))
            result.update(zip(missing, created, strict=True))
        return result
