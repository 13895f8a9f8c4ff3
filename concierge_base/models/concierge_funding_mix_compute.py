# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from collections import defaultdict

from odoo import api, models

from .account_account import GRANT_SOURCES

# accounts whose lines may count through their product's category
INCOME_TYPES = ("income", "income_other")


class ConciergeFundingMixCompute(models.AbstractModel):
    """The funding mix of a date range (revenue by source) of the current
    company, for the funding-mix wizard and its workbook, the indicators,
    the funding reports and the funders' portal.

    The sources are the selection of ``concierge_source_category`` on
    accounts and product categories, which each addon extends with
    ``selection_add``; revenue counts from posted journal items
    (``_accounting_rows``), grants when received on the installments of the
    funding agreements (``_grant_rows``). ``_get_mix_rows`` and
    ``_get_mix_totals_per_site`` are where an addon adds a part of the mix
    that no journal item carries.
    """

    _name = "concierge.funding.mix.compute"
    _description = "Funding mix computation"

    @api.model
    def _source_categories(self):
        """[(key, label)] of the sources, in the order of the report: those
        of concierge_base and those the installed addons added."""
        return (
            self.env["account.account"]
            ._fields["concierge_source_category"]
            ._description_selection(self.env)
        )

    @api.model
    def _accounting_domain(self, date_from, date_to):
        """The journal items of the funding mix in the range (see
        ``_accounting_rows``), or None when no account or product category
        has a source."""
        company = self.env.company
        accounts, categories = self._source_accounts_and_categories()
        if not accounts and not categories:
            return None
        domain = [
            ("parent_state", "=", "posted"),
            ("company_id", "=", company.id),
            # receivables booked at signature, and their reversals: grants
            # count when received (_grant_rows)
            ("move_id.concierge_grant_accrual", "=", False),
            ("date", ">=", date_from),
            ("date", "<=", date_to),
            "|",
            ("account_id", "in", accounts.ids),
            "&",
            ("product_id.categ_id", "in", categories.ids),
            ("account_id.account_type", "in", INCOME_TYPES),
        ]
        installment_moves = (
            self.env["concierge.funding.installment"]
            .sudo()
            .search([("company_id", "=", company.id), ("move_line_ids", "!=", False)])
            .move_line_ids.move_id
        )
        if installment_moves:
            domain.append(("move_id", "not in", installment_moves.ids))
        return domain

    @api.model
    def _source_accounts_and_categories(self):
        """The company's accounts that have a source, and the product
        categories that have one or whose parent has one."""
        accounts = (
            self.env["account.account"]
            .sudo()
            .search(
                [
                    ("concierge_source_category", "!=", False),
                    ("company_ids", "in", self.env.company.ids),
                ]
            )
        )
        Category = self.env["product.category"].sudo()
        categories = Category.search([("concierge_source_category", "!=", False)])
        if categories:
            categories = Category.search([("id", "child_of", categories.ids)])
        return accounts, categories

    @api.model
    def _site_lines(self, domain, sites):
        """The journal items of ``domain`` on the analytic accounts of
        ``sites``, with what decides their source and their distribution."""
        return (
            self.env["account.move.line"]
            .sudo()
            .search_fetch(
                [
                    *domain,
                    ("analytic_distribution", "in", sites.analytic_account_id.ids),
                ],
                [
                    "balance",
                    "account_id",
                    "product_id",
                    "partner_id",
                    "analytic_distribution",
                ],
            )
        )

    @api.model
    def _accounting_rows(self, date_from, date_to, sites=None):
        """Revenue from posted entries: a list of (category, label, amount).

        A line on an income account counts under the source of its product's
        category (or the nearest parent category that has one), else under
        the source of its account; a line on any other account only under
        its account's source. Lines of neither are left out. A grant line
        counts as public or private after its partner's funder kind; the
        entries of the installments of funding agreements are left out here:
        those grants count when received (``_grant_rows``).
        """
        domain = self._accounting_domain(date_from, date_to)
        if domain is None or (sites and not sites.analytic_account_id):
            return []
        if sites:
            totals = self._site_totals(domain, sites)
        else:
            totals = self._company_totals(domain)
        return [
            (category, label, amount) for (category, label), amount in totals.items()
        ]

    @api.model
    def _company_totals(self, domain):
        """{(source, label): amount} of the journal items of ``domain`` for
        the whole conciergerie: one grouped query, the lines summed by
        account, product and partner (what decides their source)."""
        totals = defaultdict(float)
        classified = {}
        rows = (
            self.env["account.move.line"]
            .sudo()
            ._read_group(
                domain, ["account_id", "product_id", "partner_id"], ["balance:sum"]
            )
        )
        for account, product, partner, balance in rows:
            key = self._classify(account, product, partner, classified)
            if key:
                totals[key] += -balance
        return totals

    @api.model
    def _site_totals(self, domain, sites):
        """{(source, label): amount} of the journal items of ``domain`` for
        ``sites``: each line counts for the share of its analytic
        distribution that falls on the sites."""
        totals = defaultdict(float)
        classified = {}
        analytic_ids = {str(a) for a in sites.analytic_account_id.ids}
        for line in self._site_lines(domain, sites):
            key = self._classify(
                line.account_id, line.product_id, line.partner_id, classified
            )
            if not key:
                continue
            share = (
                sum(
                    percent
                    for keys, percent in (line.analytic_distribution or {}).items()
                    if analytic_ids & set(keys.split(","))
                )
                / 100.0
            )
            totals[key] += -line.balance * share
        return totals

    @api.model
    def _get_mix_totals_per_site(self, date_from, date_to, sites):
        """{site id: {category: amount}} over the range, for each of
        ``sites``, every category present: what ``_get_mix_totals`` gives for
        each site alone, in one reading of the journal items."""
        categories = [key for key, _label in self._source_categories()]
        result = {site.id: dict.fromkeys(categories, 0.0) for site in sites}
        site_of_account = {
            str(site.analytic_account_id.id): site.id
            for site in sites
            if site.analytic_account_id
        }
        domain = self._accounting_domain(date_from, date_to)
        if domain is not None and site_of_account:
            classified = {}
            for line in self._site_lines(domain, sites):
                key = self._classify(
                    line.account_id, line.product_id, line.partner_id, classified
                )
                if not key:
                    continue
                for keys, percent in (line.analytic_distribution or {}).items():
                    for site_id in {
                        site_of_account[account]
                        for account in keys.split(",")
                        if account in site_of_account
                    }:
                        result[site_id][key[0]] += -line.balance * percent / 100.0
        for installment, day, amount in self._grant_receipts():
            agreement = installment.agreement_id
            if not day or not date_from <= day <= date_to or not agreement.site_ids:
                continue
            category = self._grant_category(agreement)
            share = amount / len(agreement.site_ids)
            for site in agreement.site_ids & sites:
                result[site.id][category] += share
        return result

    @api.model
    def _classify(self, account, product, partner, cache):
        """(source, label) of a journal item of ``account``, ``product`` and
        ``partner``, or None when it counts in no source; ``cache`` keeps
        the answers of one computation."""
        cache_key = (account.id, product.categ_id.id, partner.id)
        if cache_key in cache:
            return cache[cache_key]
        category = False
        label = account.display_name
        if account.account_type in INCOME_TYPES:
            categ = product.categ_id
            while categ and not categ.concierge_source_category:
                categ = categ.parent_id
            category = categ.concierge_source_category
            label = categ.display_name
        if not category:
            category = account.concierge_source_category
            label = account.display_name
        result = None
        if category:
            if category in GRANT_SOURCES:
                funder = partner.commercial_partner_id
                if funder.concierge_funder_kind:
                    category = f"{funder.concierge_funder_kind}_grants"
                label = funder.display_name or label
            result = (category, label)
        cache[cache_key] = result
        return result

    @api.model
    def _grant_receipts(self):
        """(installment, day, amount) of the money received on the
        installments of the company's signed and closed agreements."""
        return (
            self.env["concierge.funding.installment"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.env.company.id),
                    ("agreement_state", "in", ("signed", "closed")),
                    ("move_line_ids", "!=", False),
                ]
            )
            ._get_receipts()
        )

    @api.model
    def _grant_category(self, agreement):
        return (
            "public_grants" if agreement.funder_kind == "public" else "private_grants"
        )

    @api.model
    def _grant_rows(self, date_from, date_to, sites=None):
        """Grants received in the range, from the installments: a list of
        (category, funder name, amount)."""
        totals = defaultdict(float)
        for installment, day, amount in self._grant_receipts():
            if not day or not date_from <= day <= date_to:
                continue
            agreement = installment.agreement_id
            share = 1.0
            if sites:
                if not agreement.site_ids:
                    continue
                share = len(agreement.site_ids & sites) / len(agreement.site_ids)
            category = self._grant_category(agreement)
            totals[(category, agreement.funder_id.display_name)] += amount * share
        return [
            (category, label, amount) for (category, label), amount in totals.items()
        ]

    @api.model
    def _get_mix_rows(self, date_from, date_to, sites=None):
        """The funding mix of the range as (source, detail, amount) rows,
        of ``sites`` or of the whole company. An addon whose source is not
        read from journal items adds its rows here, and its amounts by site
        in ``_get_mix_totals_per_site``."""
        rows = self._accounting_rows(date_from, date_to, sites)
        rows += self._grant_rows(date_from, date_to, sites)
        return [row for row in rows if self.env.company.currency_id.round(row[2])]

    @api.model
    def _get_mix_totals(self, date_from, date_to, sites=None):
        """{category: amount} over the range, every category present."""
        totals = dict.fromkeys((key for key, _label in self._source_categories()), 0.0)
        for category, _label, amount in self._get_mix_rows(date_from, date_to, sites):
            totals[category] += amount
        return totals
