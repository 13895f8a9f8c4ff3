# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models


class ConciergeIndicatorValue(models.Model):
    """Indicators on the commission lines of the period, per home site of
    the customers: lines of customers without a home site count under no
    site, and in the total."""

    _inherit = "concierge.indicator.value"

    def _indicator_local_spend(self, date_from, date_to, sites):
        """What sales bring to local providers (excl. tax): the whole sale
        when it is the provider's (referral, sale in the provider's name),
        the provider's share when the conciergerie sells in its own name."""
        return self._read_group_per_site(
            self.env["concierge.commission.line"],
            "local_spend_amount:sum",
            date_from,
            date_to,
            sites,
        )

    def _indicator_commission_revenue(self, date_from, date_to, sites):
        """Commissions earned from local providers."""
        return self._read_group_per_site(
            self.env["concierge.commission.line"],
            "commission_amount:sum",
            date_from,
            date_to,
            sites,
        )

    def _indicator_active_providers(self, date_from, date_to, sites):
        """Distinct providers with at least one sale in the period; one
        selling at two sites counts once in the total."""
        return self._read_group_per_site(
            self.env["concierge.commission.line"],
            "provider_id:count_distinct",
            date_from,
            date_to,
            sites,
            total=True,
        )

    def _indicator_funding_mix_commissions(self, date_from, date_to, sites):
        """Commissions in the funding mix of the month."""
        return self._funding_mix_source_results(
            "commissions", date_from, date_to, sites
        )
