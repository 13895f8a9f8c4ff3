# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models

FEE_KINDS = ("fixed", "employee")


class ConciergeIndicatorValue(models.Model):
    _inherit = "concierge.indicator.value"

    def _b2b_site_domain(self, sites, field="concierge_site_id"):
        """Contracts of the current company; with ``sites``, those of these
        sites only (without, those attached to no site count too, key
        False)."""
        domain = [("company_id", "=", self.env.company.id)]
        if sites:
            domain.append((field, "in", sites.ids))
        return domain

    def _b2b_live_fee_lines_domain(self, date_from, date_to, sites, kinds=FEE_KINDS):
        """Fee lines of company contracts billed for a period overlapping
        the month, on invoices that stand (not cancelled, not reversed)."""
        return [
            ("contract_line_id.concierge_b2b_kind", "in", kinds),
            ("move_id.move_type", "=", "out_invoice"),
            ("parent_state", "!=", "cancel"),
            ("move_id.payment_state", "!=", "reversed"),
            ("concierge_period_start", "<=", date_to),
            ("concierge_period_end", ">=", date_from),
            *self._b2b_site_domain(
                sites, "contract_line_id.contract_id.concierge_site_id"
            ),
            ("company_id", "=", self.env.company.id),
        ]

    def _indicator_b2b_companies(self, date_from, date_to, sites):
        """Distinct client companies with a company contract running in the
        period; one with contracts at two sites counts once in the total."""
        return self._read_group_per_site(
            self.env["contract.contract"],
            "commercial_partner_id:count_distinct",
            date_from,
            date_to,
            sites,
            total=True,
            # running in the period: the contract's dates overlap it
            date_field=None,
            site_field="concierge_site_id",
            additional_domain=[
                ("concierge_plan_id", "!=", False),
                ("date_start", "<=", date_to),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", date_from),
            ],
        )

    def _indicator_b2b_employees(self, date_from, date_to, sites):
        """Employees covered: per contract, the largest headcount invoiced
        for a period overlapping the period asked (fixed fee lines carry the
        headcount of their period), so that the employees of a contract
        invoiced every month count once in a quarter or a year."""
        groups = self.env["account.move.line"]._read_group(
            self._b2b_live_fee_lines_domain(
                date_from, date_to, sites, kinds=("fixed",)
            ),
            ["contract_line_id"],
            ["concierge_headcount:max"],
        )
        by_contract = {}
        for line, count in groups:
            contract = line.contract_id
            by_contract[contract] = max(by_contract.get(contract, 0), count or 0)
        result = {}
        for contract, count in by_contract.items():
            key = contract.concierge_site_id.id or False
            result[key] = result.get(key, 0) + count
        return result

    def _indicator_b2b_recurring_revenue(self, date_from, date_to, sites):
        """Subscription fees for the month: each invoiced period is spread
        over its days, so a quarter gives each of its months its share."""
        domain = self._b2b_live_fee_lines_domain(date_from, date_to, sites)
        domain.append(("parent_state", "=", "posted"))
        groups = self.env["account.move.line"]._read_group(
            domain,
            [
                "contract_line_id",
                "concierge_period_start:day",
                "concierge_period_end:day",
            ],
            ["price_subtotal:sum"],
        )
        result = {}
        for line, start, end, amount in groups:
            days = (end - start).days + 1
            inside = (min(end, date_to) - max(start, date_from)).days + 1
            key = line.contract_id.concierge_site_id.id or False
            result[key] = result.get(key, 0.0) + amount * inside / days
        return result

    def _indicator_b2b_fixed_share(self, date_from, date_to, sites):
        """Share (%) of company subscription fees in the revenue invoiced in
        the month (customer invoices less credit notes), for the company:
        revenue is not split by site."""
        groups = self.env["account.move.line"]._read_group(
            [
                ("move_id.move_type", "in", ("out_invoice", "out_refund")),
                ("parent_state", "=", "posted"),
                ("display_type", "=", "product"),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
                ("company_id", "=", self.env.company.id),
            ],
            ["contract_line_id"],
            ["balance:sum"],
        )
        total = -sum(balance for __, balance in groups)
        fees = -sum(
            balance for line, balance in groups if line.concierge_b2b_kind in FEE_KINDS
        )
        if not total:
            return {"total": 0.0}
        return {"total": round(100.0 * fees / total, 2)}

    def _indicator_funding_mix_subscriptions(self, date_from, date_to, sites):
        """Company subscriptions in the funding mix of the month."""
        return self._funding_mix_source_results(
            "subscriptions", date_from, date_to, sites
        )
