# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class ConciergeIndicatorRecompute(models.TransientModel):
    _name = "concierge.indicator.recompute"
    _description = "Recompute the indicators of a month"

    period = fields.Date(
        string="Month",
        required=True,
        default=lambda self: self._default_period(),
        help="Any day of the month to recompute.",
    )
    indicator_ids = fields.Many2many(
        "concierge.indicator",
        string="Indicators",
        domain="[('computation', '=', 'computed')]",
        help="Leave empty to recompute every computed indicator.",
    )

    @api.model
    def _default_period(self):
        today = fields.Date.context_today(self)
        return today.replace(day=1) - relativedelta(months=1)

    def _get_indicators(self):
        self.ensure_one()
        indicators = self.indicator_ids or self.env["concierge.indicator"].search(
            [("computation", "=", "computed")]
        )
        if not indicators:
            raise UserError(self.env._("There is no computed indicator to recompute."))
        return indicators

    def action_recompute(self):
        self.ensure_one()
        Value = self.env["concierge.indicator.value"]
        period = Value._period_start(self.period)
        Value._recompute_periods([period], indicators=self._get_indicators())
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "concierge_base.action_concierge_indicator_value"
        )
        action["domain"] = [("period", "=", fields.Date.to_string(period))]
        return action
