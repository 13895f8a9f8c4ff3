# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import date_utils

REPORT = "concierge_volunteers.action_report_commune_month"


def _last_month_start(record):
    today = fields.Date.context_today(record)
    return date_utils.start_of(today - relativedelta(months=1), "month")


class ConciergeRoundCommuneReport(models.TransientModel):
    _name = "concierge.round.commune.report"
    _description = "Rounds: report per commune"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date_from = fields.Date(string="From", required=True, default=_last_month_start)
    date_to = fields.Date(
        string="To",
        required=True,
        default=lambda self: date_utils.end_of(_last_month_start(self), "month"),
    )
    funder_ids = fields.Many2many(
        "res.partner",
        string="Co-funding communes",
        domain="[('concierge_funder_type', '=', 'commune')]",
        help="One page per commune (by the city of its address), served or "
        "not. Empty: every commune the rounds served.",
    )

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for wizard in self:
            if wizard.date_to < wizard.date_from:
                raise ValidationError(
                    self.env._("The period of the report ends before it starts.")
                )

    def action_print(self):
        self.ensure_one()
        # data: an empty dict rather than None, which XML-RPC cannot send
        return self.env.ref(REPORT).report_action(self, data={}, config=False)
