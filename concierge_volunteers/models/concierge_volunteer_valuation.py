# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from collections import defaultdict

from markupsafe import Markup, escape

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression
from odoo.tools import float_is_zero

from odoo.addons.concierge_base.models.concierge_state_guard import transition
from odoo.addons.concierge_base.utils import lock_for_key, refuse_duplicate

MANAGER_GROUP = "concierge_base.group_concierge_manager"
# no two valuations of a company overlap, cancelled ones aside: the database
# refuses the second one even when two managers post the same period at once
PERIOD_KEY = "concierge_volunteer_valuation_period_excl"


class ConciergeVolunteerValuation(models.Model):
    """Valuation of volunteer time (French class 8, contributions en nature).

    Hours attended in the period, plus corrections of periods already
    valued, times the hourly rate, posted as one journal entry: debit 864
    (personnel bénévole), credit 875 (bénévolat).
    """

    _name = "concierge.volunteer.valuation"
    _description = "Valuation of volunteer time"
    _inherit = ["mail.thread", "concierge.state.guard"]
    _order = "date_from desc, id desc"
    _check_company_auto = True
    # Its buttons are idempotent by design (posting a posted valuation or
    # cancelling a cancelled one does nothing), so they declare no
    # transition table; what the form makes read-only once the valuation is
    # posted (its entry was made of it) is refused by write():
    _concierge_locked_fields = (
        (
            ("posted", "cancelled"),
            (
                "date_from",
                "date_to",
                "rate",
                "company_id",
                "expense_account_id",
                "income_account_id",
                "journal_id",
                "line_ids",
            ),
        ),
    )

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(string="From", required=True, tracking=True)
    date_to = fields.Date(string="To", required=True, tracking=True)
    rate = fields.Float(
        string="Hourly rate",
        digits="Product Price",
        compute="_compute_rate",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
    )
    expense_account_id = fields.Many2one(
        "account.account",
        string="Debit account (864)",
        compute="_compute_company_defaults",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
    )
    income_account_id = fields.Many2one(
        "account.account",
        string="Credit account (875)",
        compute="_compute_company_defaults",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
    )
    journal_id = fields.Many2one(
        "account.journal",
        compute="_compute_company_defaults",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("posted", "Posted"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
    )
    line_ids = fields.One2many(
        "concierge.volunteer.valuation.line", "valuation_id", readonly=True
    )
    move_id = fields.Many2one(
        "account.move", string="Journal entry", readonly=True, copy=False
    )
    reversal_move_id = fields.Many2one(
        "account.move", string="Reversal entry", readonly=True, copy=False
    )
    hours_total = fields.Float(string="Hours", compute="_compute_totals", store=True)
    amount_total = fields.Monetary(
        string="Amount", compute="_compute_totals", store=True
    )
    summary_html = fields.Html(
        string="Summary per mission type", compute="_compute_summary_html"
    )

    def init(self):
        # range types have GiST operator classes of their own: the company
        # is compared as a one-value range (no btree_gist extension needed);
        # LEAST/GREATEST keep a reversed period for the Python check's message
        self.env.cr.execute(
            "SELECT 1 FROM pg_constraint WHERE conname = %s", [PERIOD_KEY]
        )
        if not self.env.cr.fetchone():
            self.env.cr.execute(
                """
                ALTER TABLE concierge_volunteer_valuation
                ADD CONSTRAINT concierge_volunteer_valuation_period_excl
                EXCLUDE USING gist (
                    int4range(company_id, company_id, '[]') WITH =,
                    daterange(
                        LEAST(date_from, date_to), GREATEST(date_from, date_to), '[]'
                    ) WITH &&
                ) WHERE (state != 'cancelled')
                """
            )

    @api.model_create_multi
    def create(self, vals_list):
        # what this transaction sees is refused with the precise message
        # first; the database refuses what another one did at the same time
        lock_for_key(
            self.env.cr,
            PERIOD_KEY,
            [vals.get("company_id") or self.env.company.id for vals in vals_list],
        )
        for vals in vals_list:
            self._check_period_free(
                vals.get("company_id") or self.env.company.id,
                vals.get("date_from"),
                vals.get("date_to"),
                vals.get("state", "draft"),
            )
        with self._refuse_valued_period():
            return super().create(vals_list)

    def write(self, vals):
        if not {"date_from", "date_to", "state", "company_id"} & set(vals):
            return super().write(vals)
        lock_for_key(
            self.env.cr,
            PERIOD_KEY,
            self.company_id.ids
            + ([vals["company_id"]] if vals.get("company_id") else []),
        )
        for valuation in self:
            valuation._check_period_free(
                vals.get("company_id", valuation.company_id.id),
                vals.get("date_from", valuation.date_from),
                vals.get("date_to", valuation.date_to),
                vals.get("state", valuation.state),
                valuation.id,
            )
        with self._refuse_valued_period():
            return super().write(vals)

    def _check_period_free(self, company_id, date_from, date_to, state, own_id=None):
        """Refuse a period that overlaps another valuation of the company."""
        date_from = fields.Date.to_date(date_from)
        date_to = fields.Date.to_date(date_to)
        if state == "cancelled" or not (date_from and date_to) or date_to < date_from:
            return
        domain = [
            ("company_id", "=", company_id),
            ("state", "!=", "cancelled"),
            ("date_from", "<=", date_to),
            ("date_to", ">=", date_from),
        ]
        if own_id:
            domain.append(("id", "!=", own_id))
        if self.search_count(domain, limit=1):
            raise ValidationError(self._period_valued_message(date_from, date_to))

    def _period_valued_message(self, date_from, date_to):
        return self.env._(
            "Volunteer time from %(date_from)s to %(date_to)s is "
            "already valued, in whole or in part: a period is "
            "valued only once.",
            date_from=date_from,
            date_to=date_to,
        )

    def _refuse_valued_period(self):
        """Turn the database's refusal of a period valued twice (by this
        transaction, or by another one running at the same time) into a
        message; the savepoint leaves nothing half written."""
        return refuse_duplicate(
            self.env.cr,
            PERIOD_KEY,
            self.env._(
                "This period of volunteer time is already valued, in whole "
                "or in part (perhaps by another user at the same time): a "
                "period is valued only once. Reload the page to see the "
                "valuation."
            ),
            exception=ValidationError,
        )

    @api.depends("date_from", "date_to")
    def _compute_name(self):
        for valuation in self:
            valuation.name = self.env._(
                "Volunteer time %(date_from)s - %(date_to)s",
                date_from=valuation.date_from or "",
                date_to=valuation.date_to or "",
            )

    @api.depends("company_id")
    def _compute_rate(self):
        for valuation in self:
            valuation.rate = valuation.company_id.concierge_volunteer_hourly_rate

    @api.depends("company_id")
    def _compute_company_defaults(self):
        for valuation in self:
            company = valuation.company_id
            if not company:
                continue
            expense, income = company._concierge_volunteer_accounts()
            valuation.expense_account_id = expense
            valuation.income_account_id = income
            valuation.journal_id = company._concierge_volunteer_journal()

    @api.depends("line_ids.hours", "line_ids.amount")
    def _compute_totals(self):
        for valuation in self:
            valuation.hours_total = sum(valuation.line_ids.mapped("hours"))
            valuation.amount_total = sum(valuation.line_ids.mapped("amount"))

    @api.depends("line_ids.hours", "line_ids.amount", "line_ids.mission_type")
    def _compute_summary_html(self):
        labels = dict(
            self.env["concierge.volunteer.valuation.line"]
            ._fields["mission_type"]
            ._description_selection(self.env)
        )
        for valuation in self:
            rows = [
                Markup(
                    "<tr><td>%s</td><td class='text-end'>%s</td>"
                    "<td class='text-end'>%s</td></tr>"
                )
                % (labels[mtype], "%.2f" % hours, "%.2f" % amount)
                for mtype, hours, amount in valuation._summary_by_mission_type()
            ]
            valuation.summary_html = (
                Markup(
                    "<table class='table table-sm'><thead><tr><th>%s</th>"
                    "<th class='text-end'>%s</th><th class='text-end'>%s</th>"
                    "</tr></thead><tbody>"
                )
                % (
                    escape(self.env._("Mission type")),
                    escape(self.env._("Hours")),
                    escape(self.env._("Amount")),
                )
                + Markup("").join(rows)
                + Markup("</tbody></table>")
            )

    def _summary_by_mission_type(self):
        """[(mission_type, hours, amount)] of the valuation, sorted by type."""
        self.ensure_one()
        totals = defaultdict(lambda: [0.0, 0.0])
        for line in self.line_ids:
            totals[line.mission_type][0] += line.hours
            totals[line.mission_type][1] += line.amount
        return [(mtype, *totals[mtype]) for mtype in sorted(totals)]

    # ------------------------------------------------------------------
    # constraints
    # ------------------------------------------------------------------
    @api.constrains("rate")
    def _check_rate(self):
        for valuation in self:
            if valuation.rate <= 0:
                raise ValidationError(
                    self.env._(
                        "The hourly rate of volunteer time must be greater than zero."
                    )
                )

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        # overlaps are refused by create() and write(), and by the database
        for valuation in self:
            if valuation.date_to < valuation.date_from:
                raise ValidationError(
                    self.env._("The valuation period ends before it starts.")
                )

    # ------------------------------------------------------------------
    # computation
    # ------------------------------------------------------------------
    def _attendances_to_value(self):
        """Attendances of the period, and corrected ones of valued periods."""
        self.ensure_one()
        Attendance = self.env["concierge.volunteer.attendance"]
        earlier_valued = [
            ("date", "<", self.date_from),
            ("valuation_line_ids.valuation_state", "=", "posted"),
        ]
        posted = self.search(
            [
                ("company_id", "=", self.company_id.id),
                ("state", "=", "posted"),
                ("date_from", "<", self.date_from),
                ("id", "!=", self.id),
            ]
        )
        ranges = [
            [("date", ">=", other.date_from), ("date", "<=", other.date_to)]
            for other in posted
        ]
        in_period = [("date", ">=", self.date_from), ("date", "<=", self.date_to)]
        domain = expression.AND(
            [
                [("company_id", "=", self.company_id.id)],
                expression.OR([in_period, earlier_valued, *ranges]),
            ]
        )
        return Attendance.search(domain)

    def _prepare_line_vals(self):
        """One line per attendance whose value differs from what was posted."""
        self.ensure_one()
        currency = self.currency_id
        vals_list = []
        for attendance in self._attendances_to_value():
            rate = attendance.valued_rate or self.rate
            amount = currency.round(attendance.hours * rate)
            delta_hours = attendance.hours - attendance.valued_hours
            delta_amount = currency.round(amount - attendance.valued_amount)
            if float_is_zero(delta_hours, precision_digits=4) and currency.is_zero(
                delta_amount
            ):
                continue
            vals_list.append(
                {
                    "valuation_id": self.id,
                    "attendance_id": attendance.id,
                    "mission_type": attendance.mission_type,
                    "hours": delta_hours,
                    "rate": rate,
                    "amount": delta_amount,
                    "is_adjustment": attendance.date < self.date_from,
                }
            )
        return vals_list

    def action_compute(self):
        """(Re)compute the lines of draft valuations."""
        for valuation in self.filtered(lambda v: v.state == "draft"):
            valuation.line_ids.unlink()
            self.env["concierge.volunteer.valuation.line"].create(
                valuation._prepare_line_vals()
            )
        return True

    def _move_groups(self):
        """[(mission_type, site, hours, amount)]: one pair of entry lines each."""
        self.ensure_one()
        totals = defaultdict(lambda: [0.0, 0.0])
        for line in self.line_ids:
            key = (line.mission_type, line.site_id)
            totals[key][0] += line.hours
            totals[key][1] += line.amount
        return [
            (mtype, site, *totals[(mtype, site)])
            for mtype, site in sorted(totals, key=lambda k: (k[0], k[1].id))
        ]

    def _prepare_move_vals(self):
        """One debit 864 and one credit 875 line per mission type and site.

        The site's analytic account goes on both lines, so that the volunteer
        time counts for the site in the funding mix.
        """
        self.ensure_one()
        labels = dict(
            self.env["concierge.volunteer.valuation.line"]
            ._fields["mission_type"]
            ._description_selection(self.env)
        )
        lines = []
        for mtype, site, hours, amount in self._move_groups():
            amount = self.currency_id.round(amount)
            if self.currency_id.is_zero(amount):
                continue
            label = self.env._(
                "Volunteer time: %(type)s, %(site)s, %(hours)s h",
                type=labels[mtype],
                site=site.name or "",
                hours="%.2f" % hours,
            )
            analytic = site.sudo().analytic_account_id
            distribution = {str(analytic.id): 100.0} if analytic else False
            debit, credit = (amount, 0.0) if amount > 0 else (0.0, -amount)
            for account, line_debit, line_credit in (
                (self.expense_account_id, debit, credit),
                (self.income_account_id, credit, debit),
            ):
                lines.append(
                    Command.create(
                        {
                            "name": label,
                            "account_id": account.id,
                            "debit": line_debit,
                            "credit": line_credit,
                            "analytic_distribution": distribution,
                        }
                    )
                )
        return {
            "move_type": "entry",
            "date": self.date_to,
            "ref": self.name,
            "journal_id": self.journal_id.id,
            "company_id": self.company_id.id,
            "line_ids": lines,
        }

    def _check_manager(self):
        if not self.env.user.has_group(MANAGER_GROUP) and not self.env.su:
            raise AccessError(
                self.env._(
                    "Only a Conciergerie manager can post or cancel a valuation."
                )
            )

    def _check_postable(self):
        self.ensure_one()
        if not (self.expense_account_id and self.income_account_id):
            raise UserError(
                self.env._(
                    "Choose the accounts of volunteer time (864 and 875) in the "
                    "Conciergerie settings before posting the valuation."
                )
            )
        if not self.journal_id:
            raise UserError(
                self.env._(
                    "Choose a miscellaneous journal for the valuation of "
                    "volunteer time in the Conciergerie settings."
                )
            )
        if not self.line_ids or self.currency_id.is_zero(
            sum(abs(amount) for _t, _h, amount in self._summary_by_mission_type())
        ):
            raise UserError(
                self.env._(
                    "There is no volunteer time to value from %(date_from)s to "
                    "%(date_to)s.",
                    date_from=self.date_from,
                    date_to=self.date_to,
                )
            )

    @transition
    def action_post(self):
        """Post draft valuations; posted ones are left as they are."""
        self._check_manager()
        drafts = self.filtered(lambda v: v.state == "draft")
        # every valuation is checked before the first entry is written: a
        # refused one leaves no journal entry of the others behind
        for valuation in drafts:
            valuation.action_compute()
            valuation._check_postable()
        for valuation in drafts:
            move = (
                self.env["account.move"]
                .sudo()
                .with_company(valuation.company_id)
                .create(valuation._prepare_move_vals())
            )
            move.action_post()
            valuation.write({"state": "posted", "move_id": move.id})
        return True

    @transition
    def action_cancel(self):
        """Cancel valuations; the entry of a posted one is reversed."""
        self._check_manager()
        for valuation in self.filtered(lambda v: v.state != "cancelled"):
            vals = {"state": "cancelled"}
            if valuation.move_id:
                reversal = valuation.move_id.sudo()._reverse_moves(
                    [
                        {
                            "ref": self.env._(
                                "Cancellation: %(name)s", name=valuation.name
                            ),
                            "date": fields.Date.context_today(valuation),
                        }
                    ]
                )
                reversal.action_post()
                vals["reversal_move_id"] = reversal.id
            valuation.write(vals)
        return True

    @api.model
    def _post_period(self, date_from, date_to, company=None):
        """Value the period once: post its valuation, or return the posted one."""
        company = company or self.env.company
        valuation = self.search(
            [
                ("company_id", "=", company.id),
                ("state", "!=", "cancelled"),
                ("date_from", "=", date_from),
                ("date_to", "=", date_to),
            ],
            limit=1,
        )
        if not valuation:
            valuation = self.create(
                {"company_id": company.id, "date_from": date_from, "date_to": date_to}
            )
        valuation.action_post()
        return valuation

    def action_view_move(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": self.move_id.id,
            "view_mode": "form",
        }
