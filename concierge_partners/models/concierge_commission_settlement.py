# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from collections import defaultdict

from xlsxwriter.utility import xl_col_to_name

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.concierge_base.models.concierge_state_guard import transition
from odoo.addons.concierge_base.utils import create_money_key, refuse_duplicate

from .concierge_commission_agreement import (
    COMMISSION_MODELS,
    SETTLEMENT_PERIODS,
    period_bounds,
)

# the settlement invoices its commission to the provider; for the other
# models it is a vendor bill of what the conciergerie owes the provider
INVOICE_MODELS = ("referral",)
SEQUENCE_CODE = "concierge.commission.settlement"
PAID_STATES = ("paid", "in_payment")
# one settlement per company, provider, model and period, cancelled aside:
# the database refuses a second one even when two runs race
SETTLEMENT_KEY = "concierge_commission_settlement_uniq"
# what a settlement is of: frozen once it is confirmed
SETTLED_FIELDS = (
    "provider_id",
    "company_id",
    "commission_model",
    "settlement_period",
    "date_from",
    "date_to",
    "line_ids",
)


class ConciergeCommissionSettlement(models.Model):
    _name = "concierge.commission.settlement"
    _description = "Commission settlement of a provider for a period"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "concierge.state.guard",
        "concierge.xlsx.mixin",
    ]
    _order = "date_from desc, provider_id"
    _check_company_auto = True
    # transition table: {button: states it may start from} (concierge.state.guard)
    _concierge_transitions = {
        "action_confirm": ("draft",),
        "action_create_document": ("confirmed",),
        "action_cancel": ("draft", "confirmed", "invoiced", "reconciled"),
    }
    # the form shows every field read-only: write() refuses them once the
    # settlement is confirmed (its document is made of them), and its
    # document once it is invoiced
    _concierge_locked_fields = (
        (
            ("confirmed", "invoiced", "reconciled", "cancelled"),
            SETTLED_FIELDS,
        ),
        (("invoiced", "reconciled"), ("move_id",)),
    )

    name = fields.Char(
        string="Reference", required=True, readonly=True, default="/", copy=False
    )
    provider_id = fields.Many2one(
        "res.partner", required=True, index=True, readonly=True
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        readonly=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    commission_model = fields.Selection(
        COMMISSION_MODELS, string="Model", required=True, readonly=True
    )
    settlement_period = fields.Selection(
        SETTLEMENT_PERIODS, string="Period", required=True, readonly=True
    )
    date_from = fields.Date(string="From", required=True, readonly=True)
    date_to = fields.Date(string="To", required=True, readonly=True)
    line_ids = fields.One2many(
        "concierge.commission.line", "settlement_id", string="Lines", readonly=True
    )
    line_count = fields.Integer(compute="_compute_amounts", store=True)
    gross_amount = fields.Monetary(
        string="Gross sales",
        compute="_compute_amounts",
        store=True,
        aggregator="sum",
    )
    collected_amount = fields.Monetary(
        string="Collected", compute="_compute_amounts", store=True, aggregator="sum"
    )
    commission_amount = fields.Monetary(
        string="Commission", compute="_compute_amounts", store=True, aggregator="sum"
    )
    net_amount = fields.Monetary(
        string="Net due to provider",
        compute="_compute_amounts",
        store=True,
        aggregator="sum",
        help="Collected minus commission: what the conciergerie owes the "
        "provider in mandate and consignment.",
    )
    amount_due = fields.Monetary(
        string="Amount to invoice",
        compute="_compute_amounts",
        store=True,
        aggregator="sum",
        help="Commission invoiced to the provider (referral) or net due to "
        "the provider (mandate, resale, consignment).",
    )
    agent_collected_amount = fields.Monetary(
        string="Collected in the provider's name",
        compute="_compute_amounts",
        store=True,
        aggregator="sum",
        help="Sales made in the provider's name, booked on the third-party "
        "account (467) and cleared by the settlement's vendor bill.",
    )
    revenue_amount = fields.Monetary(
        string="Revenue of the conciergerie",
        compute="_compute_amounts",
        store=True,
        aggregator="sum",
        help="What the conciergerie books as its own revenue: the commission "
        "of sales made in the provider's name (and of referrals), the whole "
        "sale (excl. tax) when it sells in its own name.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("confirmed", "Confirmed"),
            ("invoiced", "Invoiced"),
            ("reconciled", "Reconciled"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
        copy=False,
    )
    move_id = fields.Many2one(
        "account.move",
        string="Accounting document",
        readonly=True,
        copy=False,
        index=True,
        check_company=True,
    )
    move_state = fields.Selection(related="move_id.state", string="Document status")
    payment_state = fields.Selection(related="move_id.payment_state")
    amount_invoiced = fields.Monetary(
        compute="_compute_document_amounts", string="Invoiced"
    )
    amount_paid = fields.Monetary(compute="_compute_document_amounts", string="Paid")
    amount_outstanding = fields.Monetary(
        compute="_compute_document_amounts", string="Outstanding"
    )
    xlsx_file = fields.Binary(string="XLSX file", readonly=True, attachment=True)
    xlsx_filename = fields.Char(readonly=True)

    def init(self):
        create_money_key(
            self.env.cr,
            SETTLEMENT_KEY,
            self._table,
            [
                "company_id",
                "provider_id",
                "commission_model",
                "settlement_period",
                "date_from",
            ],
            where="state != 'cancelled'",
        )

    @api.depends(
        "line_ids.base_amount",
        "line_ids.collected_amount",
        "line_ids.commission_amount",
        "line_ids.sale_mode",
        "commission_model",
    )
    def _compute_amounts(self):
        totals = self._mode_totals()
        empty = (0, 0.0, 0.0, 0.0)
        for settlement in self:
            agent = totals.get((settlement.id, "agent"), empty)
            own = totals.get((settlement.id, "own_name"), empty)
            count, gross, collected, commission = (
                a + b for a, b in zip(agent, own, strict=True)
            )
            settlement.line_count = count
            settlement.gross_amount = gross
            settlement.collected_amount = collected
            settlement.commission_amount = commission
            settlement.net_amount = collected - commission
            settlement.agent_collected_amount = agent[2]
            if settlement.commission_model in INVOICE_MODELS:
                settlement.amount_due = commission
                settlement.revenue_amount = commission
            else:
                settlement.amount_due = collected - commission
                settlement.revenue_amount = agent[3] + own[1]

    def _mode_totals(self):
        """{(settlement id, sale mode): (count, sales, collected, commission)}
        of the lines of the settlements, in one grouped query."""
        groups = self.env["concierge.commission.line"]._read_group(
            [("settlement_id", "in", self.ids)],
            ["settlement_id", "sale_mode"],
            [
                "__count",
                "base_amount:sum",
                "collected_amount:sum",
                "commission_amount:sum",
            ],
        )
        return {
            (settlement.id, mode): tuple(rest) for settlement, mode, *rest in groups
        }

    def _site_commission_totals(self):
        """{(settlement id, sale mode): {site: commission}} of the lines of
        the settlements, in one grouped query."""
        groups = self.env["concierge.commission.line"]._read_group(
            [("settlement_id", "in", self.ids)],
            ["settlement_id", "sale_mode", "site_id"],
            ["commission_amount:sum"],
        )
        totals = {}
        for settlement, mode, site, amount in groups:
            totals.setdefault((settlement.id, mode), {})[site] = amount
        return totals

    def _commission_distribution(self, lookups):
        """The analytic distribution of the commission line of the document:
        the commission of each site (lines sold at a site or for a
        beneficiary of a site) on that site's analytic account, so that the
        commission counts for its site in the funding mix. False when no
        site has one."""
        self.ensure_one()
        modes = (
            ("agent", "own_name")
            if self.commission_model in INVOICE_MODELS
            else ("agent",)
        )
        by_site = {}
        for mode in modes:
            for site, amount in lookups["site_totals"].get((self.id, mode), {}).items():
                by_site[site] = by_site.get(site, 0.0) + amount
        total = sum(by_site.values())
        if self.currency_id.is_zero(total):
            return False
        distribution = {}
        for site, amount in by_site.items():
            account = site.sudo().analytic_account_id
            if account and not self.currency_id.is_zero(amount):
                key = str(account.id)
                distribution[key] = distribution.get(key, 0.0) + 100.0 * amount / total
        return distribution or False

    @api.depends(
        "move_id.amount_total_signed",
        "move_id.amount_residual_signed",
        "move_id.state",
    )
    def _compute_document_amounts(self):
        for settlement in self:
            move = settlement.move_id
            if not move or move.state != "posted":
                settlement.amount_invoiced = 0.0
                settlement.amount_paid = 0.0
                settlement.amount_outstanding = 0.0
                continue
            total = abs(move.amount_total_signed)
            residual = abs(move.amount_residual_signed)
            if move.move_type in ("out_refund", "in_refund"):
                total, residual = -total, -residual
            settlement.amount_invoiced = total
            settlement.amount_outstanding = residual
            settlement.amount_paid = total - residual

    @api.model_create_multi
    def create(self, vals_list):
        unnamed = defaultdict(list)
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                unnamed[vals.get("date_from")].append(vals)
        for date_from, group in unnamed.items():
            for vals, name in zip(
                group, self._next_names(date_from, len(group)), strict=True
            ):
                vals["name"] = name
        return super().create(vals_list)

    @api.model
    def _next_names(self, sequence_date, count):
        """``count`` references from the settlement sequence for
        ``sequence_date``, drawn together: one query for a standard
        (gap-allowed) sequence instead of three per settlement."""
        sequence = self.env["ir.sequence"].search(
            [
                ("code", "=", SEQUENCE_CODE),
                ("company_id", "in", [self.env.company.id, False]),
            ],
            order="company_id",
            limit=1,
        )
        if not sequence:
            return ["/"] * count
        if sequence.implementation != "standard":
            return [sequence._next(sequence_date=sequence_date) for __ in range(count)]
        sequence = sequence.with_context(
            ir_sequence_date=sequence_date or fields.Date.context_today(self)
        )
        current = sequence._get_current_sequence(sequence_date)
        if current == sequence:
            pg_name = f"ir_sequence_{sequence.id:03d}"
        else:
            pg_name = f"ir_sequence_{sequence.id:03d}_{current.id:03d}"
            sequence = sequence.with_context(ir_sequence_date_range=current.date_from)
        self.env.cr.execute(
            "SELECT nextval(%s) FROM generate_series(1, %s)", [pg_name, count]
        )
        return [sequence.get_next_char(number) for (number,) in self.env.cr.fetchall()]

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft_or_cancelled(self):
        if any(s.state not in ("draft", "cancelled") for s in self):
            raise UserError(
                self.env._(
                    "Only draft or cancelled settlements can be deleted; cancel "
                    "the settlement first."
                )
            )

    @api.model
    def settle_period(
        self,
        date,
        settlement_period="monthly",
        provider_ids=None,
        confirm=False,
        create_documents=False,
    ):
        """Settle the period holding ``date`` (for scripts and XML-RPC):
        same as the wizard, optionally confirming the settlements and
        creating their accounting documents. Returns the settlement ids."""
        # settling is for those who may create settlements, even when nothing
        # is pending (the wizard's access)
        self.check_access("create")
        date_from, date_to = period_bounds(fields.Date.to_date(date), settlement_period)
        settlements = self._settle(
            self.env.company,
            settlement_period,
            date_from,
            date_to,
            self.env["res.partner"].browse(provider_ids or []),
        )
        if confirm or create_documents:
            settlements.filtered(lambda s: s.state == "draft")._confirm()
        if create_documents:
            settlements.filtered(lambda s: s.state == "confirmed")._create_documents()
        return settlements.ids

    @api.model
    def _settle(self, company, settlement_period, date_from, date_to, providers):
        """Settle the period of ``company`` from ``date_from`` to ``date_to``
        (of ``providers``, every provider when empty): one settlement per
        provider, model and period; pending lines up to the end of the period
        (late corrections included) go to the draft settlement of the period,
        created when missing. Running it again creates nothing new. The
        number of queries does not depend on the number of lines per
        provider. Returns the settlements of the period."""
        Line = self.env["concierge.commission.line"]
        groups = Line._read_group(
            self._pending_line_domain(company, settlement_period, date_to, providers),
            ["provider_id", "commission_model"],
            ["id:array_agg"],
        )
        existing = self.search(
            [
                ("company_id", "=", company.id),
                ("date_from", "=", date_from),
                ("settlement_period", "=", settlement_period),
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
        period = (company, settlement_period, date_from, date_to)
        created = self._create_settlements(
            [self._prepare_settlement_vals(*period, *key) for key in new_keys]
        )
        by_key.update(zip(new_keys, created, strict=True))
        self._attach_pending_lines(groups, by_key)
        return existing | created

    @api.model
    def _pending_line_domain(self, company, settlement_period, date_to, providers):
        domain = [
            ("settlement_id", "=", False),
            ("company_id", "=", company.id),
            ("settlement_period", "=", settlement_period),
            ("date", "<=", date_to),
        ]
        if providers:
            domain.append(("provider_id", "in", providers.ids))
        return domain

    @api.model
    def _attach_pending_lines(self, groups, by_key):
        """Put the pending lines of ``groups`` ((provider, model, line ids)
        of ``_settle``) on the draft settlement of their key in ``by_key``."""
        Line = self.env["concierge.commission.line"]
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

    @api.model
    def _create_settlements(self, vals_list):
        """Create the settlements. The database keeps one settlement per
        company, provider, model and period (cancelled ones aside): when
        another transaction created one of them since this one started (two
        accountants settling the same month, or the cron and a user), the
        loser's insert is refused and it gets a message, nothing half done."""
        if not vals_list:
            return self.browse()
        with refuse_duplicate(
            self.env.cr,
            SETTLEMENT_KEY,
            self.env._(
                "The commissions of this period were settled by another "
                "user at the same time. Reload the page: the settlements "
                "are there."
            ),
        ):
            return self.create(vals_list)

    @api.model
    def _prepare_settlement_vals(
        self,
        company,
        settlement_period,
        date_from,
        date_to,
        provider_id,
        commission_model,
    ):
        return {
            "provider_id": provider_id,
            "commission_model": commission_model,
            "company_id": company.id,
            "settlement_period": settlement_period,
            "date_from": date_from,
            "date_to": date_to,
        }

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def action_confirm(self):
        self._check_action("action_confirm", self.env._("Confirming"))
        self._confirm()
        return True

    @transition
    def _confirm(self):
        if any(s.state != "draft" for s in self):
            raise UserError(self.env._("Only draft settlements can be confirmed."))
        if any(not s.line_ids for s in self):
            raise UserError(
                self.env._("A settlement without commission lines cannot be confirmed.")
            )
        self.write({"state": "confirmed"})

    def action_create_document(self):
        self._check_action(
            "action_create_document", self.env._("Creating the accounting document")
        )
        self._create_documents()
        return True

    def _create_documents(self):
        """Create and post the accounting document of confirmed settlements.
        Settlements with nothing to invoice are reconciled at once."""
        moves = self._create_draft_documents()
        moves.action_post()
        return moves

    @transition
    def _create_draft_documents(self):
        """Draft accounting documents of confirmed settlements, all created
        by one batch ``create``; the settlements become invoiced."""
        if any(s.state != "confirmed" for s in self):
            raise UserError(
                self.env._(
                    "Only confirmed settlements get an accounting document; "
                    "confirm them first."
                )
            )
        to_invoice = self.filtered(lambda s: not s.currency_id.is_zero(s.amount_due))
        (self - to_invoice).write({"state": "reconciled"})
        if not to_invoice:
            return self.env["account.move"]
        lookups = to_invoice._document_lookups()
        moves = (
            self.env["account.move"]
            .with_context(default_company_id=False, mail_create_nolog=True)
            .create([s._prepare_move_vals(lookups) for s in to_invoice])
        )
        # Without the creation context: posting and later steps log as usual.
        moves = self.env["account.move"].browse(moves.ids)
        for settlement, move in zip(to_invoice, moves, strict=True):
            settlement.move_id = move
        to_invoice.write({"state": "invoiced"})
        moves._message_log_batch(
            bodies={
                move.id: self.env._(
                    "Created from the commission settlement %s.",
                    settlement._get_html_link(),
                )
                for settlement, move in zip(to_invoice, moves, strict=True)
            }
        )
        return moves

    def _document_lookups(self):
        """What every document of these settlements shares, read once: the
        commission and collected products, the commission income account, the
        sale and purchase journal of each company, and whether any analytic
        distribution model exists."""
        commission = self.env.ref("concierge_partners.product_commission")
        collected = self.env.ref("concierge_partners.product_collected")
        journals = {}
        commission_income = {}
        third_party = {}
        for company in self.company_id:
            commission_income[company.id] = company._concierge_commission_account()
            if any(s.agent_collected_amount for s in self):
                third_party[company.id] = company._concierge_third_party_account()
            for journal_type in ("sale", "purchase"):
                journals[company.id, journal_type] = self.env["account.journal"].search(
                    [
                        *self.env["account.journal"]._check_company_domain(company),
                        ("type", "=", journal_type),
                    ],
                    limit=1,
                )
        return {
            # Without any analytic distribution model, Odoo would search the
            # models once per document for nothing: say at once there is none.
            "no_analytic_model": not self.env[
                "account.analytic.distribution.model"
            ].search_count([], limit=1),
            "commission": commission,
            "collected": collected,
            "commission_income": commission_income,
            "third_party": third_party,
            "mode_totals": self._mode_totals(),
            "site_totals": self._site_commission_totals(),
            "journals": journals,
        }

    def _prepare_move_vals(self, lookups=None):
        self.ensure_one()
        lookups = lookups or self._document_lookups()
        amount = self.amount_due
        sign = 1 if amount > 0 else -1
        if self.commission_model in INVOICE_MODELS:
            move_type = "out_invoice" if sign > 0 else "out_refund"
            journal_type = "sale"
            lines = [Command.create(self._prepare_commission_line_vals(sign, lookups))]
        else:
            move_type = "in_invoice" if sign > 0 else "in_refund"
            journal_type = "purchase"
            lines = [
                Command.create(vals)
                for vals in self._prepare_bill_lines_vals(sign, lookups)
            ]
        vals = {
            "move_type": move_type,
            "partner_id": self.provider_id.id,
            "company_id": self.company_id.id,
            # the commission is earned in the period settled: a period over
            # is booked on its last day, so that it counts in that month
            "invoice_date": min(self.date_to, fields.Date.context_today(self)),
            "ref": self.name,
            "invoice_origin": self.name,
            "narration": self._period_label(),
            "invoice_line_ids": lines,
        }
        journal = lookups["journals"].get((self.company_id.id, journal_type))
        if journal:
            vals["journal_id"] = journal.id
        if lookups["no_analytic_model"]:
            for __, __, line_vals in lines:
                line_vals.setdefault("analytic_distribution", False)
        return vals

    def _period_label(self):
        self.ensure_one()
        return self.env._(
            "Commission settlement %(name)s, %(start)s to %(end)s",
            name=self.name,
            start=self.date_from,
            end=self.date_to,
        )

    def _prepare_bill_lines_vals(self, sign, lookups):
        """Lines of the vendor bill of the provider. Sales in the provider's
        name: what was collected clears the third-party account (467) and
        the commission is revenue (708200). Sales in the conciergerie's own
        name: one purchase line, the provider's share."""
        self.ensure_one()
        empty = (0, 0.0, 0.0, 0.0)
        agent = lookups["mode_totals"].get((self.id, "agent"), empty)
        own = lookups["mode_totals"].get((self.id, "own_name"), empty)
        currency = self.currency_id
        lines = []
        if not currency.is_zero(agent[2]) or not currency.is_zero(agent[3]):
            collected = self._prepare_collected_line_vals(sign, lookups)
            collected["price_unit"] = sign * agent[2]
            collected["account_id"] = lookups["third_party"][self.company_id.id].id
            commission = self._prepare_commission_line_vals(-sign, lookups)
            commission["price_unit"] = -sign * agent[3]
            lines += [collected, commission]
        if not currency.is_zero(own[2] - own[3]):
            lines.append(
                {
                    "product_id": lookups["collected"].id,
                    "name": self.env._(
                        "Your share of the sales from %(start)s to %(end)s",
                        start=self.date_from,
                        end=self.date_to,
                    ),
                    "quantity": 1,
                    "price_unit": sign * (own[2] - own[3]),
                    "tax_ids": [Command.clear()],
                }
            )
        return lines

    def _prepare_commission_line_vals(self, sign, lookups=None):
        self.ensure_one()
        lookups = lookups or self._document_lookups()
        product = lookups["commission"]
        vals = {
            "product_id": product.id,
            "name": self.env._(
                "Commission from %(start)s to %(end)s",
                start=self.date_from,
                end=self.date_to,
            ),
            "quantity": 1,
            "price_unit": sign * self.commission_amount,
        }
        if self.commission_model in INVOICE_MODELS:
            vals["tax_ids"] = [
                Command.set(
                    product.taxes_id.filtered(
                        lambda t: t.company_id == self.company_id
                    ).ids
                )
            ]
        else:
            vals["tax_ids"] = [Command.clear()]
        vals["account_id"] = lookups["commission_income"][self.company_id.id].id
        distribution = self._commission_distribution(lookups)
        if distribution:
            vals["analytic_distribution"] = distribution
        return vals

    def _prepare_collected_line_vals(self, sign, lookups=None):
        self.ensure_one()
        lookups = lookups or self._document_lookups()
        return {
            "product_id": lookups["collected"].id,
            "name": self.env._(
                "Sales collected on your behalf from %(start)s to %(end)s",
                start=self.date_from,
                end=self.date_to,
            ),
            "quantity": 1,
            "price_unit": sign * self.collected_amount,
            "tax_ids": [Command.clear()],
        }

    def action_cancel(self):
        self._check_action("action_cancel", self.env._("Cancelling"))
        self._cancel()
        return True

    @transition
    def _cancel(self):
        for settlement in self:
            if settlement.move_id and settlement.move_id.state != "cancel":
                raise UserError(
                    self.env._(
                        "The settlement %(name)s has an accounting document "
                        "(%(move)s): cancel that document first, then the "
                        "settlement.",
                        name=settlement.name,
                        move=settlement.move_id.display_name,
                    )
                )
        self.line_ids.write({"settlement_id": False})
        self.write({"state": "cancelled"})

    @transition
    def _sync_payment_state(self):
        """Follow the payment of the accounting document."""
        for settlement in self.filtered(
            lambda s: s.state in ("invoiced", "reconciled") and s.move_id
        ):
            paid = settlement.move_id.payment_state in PAID_STATES
            new_state = "reconciled" if paid else "invoiced"
            if settlement.state != new_state:
                settlement.state = new_state

    def action_view_document(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": self.move_id.id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------------
    # Exports
    # ------------------------------------------------------------------
    def action_export_xlsx(self):
        self.ensure_one()
        return self._concierge_xlsx_download(
            f"{self.name.replace('/', '-')}.xlsx", self._write_xlsx_detail
        )

    def _export_xlsx(self):
        """Detail of the settlement, one row per commission line: the bytes
        of the workbook."""
        self.ensure_one()
        return self._concierge_xlsx_build(self._write_xlsx_detail)

    def _write_xlsx_detail(self, workbook):
        sheet = workbook.add_worksheet(self.env._("Detail"))
        styles = self._concierge_xlsx_formats(workbook, self.currency_id)
        sheet.write(0, 0, self.name, styles["title"])
        sheet.write(0, 1, self.provider_id.display_name, styles["title"])
        sheet.write(0, 2, self._period_label())
        headers = [
            self.env._("Date"),
            self.env._("Invoice"),
            self.env._("Product"),
            self.env._("Quantity"),
            self.env._("Sales (excl. tax)"),
            self.env._("Collected"),
            self.env._("Commission"),
            self.env._("Net due to provider"),
        ]
        sheet.write_row(2, 0, headers, styles["header"])
        row = 3
        for line in self.line_ids.sorted(lambda line: (line.date, line.id)):
            sheet.write_datetime(row, 0, line.date, styles["date"])
            sheet.write(row, 1, line.move_id.name or "", styles["text"])
            sheet.write(row, 2, line.product_id.display_name or "", styles["text"])
            sheet.write_number(row, 3, line.quantity, styles["number"])
            sheet.write_number(row, 4, line.base_amount, styles["money"])
            sheet.write_number(row, 5, line.collected_amount, styles["money"])
            sheet.write_number(row, 6, line.commission_amount, styles["money"])
            sheet.write_number(row, 7, line.net_amount, styles["money"])
            row += 1
        sheet.write(row, 0, self.env._("Total"), styles["bold"])
        totals = [
            self.gross_amount,
            self.collected_amount,
            self.commission_amount,
            self.net_amount,
        ]
        for offset, total in enumerate(totals):
            col = 4 + offset
            column = xl_col_to_name(col)
            sheet.write_formula(
                row, col, f"=SUM({column}4:{column}{row})", styles["money_bold"], total
            )
        sheet.freeze_panes(3, 0)
        sheet.autofilter(2, 0, max(row - 1, 2), len(headers) - 1)
        sheet.set_column(0, 0, 12)
        sheet.set_column(1, 2, 28)
        sheet.set_column(3, 7, 16)
