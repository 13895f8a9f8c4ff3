# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ConciergeCommissionTier(models.Model):
    _name = "concierge.commission.tier"
    _description = "Commission tier by period volume"
    _order = "rule_id, amount_from"

    rule_id = fields.Many2one(
        "concierge.commission.rule", required=True, index=True, ondelete="cascade"
    )
    currency_id = fields.Many2one(related="rule_id.currency_id")
    amount_from = fields.Monetary(
        string="From", help="Volume of the period from which the rate applies."
    )
    amount_to = fields.Monetary(
        string="Up to", help="End of the tier; leave empty on the last tier."
    )
    percent = fields.Float(string="Rate (%)", digits=(16, 4))

    @api.constrains("percent")
    def _check_percent(self):
        for tier in self:
            if not 0 <= tier.percent <= 100:
                raise ValidationError(
                    self.env._(
                        "A commission rate must lie between 0 and 100 %% "
                        "(%(rate)s %% given).",
                        rate=tier.percent,
                    )
                )

    @api.constrains("amount_from", "amount_to")
    def _check_bounds(self):
        for rule in self.rule_id:
            self._check_sequence_of(rule)

    @api.model
    def _check_sequence_of(self, rule):
        """Tiers start at 0, follow each other without gap nor overlap, and
        only the last one is open-ended."""
        tiers = rule.tier_ids.sorted("amount_from")
        if rule.compute_type == "tiers" and not tiers:
            raise ValidationError(
                self.env._("A rule computed by tiers needs at least one tier.")
            )
        expected_from = 0.0
        for index, tier in enumerate(tiers):
            last = index == len(tiers) - 1
            if tier.currency_id.compare_amounts(tier.amount_from, expected_from) < 0:
                raise ValidationError(
                    self.env._(
                        "The tiers overlap: a tier starts at %(start)s while "
                        "the previous one goes up to %(end)s.",
                        start=tier.amount_from,
                        end=expected_from,
                    )
                )
            if tier.currency_id.compare_amounts(tier.amount_from, expected_from) > 0:
                raise ValidationError(
                    self.env._(
                        "The tiers leave a gap: nothing covers the volume from "
                        "%(start)s to %(end)s.",
                        start=expected_from,
                        end=tier.amount_from,
                    )
                )
            if not tier.amount_to and not last:
                raise ValidationError(
                    self.env._("Only the last tier can have no upper bound.")
                )
            if tier.amount_to and last:
                raise ValidationError(
                    self.env._(
                        "The tiers leave a gap: the last tier must have no upper "
                        "bound so that every volume is covered."
                    )
                )
            if tier.amount_to and tier.amount_to <= tier.amount_from:
                raise ValidationError(
                    self.env._(
                        "A tier must end after it starts (%(start)s to %(end)s).",
                        start=tier.amount_from,
                        end=tier.amount_to,
                    )
                )
            expected_from = tier.amount_to
