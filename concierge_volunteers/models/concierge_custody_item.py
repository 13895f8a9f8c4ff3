# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class ConciergeCustodyItem(models.Model):
    _inherit = "concierge.custody.item"

    concierge_van_location_id = fields.Many2one(
        "stock.location",
        string="In the vehicle",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The vehicle's location the item travels in, on a round.",
    )

    def _locations_for(self, new_state, locations=None):
        """An item handed back on a round leaves the vehicle."""
        source, destination = super()._locations_for(new_state, locations)
        if new_state == "returned" and self.concierge_van_location_id:
            source = self.concierge_van_location_id
        return source, destination

    def _concierge_move_in_picking(self, picking, source, destination):
        """Move the items from ``source(item)`` to ``destination(item)`` in
        ``picking`` (one transfer for them all), owner kept: their
        beneficiaries. Returns the moves."""
        vals_list = []
        for item in self:
            vals = item._prepare_custody_move_vals(
                "ready", source=source(item), destination=destination(item)
            )
            vals["picking_id"] = picking.id
            for command in vals["move_line_ids"]:
                command[2]["picking_id"] = picking.id
            vals_list.append(vals)
        moves = self.env["stock.move"].sudo().create(vals_list)
        picking._action_done()
        return moves
