# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class ConciergeRoundRecurrence(models.TransientModel):
    _name = "concierge.round.recurrence"
    _description = "Create recurring rounds"
    _inherit = ["concierge.weekly.pattern"]
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    template_id = fields.Many2one(
        "concierge.round",
        string="Round to repeat",
        required=True,
        check_company=True,
        help="The new rounds copy its site, vehicle, driver, departure time "
        "and commune stops (places, windows, coordinates); not its requests.",
    )

    def action_create_rounds(self):
        """One draft round per chosen weekday between the two dates, none on
        a day that already has a round from the same template (creating the
        same weeks twice adds nothing)."""
        self.ensure_one()
        Round = self.env["concierge.round"]
        days = self._pattern_days()
        existing = Round.search(
            [
                ("template_id", "=", self.template_id.id),
                ("date", "in", days),
                ("state", "!=", "cancelled"),
            ]
        )
        taken = set(existing.mapped("date")) | {self.template_id.date}
        rounds = Round.create(
            [
                self.template_id._prepare_recurring_round_vals(day)
                for day in days
                if day not in taken
            ]
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "concierge_volunteers.action_concierge_round"
        )
        action["domain"] = [("id", "in", (rounds | existing).ids)]
        return action
