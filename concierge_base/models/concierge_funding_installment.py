# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare, float_is_zero

from ..utils import create_money_key

# journal items an installment can be settled by: the funder's receivable
# (an invoice, an entry of the grant on a customer account or on a grant
# receivable such as 441 / 4687, paid when reconciled) or a receipt booked
# straight on a bank or cash account
MATCHABLE_ACCOUNT_TYPES = ("asset_receivable", "asset_current", "asset_cash")
SKIPPED = ("out_refund", "out_invoice", "in_invoice", "in_refund")
# a journal item settles one installment at most: the database refuses a
# second link even when two users match the same receipt at the same time
RECEIPT_KEY = "concierge_funding_installment_move_line_uniq"


def is_claim(line):
    """Whether a journal item is a claim on the funder: a receivable, or a
    reconcilable current asset (441 grants receivable, 4687 accrued income)."""
    return line.account_type == "asset_receivable" or (
        line.account_type == "asset_current" and line.account_id.reconcile
    )


class ConciergeFundingInstallment(models.Model):
    """A payment expected from a funder under an agreement."""

    _name = "concierge.funding.installment"
    _description = "Funding installment"
    _order = "agreement_id, date_due, sequence, id"
    _check_company_auto = True

    _inherit = ["concierge.funding.agreement.part"]
    # what the agreement's form shows read-only once it is closed or cancelled
    _concierge_plan_fields = {
        "agreement_id",
        "sequence",
        "name",
        "date_due",
        "amount_expected",
    }

    def _concierge_plan_what(self):
        return self.env._("The installments")

    agreement_id = fields.Many2one(
        "concierge.funding.agreement",
        required=True,
        index=True,
        ondelete="cascade",
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Label", required=True, default="/")
    company_id = fields.Many2one(
        related="agreement_id.company_id", store=True, index=True
    )
    currency_id = fields.Many2one(related="agreement_id.currency_id")
    funder_id = fields.Many2one(
        related="agreement_id.funder_id", store=True, index=True
    )
    funder_kind = fields.Selection(related="agreement_id.funder_kind", store=True)
    agreement_state = fields.Selection(
        related="agreement_id.state", store=True, string="Agreement status"
    )
    date_due = fields.Date(string="Due date", required=True)
    amount_expected = fields.Monetary(
        string="Expected", required=True, aggregator="sum"
    )
    move_line_ids = fields.Many2many(
        "account.move.line",
        "concierge_funding_installment_move_line_rel",
        "installment_id",
        "move_line_id",
        string="Journal items",
        copy=False,
        check_company=True,
        domain="[('parent_state', '=', 'posted'), "
        "('account_type', 'in', ('asset_receivable', 'asset_current', "
        "'asset_cash')), "
        "('partner_id.commercial_partner_id', '=', funder_id), "
        "('company_id', '=', company_id)]",
        help="The funder's receivable (invoice or grant entry, received when "
        "it is reconciled with a payment) or the bank line of the receipt.",
    )
    amount_received = fields.Monetary(
        string="Received",
        compute="_compute_received",
        store=True,
        aggregator="sum",
        help="Follows the accounting: the paid part of the linked receivables "
        "and the linked bank receipts, posted entries only.",
    )
    amount_residual = fields.Monetary(
        string="To receive", compute="_compute_received", store=True, aggregator="sum"
    )
    date_received = fields.Date(
        string="Last receipt", compute="_compute_received", store=True
    )
    state = fields.Selection(
        [
            ("to_receive", "To receive"),
            ("partial", "Partly received"),
            ("received", "Received"),
        ],
        compute="_compute_received",
        store=True,
        index=True,
    )
    accrual_move_id = fields.Many2one(
        "account.move",
        string="Grant entry",
        readonly=True,
        copy=False,
        check_company=True,
        help="The receivable booked when the agreement was signed (441 or "
        "4687 against 74), when the company books grants at signature.",
    )
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )

    # ------------------------------------------------------------------
    # received amounts, from the accounting
    # ------------------------------------------------------------------
    def _get_receipts(self):
        """Money received on these installments: a list of
        (installment, date, amount in company currency).

        A receivable line counts for its reconciled part, at the date of each
        reconciliation; a bank or cash line counts for its balance.
        """
        receipts = []
        for installment in self:
            for line in installment.move_line_ids:
                if line.parent_state != "posted":
                    continue
                if is_claim(line):
                    # payments only: a credit note lowers the claim, it is
                    # no money received
                    for partial in line.matched_credit_ids:
                        if partial.credit_move_id.move_id.move_type not in SKIPPED:
                            receipts.append(
                                (installment, partial.max_date, partial.amount)
                            )
                else:
                    receipts.append((installment, line.date, line.balance))
        return receipts

    @api.depends(
        "amount_expected",
        "move_line_ids.parent_state",
        "move_line_ids.balance",
        "move_line_ids.amount_residual",
    )
    def _compute_received(self):
        received = dict.fromkeys(self.ids, 0.0)
        last_date = {}
        for installment, day, amount in self._get_receipts():
            key = installment.id
            received[key] = received.get(key, 0.0) + amount
            if amount > 0 and (key not in last_date or day > last_date[key]):
                last_date[key] = day
        for installment in self:
            rounding = installment.currency_id.rounding or 0.01
            amount = received.get(installment.id, 0.0)
            installment.amount_received = amount
            installment.amount_residual = installment.amount_expected - amount
            installment.date_received = last_date.get(installment.id, False)
            if float_is_zero(amount, precision_rounding=rounding):
                installment.state = "to_receive"
            elif (
                float_compare(
                    amount, installment.amount_expected, precision_rounding=rounding
                )
                >= 0
            ):
                installment.state = "received"
            else:
                installment.state = "partial"

    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for installment in self:
            installment.is_overdue = (
                installment.state != "received"
                and installment.agreement_state == "signed"
                and installment.date_due < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(self.env._("Unsupported search on overdue."))
        domain = [
            ("state", "!=", "received"),
            ("agreement_state", "=", "signed"),
            ("date_due", "<", fields.Date.context_today(self)),
        ]
        if (operator == "=") == value:
            return domain
        return ["!", "&", "&", *domain]

    # ------------------------------------------------------------------
    # constraints
    # ------------------------------------------------------------------
    @api.constrains("amount_expected")
    def _check_amount_expected(self):
        for installment in self:
            if installment.amount_expected < 0:
                raise ValidationError(
                    self.env._(
                        "The expected amount of the installment %(name)s of "
                        "%(agreement)s cannot be negative.",
                        name=installment.name,
                        agreement=installment.agreement_id.name,
                    )
                )
        self.agreement_id._check_amounts()

    def init(self):
        create_money_key(
            self.env.cr,
            RECEIPT_KEY,
            "concierge_funding_installment_move_line_rel",
            ["move_line_id"],
            ident="installment_id",
        )

    @api.constrains("move_line_ids")
    def _check_move_lines(self):
        lines = self.move_line_ids
        if not lines:
            return
        shared = self.search(
            [("move_line_ids", "in", lines.ids), ("id", "not in", self.ids)], limit=1
        )
        if shared:
            raise ValidationError(
                self.env._(
                    "A journal item of %(agreement)s already settles the "
                    "installment %(name)s: one payment cannot count twice.",
                    agreement=shared.agreement_id.name,
                    name=shared.name,
                )
            )
        for installment in self:
            funder = installment.funder_id.commercial_partner_id
            counted = installment.move_line_ids
            others = self - installment
            if counted & others.move_line_ids:
                raise ValidationError(
                    self.env._(
                        "A journal item cannot settle two installments: one "
                        "payment cannot count twice."
                    )
                )
            for line in counted:
                if (
                    not (is_claim(line) or line.account_type == "asset_cash")
                    or line.partner_id.commercial_partner_id != funder
                ):
                    raise ValidationError(
                        self.env._(
                            "The journal item %(line)s cannot settle an "
                            "installment of %(funder)s: choose a receivable or "
                            "a bank line of this funder.",
                            line=line.display_name,
                            funder=funder.display_name,
                        )
                    )
                if line.account_type == "asset_cash" and line.move_id.line_ids.filtered(
                    is_claim
                ):
                    raise ValidationError(
                        self.env._(
                            "The bank line %(line)s pays a receivable of the "
                            "funder: link that receivable (the invoice or the "
                            "grant entry) instead, so the money counts once.",
                            line=line.display_name,
                        )
                    )

    # ------------------------------------------------------------------
    # matching
    # ------------------------------------------------------------------
    def _get_candidate_move_lines(self):
        """Posted journal items of the funders that no installment uses yet."""
        funders = self.funder_id.commercial_partner_id
        if not funders:
            return self.env["account.move.line"]
        lines = self.env["account.move.line"].search(
            [
                ("parent_state", "=", "posted"),
                ("account_type", "in", MATCHABLE_ACCOUNT_TYPES),
                ("partner_id.commercial_partner_id", "in", funders.ids),
                ("company_id", "in", self.company_id.ids),
                ("debit", ">", 0),
            ],
            order="date, id",
        )
        used = self.search([("move_line_ids", "in", lines.ids)]).move_line_ids
        lines -= used
        # a bank line that pays a receivable is counted through the receivable
        return lines.filtered(
            lambda line: (
                is_claim(line)
                if line.account_type != "asset_cash"
                else not line.move_id.line_ids.filtered(is_claim)
            )
        )

    def _match_move_lines(self):
        """Link to each installment with nothing linked the first free
        journal item of its funder for exactly the expected amount.

        Returns the installments that were matched."""
        todo = self.filtered(
            lambda i: not i.move_line_ids and i.agreement_state == "signed"
        )
        # Another transaction linking the same journal item at the same time
        # makes PostgreSQL refuse this one (the ORM inserts links with ON
        # CONFLICT DO NOTHING, which the unique index RECEIPT_KEY turns into
        # a serialization failure): Odoo retries the call, which then finds
        # the item used.
        candidates = todo._get_candidate_move_lines()
        links = []
        for installment in todo.sorted(lambda i: (i.date_due, i.sequence, i.id)):
            funder = installment.funder_id.commercial_partner_id
            rounding = installment.currency_id.rounding
            line = next(
                (
                    line
                    for line in candidates
                    if line.partner_id.commercial_partner_id == funder
                    and line.company_id == installment.company_id
                    and not float_compare(
                        line.balance,
                        installment.amount_expected,
                        precision_rounding=rounding,
                    )
                ),
                None,
            )
            if line:
                links.append((installment, line))
                candidates -= line
        return self._link_move_lines(links)

    def _link_move_lines(self, links):
        """Link each (installment, journal item) of ``links``: what one
        ``write`` per installment would do (access, write date, recomputed
        amounts, the constraints, the companies), in one insert of the links
        and one check for all. Returns the installments linked."""
        installments = self.browse([installment.id for installment, __ in links])
        if not installments:
            return installments
        installments.write({})  # access rights and rules, write date
        field = self._fields["move_line_ids"]
        installments.modified(["move_line_ids"], before=True)
        field.write_batch(
            [
                (installment, [fields.Command.link(line.id)])
                for installment, line in links
            ]
        )
        installments.modified(["move_line_ids"])
        installments._validate_fields(["move_line_ids"])
        installments._check_company(["move_line_ids"])
        return installments

    # ------------------------------------------------------------------
    # receivables booked at signature (ANC 2018-06) and their collection
    # ------------------------------------------------------------------
    def _prepare_accrual_move_vals(self):
        """The entry of the grant of this installment: the funder owes it
        (441 for a public funder, 4687 for a private one) and the subsidy is
        an operating income (74) of the agreement's analytic account."""
        self.ensure_one()
        agreement = self.agreement_id
        company = self.company_id
        funder = agreement.funder_id.commercial_partner_id
        receivable = company._concierge_grant_account(
            "public" if agreement.funder_kind == "public" else "private"
        )
        income = company._concierge_grant_account("income")
        day = agreement.date_signed or fields.Date.context_today(self)
        amount = agreement.currency_id._convert(
            self.amount_expected, company.currency_id, company, day
        )
        label = self.env._(
            "Grant %(agreement)s - %(installment)s",
            agreement=agreement.reference or agreement.name,
            installment=self.name,
        )
        common = {
            "partner_id": funder.id,
            "name": label,
            "currency_id": agreement.currency_id.id,
        }
        distribution = (
            {str(agreement.analytic_account_id.id): 100.0}
            if agreement.analytic_account_id
            else False
        )
        return {
            "move_type": "entry",
            "journal_id": company._concierge_grant_journal().id,
            "company_id": company.id,
            "date": day,
            "ref": label,
            "concierge_grant_accrual": True,
            "line_ids": [
                Command.create(
                    {
                        **common,
                        "account_id": receivable.id,
                        "debit": amount,
                        "amount_currency": self.amount_expected,
                        "date_maturity": self.date_due,
                    }
                ),
                Command.create(
                    {
                        **common,
                        "account_id": income.id,
                        "credit": amount,
                        "amount_currency": -self.amount_expected,
                        "analytic_distribution": distribution,
                    }
                ),
            ],
        }

    def _lock_for_posting(self):
        """Lock the rows, then forget what the cache knows of them: two
        sessions posting the same installments wait for each other and the
        second one sees the entries of the first."""
        if self.ids:
            self.env.cr.execute(
                "SELECT id FROM concierge_funding_installment WHERE id IN %s "
                "FOR UPDATE",
                [tuple(self.ids)],
            )
            self.invalidate_recordset(["accrual_move_id", "move_line_ids"])

    def _post_accruals(self):
        """Book the receivable of each installment of a signed agreement that
        has none yet and no journal item linked. Idempotent: returns the
        entries created, none the second time."""
        self._lock_for_posting()
        todo = self.filtered(
            lambda i: (
                not i.accrual_move_id
                and not i.move_line_ids
                and i.agreement_state == "signed"
                and not float_is_zero(
                    i.amount_expected, precision_rounding=i.currency_id.rounding
                )
            )
        )
        if not todo:
            return self.env["account.move"]
        # the manager signs; the accounting entry is booked on their behalf
        moves = (
            self.env["account.move"]
            .sudo()
            .create([installment._prepare_accrual_move_vals() for installment in todo])
        )
        moves.action_post()
        for installment, move in zip(todo.sudo(), moves, strict=True):
            claim = move.line_ids.filtered(is_claim)
            installment.write(
                {
                    "accrual_move_id": move.id,
                    "move_line_ids": [Command.link(claim.id)],
                }
            )
        return moves

    def _reverse_accruals(self):
        """Cancel the receivables booked at signature (an agreement that is
        cancelled): each entry is reversed and the installment freed."""
        todo = self.filtered("accrual_move_id")
        moves = todo.accrual_move_id.filtered(lambda m: m.state == "posted")
        if moves:
            moves.sudo()._reverse_moves(
                default_values_list=[
                    {
                        "date": fields.Date.context_today(self),
                        "ref": self.env._("Cancellation: %(ref)s", ref=move.ref),
                    }
                    for move in moves
                ],
                cancel=True,
            )
        for installment in todo.sudo():
            installment.write(
                {
                    "move_line_ids": [
                        Command.unlink(line.id)
                        for line in installment.accrual_move_id.line_ids
                    ],
                    "accrual_move_id": False,
                }
            )
        return True

    def _collect_claims(self):
        """Reconcile the open claims of these installments (the receivables
        of the grant) with a receipt of the funder for exactly the amount
        still due: a credit on the same account (a payment registered on
        it), or a bank statement line of the funder still waiting on the
        suspense account, which is then booked on the claim's account.

        Returns the installments whose claim was collected."""
        # matched on the manager's behalf, who needs no accounting rights
        self = self.sudo()
        claims = self.move_line_ids.filtered(
            lambda line: (
                is_claim(line)
                and line.parent_state == "posted"
                and not line.reconciled
                and line.amount_residual > 0
            )
        )
        collected = self.browse()
        if not claims:
            return collected
        funders = claims.partner_id.commercial_partner_id
        companies = claims.company_id
        credits = self.env["account.move.line"].search(
            [
                ("parent_state", "=", "posted"),
                ("account_id", "in", claims.account_id.ids),
                ("partner_id.commercial_partner_id", "in", funders.ids),
                ("company_id", "in", companies.ids),
                ("reconciled", "=", False),
                ("credit", ">", 0),
            ],
            order="date, id",
        )
        st_lines = self.env["account.bank.statement.line"].search(
            [
                ("state", "=", "posted"),
                ("is_reconciled", "=", False),
                ("partner_id.commercial_partner_id", "in", funders.ids),
                ("company_id", "in", companies.ids),
                ("amount", ">", 0),
            ],
            order="date, id",
        )
        for claim in claims.sorted(
            lambda line: (line.date_maturity or line.date, line.id)
        ):
            funder = claim.partner_id.commercial_partner_id
            rounding = claim.company_id.currency_id.rounding

            def same_amount(amount, claim=claim, rounding=rounding):
                return not float_compare(
                    amount, claim.amount_residual, precision_rounding=rounding
                )

            credit = next(
                (
                    line
                    for line in credits
                    if line.account_id == claim.account_id
                    and line.partner_id.commercial_partner_id == funder
                    and same_amount(-line.amount_residual)
                ),
                None,
            )
            if credit:
                credits -= credit
                (credit | claim).reconcile()
                collected |= self.filtered(lambda i, c=claim: c in i.move_line_ids)
                continue
            for st_line in st_lines:
                if (
                    st_line.partner_id.commercial_partner_id != funder
                    or st_line.company_id != claim.company_id
                ):
                    continue
                _liquidity, suspense, _other = st_line._seek_for_lines()
                if len(suspense) != 1 or not same_amount(-suspense.balance):
                    continue
                st_line.move_id.with_context(skip_readonly_check=True).write(
                    {
                        "line_ids": [
                            Command.update(
                                suspense.id,
                                {
                                    "account_id": claim.account_id.id,
                                    "partner_id": funder.id,
                                },
                            )
                        ]
                    }
                )
                (suspense | claim).reconcile()
                st_lines -= st_line
                collected |= self.filtered(lambda i, c=claim: c in i.move_line_ids)
                break
        return collected
