# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class ConciergeCommissionRule(models.Model):
    _name = "concierge.commission.rule"
    _description = "Commission rule of an agreement"
    _order = "agreement_id, sequence, id"

    agreement_id = fields.Many2one(
        "concierge.commission.agreement",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(related="agreement_id.company_id", store=True)
    currency_id = fields.Many2one(related="agreement_id.currency_id")
    sequence = fields.Integer(default=10)
    scope = fields.Selection(
        [("all", "All services"), ("category", "Category"), ("product", "Product")],
        required=True,
        default="all",
    )
    category_id = fields.Many2one(
        "concierge.service.category",
    )
    product_tmpl_id = fields.Many2one("product.template", string="Product")
    compute_type = fields.Selection(
        [
            ("percent", "Percentage"),
            ("fixed", "Fixed per unit"),
            ("tiers", "Tiers by period volume"),
        ],
        string="Computation",
        required=True,
        default="percent",
    )
    percent = fields.Float(string="Rate (%)", digits=(16, 4))
    fixed_amount = fields.Monetary(string="Amount per unit")
    tier_ids = fields.One2many(
        "concierge.commission.tier", "rule_id", string="Tiers", copy=True
    )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_with_lines(self):
        if self.env["concierge.commission.line"].search_count(
            [("rule_id", "in", self.ids)], limit=1
        ):
            raise UserError(
                self.env._(
                    "A rule that already gave commission lines cannot be "
                    "deleted: end the agreement and start a new one instead."
                )
            )

    @api.constrains("percent")
    def _check_percent(self):
        for rule in self:
            if not 0 <= rule.percent <= 100:
                raise ValidationError(
                    self.env._(
                        "A commission rate must lie between 0 and 100 %% "
                        "(%(rate)s %% given).",
                        rate=rule.percent,
                    )
                )

    @api.constrains("fixed_amount")
    def _check_fixed_amount(self):
        for rule in self:
            if rule.currency_id.compare_amounts(rule.fixed_amount, 0.0) < 0:
                raise ValidationError(
                    self.env._(
                        "The commission amount per unit of %(agreement)s cannot "
                        "be negative: type what the provider owes for one unit "
                        "sold.",
                        agreement=rule.agreement_id.name,
                    )
                )

    @api.constrains("scope", "category_id", "product_tmpl_id")
    def _check_scope(self):
        for rule in self:
            if rule.scope == "category" and not rule.category_id:
                raise ValidationError(
                    self.env._("Choose the category of a category rule.")
                )
            if rule.scope == "product" and not rule.product_tmpl_id:
                raise ValidationError(
                    self.env._("Choose the product of a product rule.")
                )
        keys = {}
        for rule in self.agreement_id.rule_ids:
            key = (rule.agreement_id.id, rule._scope_key())
            if key in keys:
                raise ValidationError(
                    self.env._(
                        "The agreement %(name)s has two rules for the same scope.",
                        name=rule.agreement_id.name,
                    )
                )
            keys[key] = rule
        self.agreement_id._check_overlapping_scopes()

    @api.constrains("compute_type", "tier_ids")
    def _check_tiers(self):
        for rule in self.filtered(lambda r: r.compute_type == "tiers"):
            rule.tier_ids._check_sequence_of(rule)

    def _scope_key(self):
        self.ensure_one()
        if self.scope == "product":
            return ("product", self.product_tmpl_id.id)
        if self.scope == "category":
            return ("category", self.category_id.id)
        return ("all", 0)

    def _match_rank(self, template):
        """3 for a product rule of the template, 2 for its category, 1 for
        everything, 0 when the rule does not apply."""
        self.ensure_one()
        if self.scope == "product":
            return 3 if self.product_tmpl_id == template else 0
        if self.scope == "category":
            return 2 if self.category_id == template.concierge_category_id else 0
        return 1

    def _cumulated_commission(self, volume):
        """Commission on a period volume with progressive tiers: each tier's
        rate applies to the part of the volume inside it."""
        self.ensure_one()
        tiers = self.tier_ids.sorted("amount_from")
        if not tiers:
            return 0.0
        if volume <= 0:
            return volume * tiers[0].percent / 100
        total = 0.0
        for tier in tiers:
            upper = tier.amount_to or volume
            part = min(volume, upper) - tier.amount_from
            if part > 0:
                total += part * tier.percent / 100
        return total

    def _commission_amount(self, base, quantity, volume_before=0.0):
        """Commission of a sale of ``base`` (signed, company currency) for
        ``quantity`` units; ``volume_before`` is the volume of the rule
        already counted in the same period (tiers only)."""
        self.ensure_one()
        if self.compute_type == "percent":
            amount = base * self.percent / 100
        elif self.compute_type == "fixed":
            amount = quantity * self.fixed_amount
        else:
            amount = self._cumulated_commission(
                volume_before + base
            ) - self._cumulated_commission(volume_before)
        return self.currency_id.round(amount)
