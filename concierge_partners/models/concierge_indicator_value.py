# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models


class ConciergeIndicatorValue(models.Model):
    _inherit = "concierge.indicator.value"

    def _commission_line_groups(
        self, date_from, date_to, sites, aggregate, total=False
    ):
        """One grouped query on the commission lines of the period, per home
        site of the customers (two with the total). Lines of customers
        without a home site count under no site, and in the total."""
        return self._indicator_read_group(
            self.env["concierge.commission.line"],
            [
                ("company_id", "=", self.env.company.id),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
            ],
            aggregate,
            sites,
            total=total,
        )

    def _compute_indicator_local_spend(self, date_from, date_to, sites):
        """What sales bring to local providers (excl. tax): the whole sale
        when it is the provider's (referral, sale in the provider's name),
        the provider's share when the conciergerie sells in its own name."""
        return self._commission_line_groups(
            date_from, date_to, sites, "local_spend_amount:sum"
        )

    def _compute_indicator_commission_revenue(self, date_from, date_to, sites):
        """Commissions earned from local providers."""
        return self._commission_line_groups(
            date_from, date_to, sites, "commission_amount:sum"
        )

    def _compute_indicator_active_providers(self, date_from, date_to, sites):
        """Distinct providers with at least one sale in the period; one
        selling at two sites counts once in the total."""
        return self._commission_line_groups(
            date_from, date_to, sites, "provider_id:count_distinct", total=True
        )

    def _compute_indicator_funding_mix_commissions(self, date_from, date_to, sites):
        """Commissions in the funding mix of the month."""
        return self._compute_funding_mix_source(
            "commissions", date_from, date_to, sites
        )
