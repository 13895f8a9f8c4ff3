# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression
from odoo.tools import float_is_zero

from .concierge_commission_agreement import (
    COMMISSION_MODELS,
    SALE_MODES,
    period_bounds,
)

RATIO_DIGITS = 6
LINE_STATES = [("pending", "Pending"), ("settled", "Settled"), ("invoiced", "Invoiced")]
# Settlement states behind each line state (a line without settlement is
# pending).
SETTLEMENT_STATES = {
    "pending": ["draft", "cancelled"],
    "settled": ["confirmed"],
    "invoiced": ["invoiced", "reconciled"],
}


class ConciergeCommissionLine(models.Model):
    _name = "concierge.commission.line"
    _description = "Commission due on a customer invoice line"
    _order = "date desc, id desc"
    # what a settlement past draft shows read-only of its lines: refused by
    # write() there (the document, the settlement and the state follow the
    # flows)
    _concierge_settled_fields = frozenset(
        {
            "provider_id",
            "agreement_id",
            "rule_id",
            "commission_model",
            "sale_mode",
            "settlement_period",
            "company_id",
            "product_id",
            "site_id",
            "date",
            "ratio",
            "quantity",
            "base_amount",
            "collected_amount",
            "commission_amount",
            "local_spend_amount",
            "net_amount",
            "is_correction",
        }
    )
    _check_company_auto = True

    provider_id = fields.Many2one("res.partner", required=True, index=True)
    # Cascade only for uninstalling the module: users are stopped by the
    # agreement's and the rule's _unlink_except_with_lines.
    agreement_id = fields.Many2one(
        "concierge.commission.agreement",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    rule_id = fields.Many2one(
        "concierge.commission.rule", required=True, ondelete="cascade"
    )
    commission_model = fields.Selection(
        COMMISSION_MODELS, string="Model", required=True, index=True
    )
    sale_mode = fields.Selection(
        SALE_MODES,
        required=True,
        default="own_name",
        readonly=True,
        help="How the sale was booked: in the provider's name on the "
        "third-party account (467), or as revenue of the conciergerie.",
    )
    settlement_period = fields.Selection(
        related="agreement_id.settlement_period", store=True, index=True
    )
    company_id = fields.Many2one("res.company", required=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    move_id = fields.Many2one(
        "account.move",
        string="Invoice",
        required=True,
        index=True,
        readonly=True,
        ondelete="cascade",
    )
    move_line_id = fields.Many2one(
        "account.move.line",
        string="Invoice line",
        index=True,
        readonly=True,
        ondelete="cascade",
    )
    product_id = fields.Many2one("product.product", readonly=True)
    site_id = fields.Many2one(
        "concierge.site",
        index=True,
        help="Site of the sale (the invoice's site, else the customer's home "
        "site): where the sale counts in the indicators.",
    )
    date = fields.Date(required=True, index=True)
    ratio = fields.Float(
        digits=(16, RATIO_DIGITS),
        help="Share of the invoice line this commission line stands for: 1 "
        "for a posted invoice, the paid share on a paid basis, negative for a "
        "correction.",
    )
    quantity = fields.Float(digits="Product Unit of Measure")
    base_amount = fields.Monetary(
        string="Sales (excl. tax)",
        aggregator="sum",
        help="Untaxed amount sold, negative for credit notes.",
    )
    collected_amount = fields.Monetary(
        string="Collected",
        aggregator="sum",
        help="Amount paid by the customer, taxes included.",
    )
    commission_amount = fields.Monetary(string="Commission", aggregator="sum")
    local_spend_amount = fields.Monetary(
        string="Local spend",
        compute="_compute_local_spend_amount",
        store=True,
        aggregator="sum",
        help="What the sale brings to the local provider: the whole sale "
        "when it is the provider's (referral, sale in the provider's name), "
        "the provider's share when the conciergerie sells in its own name.",
    )
    net_amount = fields.Monetary(
        string="Net due to provider",
        compute="_compute_net_amount",
        store=True,
        aggregator="sum",
    )
    is_correction = fields.Boolean(
        readonly=True,
        help="Reverses settled lines of an invoice reset to draft or cancelled.",
    )
    settlement_id = fields.Many2one(
        "concierge.commission.settlement",
        index=True,
        ondelete="set null",
        copy=False,
    )
    state = fields.Selection(
        LINE_STATES,
        compute="_compute_state",
        search="_search_state",
        help="Follows the settlement of the line: pending until settled, "
        "settled once the settlement is confirmed, invoiced with its document.",
    )

    @api.depends("collected_amount", "commission_amount")
    def _compute_net_amount(self):
        for line in self:
            line.net_amount = line.collected_amount - line.commission_amount

    @api.depends("base_amount", "commission_amount", "sale_mode", "commission_model")
    def _compute_local_spend_amount(self):
        for line in self:
            if line.sale_mode == "agent" or line.commission_model == "referral":
                line.local_spend_amount = line.base_amount
            else:
                line.local_spend_amount = line.base_amount - line.commission_amount

    @api.depends("settlement_id.state")
    def _compute_state(self):
        for line in self:
            settlement_state = line.settlement_id.state
            if settlement_state in ("invoiced", "reconciled"):
                line.state = "invoiced"
            elif settlement_state == "confirmed":
                line.state = "settled"
            else:
                line.state = "pending"

    def _search_state(self, operator, value):
        """The state is not stored (settling thousands of lines writes only
        their settlement): search it through the settlement's state."""
        if operator not in ("=", "!=", "in", "not in"):
            raise NotImplementedError(f"Unsupported operator {operator} on state")
        values = {value} if isinstance(value, str) else set(value or ())
        if operator in ("!=", "not in"):
            values = set(SETTLEMENT_STATES) - values
        domains = []
        for state in values & set(SETTLEMENT_STATES):
            domain = [("settlement_id.state", "in", SETTLEMENT_STATES[state])]
            if state == "pending":
                domain = expression.OR([[("settlement_id", "=", False)], domain])
            domains.append(domain)
        return expression.OR(domains) if domains else expression.FALSE_DOMAIN

    # ------------------------------------------------------------------
    # Synchronisation with customer invoices
    # ------------------------------------------------------------------
    @api.model
    def _eligible_move_lines(self, moves):
        moves = moves.filtered(lambda m: m.move_type in ("out_invoice", "out_refund"))
        return moves.invoice_line_ids.filtered(
            lambda line: (
                line.display_type == "product"
                and line.product_id.product_tmpl_id.concierge_provider_id
            )
        )

    @api.model
    def _target_ratio(self, move, agreement):
        """Share of the invoice that commissions must represent now."""
        if move.state != "posted":
            return 0.0
        if agreement.basis == "invoiced":
            return 1.0
        total = move.amount_total_signed
        if move.currency_id.is_zero(total):
            return 1.0
        return round(
            (total - move.amount_residual_signed) / total,
            RATIO_DIGITS,
        )

    @api.model
    def _sync_moves(self, moves, date=None):
        """Bring the commission lines of ``moves`` in line with their state
        and payments: add the missing share, remove pending lines of invoices
        that are no longer posted and correct the settled ones. Calling it
        twice changes nothing."""
        move_lines = self._eligible_move_lines(moves)
        if not move_lines:
            return self.browse()
        existing = self.search([("move_line_id", "in", move_lines.ids)])
        lines_by_aml = defaultdict(lambda: self.browse())
        for line in existing:
            lines_by_aml[line.move_line_id.id] |= line
        agreements_by_provider = self._agreements_by_provider(move_lines)
        today = date or fields.Date.context_today(self)
        to_unlink = self.browse()
        vals_list = []
        for aml in move_lines:
            move = aml.move_id
            lines = lines_by_aml[aml.id]
            if lines:
                rule = lines[0].rule_id
            else:
                rule = self._find_rule(agreements_by_provider, aml)
            if not rule:
                continue
            target = self._target_ratio(move, rule.agreement_id)
            if float_is_zero(target, precision_digits=RATIO_DIGITS):
                pending = lines.filtered(lambda line: line.state == "pending")
                to_unlink |= pending
                lines -= pending
            done = sum(lines.mapped("ratio"))
            if float_is_zero(target - done, precision_digits=RATIO_DIGITS):
                continue
            vals_list.append(self._prepare_line_vals(aml, rule, target, lines, today))
        to_unlink.unlink()
        self._fill_commission(vals_list)
        return self.create(vals_list)

    def _concierge_check_not_settled(self):
        """Refuse to change or delete lines of a settlement past draft."""
        settled = self.filtered(
            lambda line: line.settlement_id.state not in (False, "draft", "cancelled")
        )
        if settled and not self.env["concierge.state.guard"]._concierge_unlocked():
            settlement = settled[0].settlement_id
            raise UserError(
                self.env._(
                    "The commission lines of %(settlement)s cannot be changed: "
                    "the settlement is %(state)s. A change of the sale is "
                    "corrected by a line of the next settlement.",
                    settlement=settlement.display_name,
                    state=settlement._concierge_state_label(),
                )
            )
        return True

    def write(self, vals):
        if self._concierge_settled_fields & set(vals):
            self._concierge_check_not_settled()
        return super().write(vals)

    def unlink(self):
        self._concierge_check_not_settled()
        return super().unlink()

    @api.model
    def _agreements_by_provider(self, move_lines):
        agreements = self.env["concierge.commission.agreement"].search(
            [
                (
                    "provider_id",
                    "in",
                    move_lines.product_id.product_tmpl_id.concierge_provider_id.ids,
                ),
                ("company_id", "in", move_lines.company_id.ids),
            ]
        )
        agreements_by_provider = defaultdict(list)
        for agreement in agreements:
            agreements_by_provider[agreement.provider_id.id].append(agreement)
        return agreements_by_provider

    @api.model
    def _find_rules(self, move_lines):
        """{invoice line id: the rule of the agreement valid on its date}."""
        agreements_by_provider = self._agreements_by_provider(move_lines)
        rules = {}
        for aml in move_lines:
            rule = self._find_rule(agreements_by_provider, aml)
            if rule:
                rules[aml.id] = rule
        return rules

    @api.model
    def _find_rule(self, agreements_by_provider, aml):
        return self._find_product_rule(
            agreements_by_provider,
            aml.product_id,
            aml.company_id,
            aml.move_id.invoice_date or aml.move_id.date,
        )

    @api.model
    def _find_product_rule(self, agreements_by_provider, product, company, date):
        """The rule of the agreement of ``product``'s provider valid on
        ``date`` in ``company`` (any source of sales: invoice lines, and the
        lines of other sales documents in bridge addons)."""
        provider = product.product_tmpl_id.concierge_provider_id
        for agreement in agreements_by_provider.get(provider.id, ()):
            if (
                agreement.active
                and agreement.company_id == company
                and agreement._is_valid_on(date)
            ):
                rule = agreement._find_rule(product)
                if rule:
                    return rule
        return self.env["concierge.commission.rule"]

    @api.model
    def _prepare_line_vals(self, aml, rule, target, lines, today):
        """Values of the commission line that brings ``lines`` of invoice line
        ``aml`` to the share ``target``."""
        move = aml.move_id
        agreement = rule.agreement_id
        currency = aml.company_id.currency_id
        sign = -1 if move.move_type == "out_refund" else 1
        vals = {
            "provider_id": agreement.provider_id.id,
            "agreement_id": agreement.id,
            "rule_id": rule.id,
            "commission_model": agreement.commission_model,
            "company_id": aml.company_id.id,
            "move_id": move.id,
            "move_line_id": aml.id,
            "product_id": aml.product_id.id,
            "site_id": move.concierge_site_id.id
            or move.partner_id.concierge_site_id.id
            or move.partner_id.commercial_partner_id.concierge_site_id.id,
            "ratio": target - sum(lines.mapped("ratio")),
            "sale_mode": "agent"
            if aml.account_id
            and aml.account_id == aml.company_id.concierge_third_party_account_id
            else "own_name",
        }
        if float_is_zero(target, precision_digits=RATIO_DIGITS):
            # Full reversal of what was settled: exact opposite amounts.
            vals.update(
                date=today,
                is_correction=True,
                quantity=-sum(lines.mapped("quantity")),
                base_amount=-sum(lines.mapped("base_amount")),
                collected_amount=-sum(lines.mapped("collected_amount")),
                commission_amount=-sum(lines.mapped("commission_amount")),
            )
            return vals
        base = -aml.balance
        collected = base
        if aml.price_subtotal:
            collected = base * aml.price_total / aml.price_subtotal
        if agreement.basis == "invoiced":
            date = move.invoice_date or move.date
        else:
            date = today
        target_base = currency.round(base * target)
        target_quantity = sign * aml.quantity * target
        vals.update(
            date=date,
            is_correction=bool(lines) and target < sum(lines.mapped("ratio")),
            quantity=target_quantity - sum(lines.mapped("quantity")),
            base_amount=target_base - sum(lines.mapped("base_amount")),
            collected_amount=currency.round(collected * target)
            - sum(lines.mapped("collected_amount")),
            # Percent and fixed rules: the commission of the cumulated share
            # minus what is already counted, so that rounding never drifts.
            _target=(
                target_base,
                target_quantity,
                sum(lines.mapped("commission_amount")),
            ),
        )
        return vals

    @api.model
    def _fill_commission(self, vals_list):
        """Compute the commission of new line values. Tier rules need the
        volume already counted in the period: one grouped query for all."""
        rules = self.env["concierge.commission.rule"].browse(
            {vals["rule_id"] for vals in vals_list}
        )
        tier_rules = rules.filtered(lambda r: r.compute_type == "tiers")
        volumes = defaultdict(float)
        if tier_rules:
            tier_vals = [v for v in vals_list if v["rule_id"] in tier_rules.ids]
            dates = [v["date"] for v in tier_vals]
            start = period_bounds(min(dates), "quarterly")[0]
            end = period_bounds(max(dates), "quarterly")[1]
            groups = self._read_group(
                [
                    ("rule_id", "in", tier_rules.ids),
                    ("date", ">=", start),
                    ("date", "<=", end),
                ],
                ["rule_id", "date:day"],
                ["base_amount:sum"],
            )
            for rule, day, amount in groups:
                key = (rule.id, period_bounds(day, rule.agreement_id.settlement_period))
                volumes[key] += amount
        for vals in vals_list:
            target = vals.pop("_target", None)
            if "commission_amount" in vals:
                continue
            rule = rules.browse(vals["rule_id"])
            if rule.compute_type != "tiers":
                target_base, target_quantity, done = target
                vals["commission_amount"] = rule.currency_id.round(
                    rule._commission_amount(target_base, target_quantity) - done
                )
                continue
            key = (
                rule.id,
                period_bounds(vals["date"], rule.agreement_id.settlement_period),
            )
            vals["commission_amount"] = rule._commission_amount(
                vals["base_amount"], vals["quantity"], volumes[key]
            )
            volumes[key] += vals["base_amount"]
