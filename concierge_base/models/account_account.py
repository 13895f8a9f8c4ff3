# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models

# The sources of the funding mix that concierge_base knows itself; each addon
# adds its own with ``selection_add`` (commissions, company subscriptions,
# valued volunteer time) on account.account and product.category.
BASE_SOURCES = [
    ("market_sales", "Market sales"),
    ("public_grants", "Public grants"),
    ("private_grants", "Private grants and sponsorship"),
]
GRANT_SOURCES = ("public_grants", "private_grants")
# French chart (plan comptable général, ANC 2018-06 for associations):
# 70 sales, 74 operating grants, 7541 / 7542 / 7543 gifts, sponsorship and
# legacies of the public
GRANT_PREFIXES = (("7541", "private_grants"), ("7542", "private_grants"))
GRANT_PREFIXES += (("7543", "private_grants"), ("74", "public_grants"))


class AccountAccount(models.Model):
    _inherit = "account.account"

    concierge_source_category = fields.Selection(
        BASE_SOURCES,
        string="Funding mix source",
        help="Entries posted on this account count in the funding mix under "
        "this source (credit minus debit), unless their product's category "
        "has a source of its own. Grants of a funding agreement count when "
        "they are received, through the agreement. Leave empty for accounts "
        "that are no revenue of the conciergerie.",
    )

    @api.model
    def _concierge_default_source(self, code, account_type):
        """The source an account gets when it is created or when the suite
        is installed: grants by their French code, the other operating
        income as market sales. Addons extend it for their own accounts."""
        code = code or ""
        for prefix, source in GRANT_PREFIXES:
            if code.startswith(prefix):
                return source
        if account_type == "income" and (code.startswith("70") or code[:1] != "7"):
            return "market_sales"
        return False

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if "concierge_source_category" not in vals:
                source = self._concierge_default_source(
                    vals.get("code"), vals.get("account_type")
                )
                if source:
                    vals["concierge_source_category"] = source
        return super().create(vals_list)

    def _concierge_map_default_sources(self):
        """Give the accounts without a source, or with the generic
        "market sales" where an addon knows better, their default source."""
        by_source = {}
        for account in self:
            source = self._concierge_default_source(account.code, account.account_type)
            current = account.concierge_source_category
            if source and source != current and current in (False, "market_sales"):
                by_source.setdefault(source, self.browse())
                by_source[source] |= account
        for source, accounts in by_source.items():
            accounts.concierge_source_category = source
        return True
