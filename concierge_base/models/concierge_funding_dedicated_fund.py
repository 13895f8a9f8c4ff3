# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from ..utils import create_money_key
from .concierge_state_guard import transition

# posted once: one posted row per agreement, fiscal year and kind
POSTED_KEY = "concierge_dedicated_fund_posted_uniq"


class ConciergeFundingDedicatedFund(models.Model):
    """The unspent part of a subsidy at the end of a fiscal year, carried
    to dedicated funds (*fonds dédiés*, ANC 2018-06): ``allocation`` debits
    689 and credits 19x on the last day of the year, ``release`` debits 19x
    and credits 789 on the first day of the next one. The database keeps
    one posted row per agreement, fiscal year and kind."""

    _name = "concierge.funding.dedicated.fund"
    _description = "Dedicated funds of a funding agreement"
    _inherit = ["concierge.state.guard"]
    _order = "date desc, id desc"
    _check_company_auto = True
    # transition table (concierge.state.guard)
    _concierge_transitions = {"action_reverse": ("posted",)}

    agreement_id = fields.Many2one(
        "concierge.funding.agreement",
        required=True,
        index=True,
        # a signed agreement cannot be deleted: this only serves uninstalling
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="agreement_id.company_id", store=True, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    kind = fields.Selection(
        [
            ("allocation", "Carried to dedicated funds"),
            ("release", "Dedicated funds used"),
        ],
        required=True,
    )
    fiscal_year = fields.Integer(
        required=True, help="Year in which the fiscal year of the entry ends."
    )
    date = fields.Date(required=True)
    amount = fields.Monetary(required=True)
    move_id = fields.Many2one(
        "account.move", string="Journal entry", readonly=True, check_company=True
    )
    reversal_move_id = fields.Many2one(
        "account.move", string="Reversal", readonly=True, check_company=True
    )
    origin_id = fields.Many2one(
        "concierge.funding.dedicated.fund",
        string="Released from",
        readonly=True,
        ondelete="cascade",
        help="What was carried to dedicated funds the year before.",
    )
    release_ids = fields.One2many(
        "concierge.funding.dedicated.fund", "origin_id", string="Releases"
    )
    state = fields.Selection(
        [("draft", "Draft"), ("posted", "Posted"), ("reversed", "Reversed")],
        default="draft",
        required=True,
        readonly=True,
    )

    def init(self):
        create_money_key(
            self.env.cr,
            POSTED_KEY,
            self._table,
            ["agreement_id", "fiscal_year", "kind"],
            where="state = 'posted'",
        )

    @api.depends("agreement_id", "kind", "fiscal_year")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for fund in self:
            fund.display_name = "%s - %s %s" % (
                fund.agreement_id.name or "",
                kinds.get(fund.kind, ""),
                fund.fiscal_year or "",
            )

    def _prepare_move_vals(self):
        self.ensure_one()
        company = self.company_id
        agreement = self.agreement_id
        fund = company._concierge_grant_account("fund")
        if self.kind == "allocation":
            debit = company._concierge_grant_account("fund_expense")
            credit = fund
            label = self.env._(
                "Unspent subsidy carried to dedicated funds: %(agreement)s",
                agreement=agreement.name,
            )
        else:
            debit = fund
            credit = company._concierge_grant_account("fund_income")
            label = self.env._(
                "Dedicated funds used: %(agreement)s", agreement=agreement.name
            )
        distribution = {str(agreement.analytic_account_id.id): 100.0}
        partner = agreement.funder_id.commercial_partner_id.id
        return {
            "move_type": "entry",
            "journal_id": company._concierge_grant_journal().id,
            "company_id": company.id,
            "date": self.date,
            "ref": label,
            "line_ids": [
                Command.create(
                    {
                        "account_id": debit.id,
                        "partner_id": partner,
                        "name": label,
                        "debit": self.amount,
                        "analytic_distribution": distribution
                        if debit != fund
                        else False,
                    }
                ),
                Command.create(
                    {
                        "account_id": credit.id,
                        "partner_id": partner,
                        "name": label,
                        "credit": self.amount,
                        "analytic_distribution": distribution
                        if credit != fund
                        else False,
                    }
                ),
            ],
        }

    @transition
    def _post(self):
        todo = self.filtered(lambda f: f.state == "draft" and not f.move_id)
        if not todo:
            return True
        moves = (
            self.env["account.move"]
            .sudo()
            .create([fund._prepare_move_vals() for fund in todo])
        )
        moves.action_post()
        for fund, move in zip(todo, moves, strict=True):
            # the unique index refuses a second posted row of the same key
            fund.write({"move_id": move.id, "state": "posted"})
        self.env.flush_all()
        return True

    @transition
    def action_reverse(self):
        """Cancel a year-end entry with a reverse entry of the same date.
        Reversing what was carried to dedicated funds also reverses its
        release of the next year."""
        if self._concierge_wrong_state("action_reverse"):
            raise UserError(
                self.env._("Only a posted entry of dedicated funds can be reversed.")
            )
        todo = self | self.release_ids.filtered(lambda f: f.state == "posted")
        for fund in todo.sudo():
            reversal = fund.move_id.sudo()._reverse_moves(
                default_values_list=[
                    {
                        "date": fund.move_id.date,
                        "ref": self.env._("Reversal: %(ref)s", ref=fund.move_id.ref),
                    }
                ],
                cancel=True,
            )
            fund.write({"reversal_move_id": reversal.id, "state": "reversed"})
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_except_posted(self):
        if self.filtered(lambda f: f.state == "posted"):
            raise UserError(
                self.env._(
                    "A posted entry of dedicated funds cannot be deleted: "
                    "reverse it instead."
                )
            )
