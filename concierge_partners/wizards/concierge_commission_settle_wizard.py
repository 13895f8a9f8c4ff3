# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from odoo.addons.concierge_base.utils import refuse_duplicate

from ..models.concierge_commission_agreement import SETTLEMENT_PERIODS, period_bounds
from ..models.concierge_commission_settlement import SETTLEMENT_KEY


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

    def _line_domain(self):
        self.ensure_one()
        domain = [
            ("settlement_id", "=", False),
            ("company_id", "=", self.company_id.id),
            ("settlement_period", "=", self.settlement_period),
            ("date", "<=", self.date_to),
        ]
        if self.provider_ids:
            domain.append(("provider_id", "in", self.provider_ids.ids))
        return domain

    def _settle(self):
        """One settlement per provider, model and period: pending lines up to
        the end of the period (late corrections included) go to the draft
        settlement of the period, created when missing. Running it again
        creates nothing new. The number of queries does not depend on the
        number of lines per provider."""
        self.ensure_one()
        Line = self.env["concierge.commission.line"]
        Settlement = self.env["concierge.commission.settlement"]
        groups = Line._read_group(
            self._line_domain(),
            ["provider_id", "commission_model"],
            ["id:array_agg"],
        )
        existing = Settlement.search(
            [
                ("company_id", "=", self.company_id.id),
                ("date_from", "=", self.date_from),
                ("settlement_period", "=", self.settlement_period),
                ("state", "!=", "cancelled"),
                ("provider_id", "in", [provider.id for provider, __, __ in groups]),
            ]
        )
        by_key = {(s.provider_id.id, s.commission_model): s for s in existing}
        new_keys = [
            (provider.id, model)
            for provider, model, __ in groups
            if (provider.id, model) not in by_key
        ]
        created = self._create_settlements(
            [self._prepare_settlement_vals(*key) for key in new_keys]
        )
        by_key.update(zip(new_keys, created, strict=True))
        # Read the current settlement of all the lines at once, not once per
        # settlement written below.
        Line.browse(
            [line_id for __, __, line_ids in groups for line_id in line_ids]
        ).fetch(["settlement_id"])
        line_ids_by_settlement = defaultdict(list)
        for provider, model, line_ids in groups:
            settlement = by_key[(provider.id, model)]
            if settlement.state == "draft":
                line_ids_by_settlement[settlement].extend(line_ids)
        for settlement, line_ids in line_ids_by_settlement.items():
            Line.browse(line_ids).write({"settlement_id": settlement.id})
        return existing | created

    def _create_settlements(self, vals_list):
        """Create the settlements. The database keeps one settlement per
        company, provider, model and period (cancelled ones aside): when
        another transaction created one of them since this one started (two
        accountants settling the same month, or the cron and a user), the
        loser's insert is refused and it gets a message, nothing half done."""
        Settlement = self.env["concierge.commission.settlement"]
        if not vals_list:
            return Settlement
        with refuse_duplicate(
            self.env.cr,
            SETTLEMENT_KEY,
            self.env._(
                "The commissions of this period were settled by another "
                "user at the same time. Reload the page: the settlements "
                "are there."
            ),
        ):
            return Settlement.create(vals_list)

    def _prepare_settlement_vals(self, provider_id, commission_model):
        self.ensure_one()
        return {
            "provider_id": provider_id,
            "commission_model": commission_model,
            "company_id": self.company_id.id,
            "settlement_period": self.settlement_period,
            "date_from": self.date_from,
            "date_to": self.date_to,
        }
