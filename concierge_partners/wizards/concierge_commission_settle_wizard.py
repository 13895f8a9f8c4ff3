# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from ..models.concierge_commission_agreement import SETTLEMENT_PERIODS, period_bounds


class ConciergeCommissionSettleWizard(models.TransientModel):
    _name = "concierge.commission.settle.wizard"
    _description = "Settle the commissions of a period"

    settlement_period = fields.Selection(
        SETTLEMENT_PERIODS, string="Period", required=True, default="monthly"
    )
    date = fields.Date(
        string="Any day of the period",
        required=True,
        default=lambda self: fields.Date.context_today(self) - relativedelta(months=1),
    )
    date_from = fields.Date(compute="_compute_dates", string="From")
    date_to = fields.Date(compute="_compute_dates", string="To")
    provider_ids = fields.Many2many(
        "res.partner",
        string="Providers",
        domain="[('concierge_is_provider', '=', True)]",
        help="Leave empty to settle every provider.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("date", "settlement_period")
    def _compute_dates(self):
        for wizard in self:
            if wizard.date:
                wizard.date_from, wizard.date_to = period_bounds(
                    wizard.date, wizard.settlement_period
                )
            else:
                wizard.date_from = wizard.date_to = False

    def action_settle(self):
        self.ensure_one()
        settlements = self._settle()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "concierge_partners.action_concierge_commission_settlement"
        )
        action["domain"] = [("id", "in", settlements.ids)]
        return action

    def _settle(self):
        """The settlements of the wizard's period: see
        ``concierge.commission.settlement._settle``."""
        self.ensure_one()
        return self.env["concierge.commission.settlement"]._settle(
            self.company_id,
            self.settlement_period,
            self.date_from,
            self.date_to,
            self.provider_ids,
        )
