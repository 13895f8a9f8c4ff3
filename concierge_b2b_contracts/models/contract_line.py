# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from dateutil.relativedelta import relativedelta

from odoo import fields, models


class ContractLine(models.Model):
    _inherit = "contract.line"

    concierge_b2b_kind = fields.Selection(
        [("fixed", "Fixed fee"), ("employee", "Employee fee")],
        string="Company plan fee",
        copy=True,
        help="Fixed fee: prorated when the contract starts or ends within a "
        "period. Employee fee: the headcount of the period times the fee per "
        "employee, or the fee of the matching headcount band; prorated too.",
    )

    # ------------------------------------------------------------------
    # invoicing
    # ------------------------------------------------------------------
    def _concierge_prorata(self, first_date, last_date):
        """Share of a full period covered by [first_date, last_date].

        A period cut by the end of the line is compared with the full period
        starting on its first day; a period cut by a start in the middle of a
        month (months ending on their last day) with the full period ending
        on its last day.
        """
        self.ensure_one()
        if not first_date or not last_date or last_date < first_date:
            return 0.0
        delta = self.get_relative_delta(
            "monthly"
            if self.recurring_rule_type == "monthlylastday"
            else self.recurring_rule_type,
            self.recurring_interval or 1,
        )
        one_day = relativedelta(days=1)
        days = (last_date - first_date).days + 1
        from_start = (first_date + delta - one_day - first_date).days + 1
        if days >= from_start:
            return 1.0
        if self.date_end and last_date == self.date_end:
            return days / from_start
        to_end = (last_date - (last_date + one_day - delta)).days + 1
        return min(1.0, days / to_end)

    def _concierge_b2b_invoice_line_values(self, first_date, last_date):
        """Quantity, unit price and label of a plan fee for one period."""
        self.ensure_one()
        contract = self.contract_id
        currency = contract.currency_id or contract.company_id.currency_id
        ratio = self._concierge_prorata(first_date, last_date)
        values = {
            "quantity": 1.0,
            "price_unit": currency.round(self.price_unit * ratio),
        }
        suffix = []
        if ratio < 1.0:
            suffix.append(
                self.env._("prorated %(percent)s %%", percent=round(ratio * 100, 2))
            )
        if self.concierge_b2b_kind == "employee":
            headcount = contract.concierge_employee_count
            band = contract.concierge_plan_id._get_band(headcount)
            if band:
                values["price_unit"] = currency.round(band.fee * ratio)
                suffix.append(
                    self.env._(
                        "%(count)s employees covered, band %(band)s",
                        count=headcount,
                        band=band.display_name,
                    )
                )
            else:
                values["quantity"] = headcount
                suffix.append(
                    self.env._("%(count)s employees covered", count=headcount)
                )
        values["concierge_headcount"] = contract.concierge_employee_count
        values["suffix"] = suffix
        return values

    def _prepare_invoice_line(self):
        vals = super()._prepare_invoice_line()
        if self.display_type:
            return vals
        first_date, last_date, __ = self._get_period_to_invoice(
            self.last_date_invoiced, self.recurring_next_date
        )
        vals["concierge_period_start"] = first_date
        vals["concierge_period_end"] = last_date
        site = self.contract_id.concierge_site_id
        if site and not vals.get("analytic_distribution"):
            # the subscription counts for the desk's site in the funding mix
            vals["analytic_distribution"] = site._concierge_analytic_distribution()
        if self.concierge_b2b_kind and self.contract_id.concierge_plan_id:
            b2b = self._concierge_b2b_invoice_line_values(first_date, last_date)
            suffix = b2b.pop("suffix")
            vals.update(b2b)
            if suffix:
                vals["name"] = "{} ({})".format(vals["name"], ", ".join(suffix))
        return vals

    # ------------------------------------------------------------------
    # guard against billing a period twice
    # ------------------------------------------------------------------
    def _concierge_billed_period_ends(self):
        """Last day already billed per line, on invoices that still stand.

        Cancelled invoices and invoices fully reversed by a credit note do
        not count: their period may be invoiced again. One query.
        """
        if not self:
            return {}
        groups = self.env["account.move.line"]._read_group(
            [
                ("contract_line_id", "in", self.ids),
                ("concierge_period_end", "!=", False),
                ("parent_state", "!=", "cancel"),
                ("move_id.move_type", "in", ("out_invoice", "in_invoice")),
                ("move_id.payment_state", "!=", "reversed"),
            ],
            ["contract_line_id"],
            ["concierge_period_end:max"],
        )
        return {line.id: period_end for line, period_end in groups}

    def _concierge_release_reversed_periods(self):
        """Free the periods of invoices fully reversed by a credit note, so
        that the database key of the periods billed lets them be billed
        again (cancelled invoices free theirs by their state). One query
        when there is nothing to release."""
        if not self:
            return self.env["account.move.line"]
        released = (
            self.env["account.move.line"]
            .sudo()
            .search(
                [
                    ("contract_line_id", "in", self.ids),
                    ("concierge_period_start", "!=", False),
                    ("concierge_period_released", "=", False),
                    ("parent_state", "!=", "cancel"),
                    ("move_id.payment_state", "=", "reversed"),
                ]
            )
        )
        if released:
            released.write({"concierge_period_released": True})
            # in the database before the new invoice lines are inserted
            released.flush_recordset(["concierge_period_released"])
        return released

    def _concierge_expected_next_date(self, last_date_invoiced):
        """Next invoice date OCA computes after ``last_date_invoiced``."""
        self.ensure_one()
        next_start = (
            last_date_invoiced + relativedelta(days=1)
            if last_date_invoiced
            else self.date_start
        )
        if self.date_end and next_start and next_start > self.date_end:
            return False
        return self.get_next_invoice_date(
            next_start,
            self.recurring_invoicing_type,
            self.recurring_invoicing_offset,
            self.recurring_rule_type,
            self.recurring_interval,
            max_date_end=self.date_end,
        )

    def _concierge_stale_lines(self):
        """Lines whose next period was already billed, or whose next invoice
        date was left behind their last invoiced date.

        Return ``{line: last day really billed}``.
        """
        billed = self._concierge_billed_period_ends()
        stale = {}
        for line in self:
            if line.display_type or not line.recurring_next_date:
                continue
            billed_end = billed.get(line.id)
            next_start = line.next_period_date_start
            if billed_end and next_start and next_start <= billed_end:
                stale[line] = max(billed_end, line.last_date_invoiced or billed_end)
                continue
            if line.last_date_invoiced and next_start:
                __, period_end, __ = line._get_period_to_invoice(
                    line.last_date_invoiced, line.recurring_next_date
                )
                if period_end and period_end < next_start:
                    stale[line] = line.last_date_invoiced
        return stale

    def _concierge_repair_billed_periods(self):
        """Move the lines past the periods already billed, so that no caller
        of the contract invoicing bills a period twice. Return the lines."""
        stale = self._concierge_stale_lines()
        repaired = self.browse()
        for line, last_billed in stale.items():
            line.write(
                {
                    "last_date_invoiced": last_billed,
                    "recurring_next_date": line._concierge_expected_next_date(
                        last_billed
                    ),
                }
            )
            repaired |= line
        return repaired
