# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models
from odoo.exceptions import UserError


class ConciergePickupCollectWizard(models.TransientModel):
    """At the desk, the beneficiary gives the pick-up code received for a
    locker: the concierge types it and hands the items over."""

    _name = "concierge.pickup.collect.wizard"
    _description = "Hand back with a pick-up code"

    site_id = fields.Many2one(
        "concierge.site",
        required=True,
        domain="[('concierge_compartment_ids', '!=', False)]",
    )
    code = fields.Char(string="Pick-up code", required=True)

    def action_collect(self):
        self.ensure_one()
        pickup = self.env["concierge.pickup.code"]._concierge_find(
            self.site_id, code=self.code, kind="pickup"
        )
        if not pickup:
            raise UserError(
                self.env._(
                    "No items wait at %(site)s for this code: check the six "
                    "digits, or the code may have expired or been used.",
                    site=self.site_id.display_name,
                )
            )
        request = pickup.request_id
        request._concierge_hand_back("desk")
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "Compartment %(compartment)s: the items of %(request)s are "
                    "handed back.",
                    compartment=pickup.compartment_id.code,
                    request=request.name,
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
