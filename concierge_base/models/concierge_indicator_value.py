# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import contextvars
import logging
from contextlib import contextmanager
from datetime import datetime, time

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools import date_utils

from ..utils import create_money_key, refuse_duplicate

_logger = logging.getLogger(__name__)

# one value per indicator, month, scope, site (none: 0) and company: the
# database refuses a second one even when two runs compute the same month
VALUE_KEY = "concierge_indicator_value_scope_unique_idx"

# The funding mix of a month, read once for all the indicators of one
# recomputation (the six sources and the two shares), then forgotten.
_MIX_MEMO = contextvars.ContextVar("concierge_funding_mix_memo", default=None)


@contextmanager
def funding_mix_memo():
    """Within the block, the funding mix of a period (of the company, of
    some sites, per site) is read once, whatever the number of indicators
    that need it: a recomputation, a test phase's criteria, the figures of
    a period. Nested blocks share the outer one's memo."""
    if _MIX_MEMO.get() is not None:
        yield
        return
    token = _MIX_MEMO.set({})
    try:
        yield
    finally:
        _MIX_MEMO.reset(token)


class ConciergeIndicatorValue(models.Model):
    """The value of an indicator for one month: for a site, for the records
    attached to no site, or for the whole conciergerie.

    **Registering an indicator** (in any addon of the suite): declare it in
    data, ``<record id="indicator_<code>" model="concierge.indicator">`` with
    ``code``, ``name``, ``unit``, ``module``, ``computation`` (``computed`` or
    ``manual``) and ``aggregation`` (``sum``, ``avg``, ``distinct`` or
    ``last``: how a quarter, a year or a test phase is made from months);
    for a computed one, add to this model::

        def _indicator_<code>(self, date_from, date_to, sites):
            # return {site_id: value, False: value, "total": value} for the
            # records of [date_from, date_to] (dates, a month or longer) in
            # self.env.company:
            # - ``sites`` empty: every record of the company, those attached
            #   to no site under the key False; ``sites`` given: only the
            #   records of these sites (no key False);
            # - "total": the figure of all these records together. It may be
            #   left out when it is the sum of the other values; it must be
            #   given for averages, shares and distinct counts (a person
            #   served at two sites counts once in the total), and alone for
            #   an indicator kept for the whole company only;
            # - one _read_group or query per key kind, none per site
            #   (_read_group_per_site does it, as digest's
            #   _calculate_company_based_kpi does for its KPIs).

    The model looks the method up by the indicator's code: its other methods
    never start with ``_indicator_``.

    ``_recompute_period(period, indicators=None)`` stores the result for the
    current company: one value per (indicator, period, scope, site), scope
    ``site``, ``no_site`` (key False) or ``company`` ("total"); updated in
    place when it exists, so running it twice changes nothing more. Values
    that the method no longer returns are removed. Manual indicators are
    never touched by a recomputation. An indicator whose aggregation is
    ``distinct`` is computed again by its method over a longer period
    (``concierge.indicator._aggregate``): its monthly values are never added
    up.
    """

    _name = "concierge.indicator.value"
    _description = "Conciergerie indicator value"
    _order = "period desc, indicator_id, site_id"
    _check_company_auto = True

    indicator_id = fields.Many2one(
        "concierge.indicator", required=True, index=True, ondelete="cascade"
    )
    code = fields.Char(related="indicator_id.code")
    unit = fields.Char(related="indicator_id.unit")
    period = fields.Date(
        required=True,
        index=True,
        default=lambda self: self._period_start(fields.Date.context_today(self)),
        help="First day of the month the value is for.",
    )
    site_id = fields.Many2one(
        "concierge.site",
        index=True,
        check_company=True,
        ondelete="cascade",
        help="Empty for a value of the whole conciergerie, or of the records "
        "attached to no site.",
    )
    scope = fields.Selection(
        [
            ("company", "Whole conciergerie"),
            ("site", "Site"),
            ("no_site", "No site"),
        ],
        compute="_compute_scope",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        index=True,
        help="Site: the value of one site. No site: the records attached to "
        "no site (e.g. a request received by email from a new sender). Whole "
        "conciergerie: the figure of the company, records without a site "
        "included; for a distinct count it is less than the sum of the "
        "sites when a person is counted at several sites.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    value = fields.Float(aggregator="sum", digits=(16, 2))
    source = fields.Selection(
        [("computed", "Computed"), ("manual", "Entered manually")],
        required=True,
        default="manual",
        readonly=True,
    )
    computed_at = fields.Datetime(readonly=True)
    note = fields.Char()

    def init(self):
        # one value per indicator, month, scope, site (or none) and company;
        # the index of version 18.0.1.0.0 had no scope
        self._cr.execute("DROP INDEX IF EXISTS concierge_indicator_value_unique_idx")
        create_money_key(
            self._cr,
            VALUE_KEY,
            self._table,
            ["indicator_id", "period", "company_id", "scope", "COALESCE(site_id, 0)"],
        )

    @api.depends("site_id")
    def _compute_scope(self):
        for value in self:
            if value.site_id:
                value.scope = "site"
            elif value.scope != "no_site":
                value.scope = "company"

    @api.depends("indicator_id", "period", "site_id", "scope")
    def _compute_display_name(self):
        no_site = self.env._("No site")
        for value in self:
            parts = [
                value.indicator_id.name or "",
                (value.period and value.period.strftime("%m/%Y")) or "",
            ]
            if value.site_id:
                parts.append(value.site_id.name)
            elif value.scope == "no_site":
                parts.append(no_site)
            value.display_name = " - ".join(p for p in parts if p)

    # ------------------------------------------------------------------
    # periods
    # ------------------------------------------------------------------
    @api.model
    def _period_start(self, day):
        return date_utils.start_of(fields.Date.to_date(day), "month")

    @api.model
    def _period_end(self, day):
        return date_utils.end_of(fields.Date.to_date(day), "month")

    @api.model
    def _normalize_vals(self, vals):
        if vals.get("period"):
            vals["period"] = self._period_start(vals["period"])
        if vals.get("site_id") and not vals.get("company_id"):
            vals["company_id"] = (
                self.env["concierge.site"].browse(vals["site_id"]).company_id.id
            )
        return vals

    # ------------------------------------------------------------------
    # CRUD and constraints
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        defaults = self.default_get(["period", "company_id"])
        keys = []
        for vals in vals_list:
            self._normalize_vals(vals)
            keys.append(self._vals_key({**defaults, **vals}))
        self.browse()._check_no_duplicate(keys)
        values = super().create(vals_list)
        if not self.env.context.get("concierge_indicator_recompute"):
            self.env["concierge.test.phase"]._refresh_for_values(values)
        return values

    def write(self, vals):
        if (
            {"value", "indicator_id", "period", "site_id", "scope"} & set(vals)
            and not self.env.context.get("concierge_indicator_recompute")
            and any(v.source == "computed" for v in self)
        ):
            raise UserError(
                self.env._(
                    "A computed indicator value cannot be edited: recompute the "
                    "month instead (Reporting > Recompute indicators)."
                )
            )
        vals = self._normalize_vals(dict(vals))
        if {"indicator_id", "period", "site_id", "scope", "company_id"} & set(vals):
            self._check_no_duplicate([self._vals_key(vals, v) for v in self])
        result = super().write(vals)
        if {"value", "indicator_id", "period", "site_id", "scope"} & set(
            vals
        ) and not self.env.context.get("concierge_indicator_recompute"):
            self.env["concierge.test.phase"]._refresh_for_values(self)
        return result

    def unlink(self):
        phases = self.env["concierge.test.phase"]
        if not self.env.context.get("concierge_indicator_recompute"):
            phases = phases.search(
                [
                    ("state", "!=", "done"),
                    ("criterion_ids.indicator_id", "in", self.indicator_id.ids),
                ]
            )
        result = super().unlink()
        phases._refresh_verdict()
        return result

    @api.constrains("site_id", "scope")
    def _check_scope(self):
        for value in self:
            if bool(value.site_id) != (value.scope == "site"):
                raise ValidationError(
                    self.env._(
                        "The value of %(name)s is for a site only when a site "
                        "is given: choose the site, or the whole conciergerie "
                        "or the records without a site.",
                        name=value.indicator_id.name,
                    )
                )

    @api.constrains("indicator_id", "source")
    def _check_manual_indicator(self):
        for value in self:
            if (
                value.source == "manual"
                and value.indicator_id.computation == "computed"
            ):
                raise ValidationError(
                    self.env._(
                        "Indicator %(name)s is computed by the software: its "
                        "values cannot be entered by hand.",
                        name=value.indicator_id.name,
                    )
                )

    def _check_no_duplicate(self, keys):
        """Refuse a second value for one (indicator, month, site, company).

        ``keys`` are (indicator_id, period, site_id or False, company_id,
        scope) about to be stored on ``self`` (empty when creating). Checked before
        writing, so the user reads this message rather than the database's.
        """
        if len(set(keys)) != len(keys):
            duplicate = next(k for k in keys if keys.count(k) > 1)
        else:
            others = self.search(
                [
                    ("indicator_id", "in", list({k[0] for k in keys})),
                    ("period", "in", list({k[1] for k in keys})),
                    ("company_id", "in", list({k[3] for k in keys})),
                    ("id", "not in", self.ids),
                ]
            )
            taken = {
                (
                    v.indicator_id.id,
                    v.period,
                    v.site_id.id or False,
                    v.company_id.id,
                    v.scope,
                )
                for v in others.sudo()
            }
            duplicate = next((k for k in keys if k in taken), None)
        if duplicate:
            indicator = self.env["concierge.indicator"].browse(duplicate[0])
            site = self.env["concierge.site"].browse(duplicate[2])
            if site:
                where = " (%s)" % site.sudo().name
            elif duplicate[4] == "no_site":
                where = " (%s)" % self.env._("No site")
            else:
                where = ""
            raise ValidationError(
                self.env._(
                    "Indicator %(name)s already has a value for %(period)s"
                    "%(site)s: change that value instead of adding another.",
                    name=indicator.sudo().name,
                    period=duplicate[1].strftime("%m/%Y"),
                    site=where,
                )
            )

    @api.model
    def _vals_key(self, vals, record=None):
        def get(fname):
            if fname in vals:
                return vals[fname]
            value = record[fname] if record else False
            return value.id if isinstance(value, models.BaseModel) else value

        site_id = get("site_id") or False
        scope = vals.get("scope") or (
            "site"
            if site_id
            else (record.scope if record and record.scope != "site" else "company")
        )
        return (
            get("indicator_id"),
            fields.Date.to_date(get("period")),
            site_id,
            get("company_id"),
            scope,
        )

    # ------------------------------------------------------------------
    # computation
    # ------------------------------------------------------------------
    @api.model
    def _sites_or_all(self, sites):
        """All the sites of the current company when ``sites`` is empty.

        Not for restricting a computation: with no site asked for, an
        indicator counts every record of the company, those attached to no
        site included."""
        if sites:
            return sites
        return (
            self.env["concierge.site"]
            .with_context(active_test=False)
            .search([("company_id", "=", self.env.company.id)])
        )

    @api.model
    def _per_site_domain(
        self,
        model,
        date_from,
        date_to,
        sites,
        date_field="date",
        company_field="company_id",
        site_field="site_id",
        additional_domain=None,
    ):
        """The records of ``model`` an indicator counts: those of the
        current company (``company_field``; None when ``additional_domain``
        says which), whose ``date_field`` falls in [date_from, date_to] (the
        whole days for a datetime; None when ``additional_domain`` holds the
        dates), of ``sites`` when given."""
        domain = []
        if company_field:
            domain.append((company_field, "=", self.env.company.id))
        if date_field:
            start, end = date_from, date_to
            if model._fields[date_field].type == "datetime":
                start = datetime.combine(date_from, time.min)
                end = datetime.combine(date_to, time.max)
            domain += [(date_field, ">=", start), (date_field, "<=", end)]
        if additional_domain:
            domain = expression.AND([domain, additional_domain])
        if sites:
            domain = expression.AND([domain, [(site_field, "in", sites.ids)]])
        return domain

    @api.model
    def _read_group_per_site(
        self, model, aggregate, date_from, date_to, sites, total=False, **domain_args
    ):
        """The result of an indicator counted on ``model`` (a recordset),
        as digest's ``_calculate_company_based_kpi`` does for its KPIs:
        {site_id or False: value, "total": value} from one grouped query per
        site, and one more for the total when ``total`` (distinct counts,
        averages). ``aggregate`` is a ``_read_group`` aggregate
        (``"__count"``, ``"hours:sum"``, ``"partner_id:count_distinct"``);
        ``domain_args`` go to ``_per_site_domain`` (``date_field``,
        ``company_field``, ``site_field``, ``additional_domain``)."""
        site_field = domain_args.get("site_field", "site_id")
        domain = self._per_site_domain(model, date_from, date_to, sites, **domain_args)
        groups = model._read_group(domain, [site_field], [aggregate])
        results = {site.id or False: value for site, value in groups}
        if total and results:
            [(results["total"],)] = model._read_group(domain, [], [aggregate])
        return results

    @api.model
    def _evaluate_indicator(self, indicator, date_from, date_to, sites):
        """Call the method of a computed indicator: {site_id or False: value,
        "total": value} (see the model's docstring)."""
        method = getattr(self, indicator._method_name())
        results = method(date_from, date_to, sites) or {}
        normalized = {}
        for key, value in results.items():
            if key == "total":
                normalized["total"] = float(value or 0.0)
                continue
            site_id = key.id if isinstance(key, models.BaseModel) else (key or False)
            normalized[site_id] = float(value or 0.0)
        return normalized

    @api.model
    def _results_total(self, results):
        """The figure of the whole result: its "total", else the sum of its
        values, or None when it is empty."""
        if "total" in results:
            return results["total"]
        if not results:
            return None
        return sum(results.values())

    @api.model
    def _scoped_results(self, results):
        """{(scope, site_id or False): value} of a normalized result: one value
        per site, one for the records without a site, one for the company."""
        scoped = {}
        for key, value in results.items():
            if key == "total":
                continue
            scoped[("site", key) if key else ("no_site", False)] = value
        total = self._results_total(results)
        if total is not None:
            scoped[("company", False)] = total
        return scoped

    @api.model
    def _recompute_period(self, period, indicators=None):
        """(Re)compute the computed indicators for the month of ``period``
        in the current company; idempotent. Returns the values."""
        date_from = self._period_start(period)
        date_to = self._period_end(period)
        company = self.env.company
        if indicators is None:
            indicators = self.env["concierge.indicator"].search(
                [("computation", "=", "computed")]
            )
        indicators = indicators.filtered(lambda i: i.computation == "computed")
        # no site asked for: every record, with or without a site
        sites = self.env["concierge.site"]
        existing = self.search(
            [
                ("indicator_id", "in", indicators.ids),
                ("period", "=", date_from),
                ("company_id", "=", company.id),
            ]
        )
        by_key = {
            (v.indicator_id.id, v.scope, v.site_id.id or False): v for v in existing
        }
        now = fields.Datetime.now()
        to_create = []
        kept = self.browse()
        writer = self.with_context(concierge_indicator_recompute=True)
        with funding_mix_memo():
            computed = [
                (
                    indicator,
                    self._scoped_results(
                        self._evaluate_indicator(indicator, date_from, date_to, sites)
                    ),
                )
                for indicator in indicators
            ]
        for indicator, results in computed:
            for (scope, site_id), amount in results.items():
                current = by_key.get((indicator.id, scope, site_id))
                if current:
                    kept |= current
                    if tools.float_compare(current.value, amount, 2):
                        writer.browse(current.id).write({"value": amount})
                else:
                    to_create.append(
                        {
                            "indicator_id": indicator.id,
                            "period": date_from,
                            "site_id": site_id,
                            "scope": scope,
                            "company_id": company.id,
                            "value": amount,
                            "source": "computed",
                            "computed_at": now,
                        }
                    )
        writer.browse((existing - kept).ids).unlink()
        kept.write({"computed_at": now})
        return kept | writer._create_values(to_create)

    def _create_values(self, vals_list):
        """Create computed values. The database holds one value per key
        (``VALUE_KEY``): when another run computed the same month at the
        same time, this run is refused with a message, nothing half
        written."""
        if not vals_list:
            return self.browse()
        # the values are inserted by ``create``: no flush needed around
        with refuse_duplicate(
            self.env.cr,
            VALUE_KEY,
            self.env._(
                "The indicators of this month were computed by another run "
                "at the same time; nothing is counted twice. Reload the page."
            ),
            flush=False,
        ):
            return self.create(vals_list)

    @api.model
    def _recompute_periods(self, periods, indicators=None, companies=None):
        """Recompute several months for several companies, then bring the
        verdicts of their running test phases up to date."""
        values = self.browse()
        companies = companies or self.env.companies
        for company in companies:
            for period in periods:
                values |= self.with_company(company)._recompute_period(
                    period, indicators=indicators
                )
        self.env["concierge.test.phase"]._refresh_running(companies)
        return values

    @api.model
    def _cron_recompute_indicators(self):
        """Daily: this month so far, for every company, so that the
        dashboards show today's figures; and, once a month is over, that
        month one last time (invoices posted after its end included) with an
        evaluation kept in the history of each running test phase. Running
        it twice a day changes nothing more. Returns True."""
        current = self._period_start(fields.Date.today())
        previous = current - relativedelta(months=1)
        companies = self.env["res.company"].search([("active", "=", True)])
        ICP = self.env["ir.config_parameter"].sudo()
        closed = ICP.get_param("concierge_base.indicators_closed_month")
        close = not closed or fields.Date.to_date(closed) < previous
        periods = [previous, current] if close else [current]
        self._recompute_periods(periods, companies=companies)
        if close:
            self.env["concierge.test.phase"]._cron_evaluate_running(companies)
            ICP.set_param(
                "concierge_base.indicators_closed_month",
                fields.Date.to_string(previous),
            )
        _logger.info(
            "Indicators recomputed for %s in %d companies",
            ", ".join(str(period) for period in periods),
            len(companies),
        )
        return True

    # ------------------------------------------------------------------
    # indicators of concierge_base
    # ------------------------------------------------------------------
    def _indicator_beneficiaries(self, date_from, date_to, sites):
        """Beneficiaries registered at the end of the month, per home site;
        those without a home site under no site."""
        return self._read_group_per_site(
            self.env["res.partner"],
            "__count",
            date_from,
            date_to,
            sites,
            # shared partners count too; registered by the end of the month
            date_field=None,
            company_field=None,
            site_field="concierge_site_id",
            additional_domain=[
                ("concierge_beneficiary_type", "!=", False),
                "|",
                ("company_id", "=", False),
                ("company_id", "=", self.env.company.id),
                "|",
                ("concierge_site_id", "=", False),
                ("concierge_site_id.company_id", "=", self.env.company.id),
                ("create_date", "<", date_to + relativedelta(days=1)),
            ],
        )

    def _funding_mix_of(self, date_from, date_to, sites=None):
        """The funding mix of the range ({category: amount}): of ``sites``
        together, or of the whole company; read once per recomputation."""
        return self._funding_mix_memo(
            (
                "mix",
                self.env.company.id,
                date_from,
                date_to,
                tuple(sites.ids if sites else ()),
            ),
            lambda: self.env["concierge.funding.mix.compute"]._get_mix_totals(
                date_from, date_to, sites or None
            ),
        )

    def _funding_mix_memo(self, key, compute):
        memo = _MIX_MEMO.get()
        if memo is None:
            return compute()
        if key not in memo:
            memo[key] = compute()
        return memo[key]

    def _funding_mix_per_site(self, date_from, date_to, sites):
        """{site id: {source: amount}} of ``sites`` (every site of the
        company when empty), read once per recomputation."""
        return self._funding_mix_memo(
            (
                "per_site",
                self.env.company.id,
                date_from,
                date_to,
                tuple(sites.ids) if sites else "all",
            ),
            lambda: self.env["concierge.funding.mix.compute"]._get_mix_totals_per_site(
                date_from, date_to, self._sites_or_all(sites)
            ),
        )

    def _funding_mix_without_site(self, date_from, date_to):
        """{source: amount} of the revenue and grants of no site: the
        company's funding mix less the parts of its sites."""
        per_site = self._funding_mix_per_site(date_from, date_to, None)
        return {
            source: amount - sum(totals[source] for totals in per_site.values())
            for source, amount in self._funding_mix_of(date_from, date_to).items()
        }

    def _funding_mix_source_results(self, source, date_from, date_to, sites):
        """The amounts of one source of the funding mix (the indicators
        ``funding_mix_<source>``): for each site (its analytic account; the
        grants of its agreements, shared between their sites), for the
        revenue and grants of no site (key False), and for the company."""
        currency = self.env.company.currency_id
        results = {
            site_id: totals[source]
            for site_id, totals in self._funding_mix_per_site(
                date_from, date_to, sites
            ).items()
            if not currency.is_zero(totals[source])
        }
        if not sites:
            rest = self._funding_mix_without_site(date_from, date_to)[source]
            if not currency.is_zero(rest):
                results[False] = rest
        total = self._funding_mix_of(date_from, date_to, sites)[source]
        if results or not currency.is_zero(total):
            results["total"] = total
        return results

    def _indicator_funding_mix_market_sales(self, date_from, date_to, sites):
        """Market sales of the month (desk, shop, services sold)."""
        return self._funding_mix_source_results(
            "market_sales", date_from, date_to, sites
        )

    def _indicator_funding_mix_public_grants(self, date_from, date_to, sites):
        """Public grants received during the month."""
        return self._funding_mix_source_results(
            "public_grants", date_from, date_to, sites
        )

    def _indicator_funding_mix_private_grants(self, date_from, date_to, sites):
        """Private grants and sponsorship received during the month."""
        return self._funding_mix_source_results(
            "private_grants", date_from, date_to, sites
        )

    def _funding_share(self, totals, source):
        """``source`` in % of a funding mix ({source: amount}); None when
        the mix has no revenue, or less than none (credit notes of earlier
        sales larger than the period's sales): a share of a negative total
        means nothing."""
        total = self.env.company.currency_id.round(sum(totals.values()))
        if total <= 0:
            return None
        return 100.0 * totals[source] / total

    def _funding_share_results(self, source, date_from, date_to, sites):
        """The share of one source in the funding mix of the period: for
        each site (its own revenue and grants), for what belongs to no site
        (key False), and for the whole (the company, or ``sites``
        together)."""
        results = {}
        for site_id, totals in self._funding_mix_per_site(
            date_from, date_to, sites
        ).items():
            share = self._funding_share(totals, source)
            if share is not None:
                results[site_id] = share
        if not sites:
            share = self._funding_share(
                self._funding_mix_without_site(date_from, date_to), source
            )
            if share is not None:
                results[False] = share
        share = self._funding_share(
            self._funding_mix_of(date_from, date_to, sites), source
        )
        if share is not None:
            results["total"] = share
        return results

    def _indicator_public_funding_share(self, date_from, date_to, sites):
        """Public grants received, in % of the revenue and grants of the
        period, per site and for the whole conciergerie."""
        return self._funding_share_results("public_grants", date_from, date_to, sites)

    def _indicator_private_funding_share(self, date_from, date_to, sites):
        """Private grants and sponsorship received, in % of the revenue and
        grants of the period, per site and for the whole conciergerie."""
        return self._funding_share_results("private_grants", date_from, date_to, sites)

    def _indicator_funding_received_rate(self, date_from, date_to, sites):
        """Money received by the end of the month, in % of the installments
        due by then (signed and closed agreements)."""
        installments = self.env["concierge.funding.installment"].search(
            [
                ("company_id", "=", self.env.company.id),
                ("agreement_state", "in", ("signed", "closed")),
                ("date_due", "<=", date_to),
            ]
        )
        expected = sum(installments.mapped("amount_expected"))
        if not self.env.company.currency_id.round(expected):
            return {}
        received = sum(
            amount
            for _installment, day, amount in installments._get_receipts()
            if day and day <= date_to
        )
        return {"total": 100.0 * received / expected}

    def _indicator_active_agreements(self, date_from, date_to, sites):
        """Signed or closed agreements running during the month (or the
        longer period asked), for the whole conciergerie."""
        count = self.env["concierge.funding.agreement"].search_count(
            [
                ("company_id", "=", self.env.company.id),
                ("state", "in", ("signed", "closed")),
                "|",
                ("date_start", "=", False),
                ("date_start", "<=", date_to),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", date_from),
            ]
        )
        return {"total": count} if count else {}
