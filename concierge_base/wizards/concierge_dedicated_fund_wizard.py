# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class ConciergeDedicatedFundWizard(models.TransientModel):
    """Year end: carry the unspent part of the subsidies to dedicated funds."""

    _name = "concierge.dedicated.fund.wizard"
    _description = "Year-end dedicated funds of the funding agreements"

    date = fields.Date(
        string="Fiscal year ending on",
        required=True,
        default=lambda self: self._default_date(),
        help="Any day of the fiscal year: the entries are dated its last day "
        "and, for the release, the first day of the next one.",
    )
    agreement_ids = fields.Many2many(
        "concierge.funding.agreement",
        string="Agreements",
        domain="[('state', 'in', ('signed', 'closed'))]",
        help="All signed and closed agreements of the company when empty.",
    )

    @api.model
    def _default_date(self):
        last_year = fields.Date.context_today(self) - relativedelta(years=1)
        return self.env.company.compute_fiscalyear_dates(last_year)["date_to"]

    def action_post(self):
        self.ensure_one()
        agreements = self.agreement_ids or self.env[
            "concierge.funding.agreement"
        ].search(
            [
                ("state", "in", ("signed", "closed")),
                ("company_id", "=", self.env.company.id),
            ]
        )
        funds = agreements._post_dedicated_funds(self.date)
        if not funds:
            raise UserError(
                self.env._(
                    "Nothing to carry to dedicated funds for this fiscal year: "
                    "the subsidies were spent, or their entries are already "
                    "posted."
                )
            )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "concierge_base.action_concierge_funding_dedicated_fund"
        )
        action["domain"] = [("id", "in", funds.ids)]
        return action
