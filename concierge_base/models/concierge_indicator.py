# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

INDICATOR_CODE = re.compile(r"^[a-z][a-z0-9_]*$")

AGGREGATIONS = [
    ("sum", "Sum"),
    ("avg", "Average"),
    ("distinct", "Distinct over the period"),
    ("ratio", "Share or average over the period"),
    ("last", "Last"),
]

# computed again over the whole period by the indicator's own computation
RECOUNTED = ("distinct", "ratio")


class ConciergeIndicator(models.Model):
    """An impact or activity indicator reported to funders.

    Each addon registers its indicators as data records and computes a
    computed indicator ``<code>`` in the method
    ``concierge.indicator.value._indicator_<code>``: see that model.
    """

    _name = "concierge.indicator"
    _description = "Conciergerie indicator"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="Technical code, lowercase letters, digits and underscores. A "
        "computed indicator is computed by the method "
        "_indicator_<code> of the indicator values.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    unit = fields.Char(translate=True, help="e.g. %, €, requests, hours, FTE")
    description = fields.Text(translate=True)
    module = fields.Char(
        string="Owning module",
        default="concierge_base",
        help="Technical name of the addon that registers this indicator.",
    )
    computation = fields.Selection(
        [("computed", "Computed"), ("manual", "Entered manually")],
        required=True,
        default="manual",
    )
    aggregation = fields.Selection(
        AGGREGATIONS,
        required=True,
        default="sum",
        help="How the figure of a longer period (a quarter, a year, a test "
        "phase) is made from the months. Sum: the monthly values added up. "
        "Average: the average of the monthly values. Distinct: counted again "
        "over the whole period, so that a person served in several months or "
        "at several sites counts once. Share or average over the period: "
        "computed again over the whole period (a quarter's share of late "
        "requests is the late requests of the quarter in % of its requests, "
        "not the average of three monthly shares). Last: the value of the "
        "last month.",
    )
    value_ids = fields.One2many("concierge.indicator.value", "indicator_id")
    value_count = fields.Integer(compute="_compute_value_count")

    _sql_constraints = [
        ("code_uniq", "unique(code)", "An indicator code must be unique."),
    ]

    @api.constrains("computation", "aggregation")
    def _check_distinct_computed(self):
        for indicator in self:
            if (
                indicator.aggregation in RECOUNTED
                and indicator.computation != "computed"
            ):
                raise ValidationError(
                    self.env._(
                        "Indicator %(name)s is entered by hand: it cannot be "
                        "counted or computed again over a longer period. Choose "
                        "the sum, the average or the last value.",
                        name=indicator.name,
                    )
                )

    @api.constrains("code", "computation")
    def _check_code(self):
        values_model = self.env["concierge.indicator.value"]
        for indicator in self:
            if not INDICATOR_CODE.match(indicator.code or ""):
                raise ValidationError(
                    self.env._(
                        "The code %(code)s of indicator %(name)s may only hold "
                        "lowercase letters, digits and underscores.",
                        code=indicator.code,
                        name=indicator.name,
                    )
                )
            if indicator.computation == "computed" and not hasattr(
                values_model, indicator._method_name()
            ):
                raise ValidationError(
                    self.env._(
                        "Indicator %(name)s cannot be computed: no module "
                        "provides its computation. Make it an indicator "
                        "entered manually.",
                        name=indicator.name,
                    )
                )

    def _compute_value_count(self):
        groups = self.env["concierge.indicator.value"]._read_group(
            [("indicator_id", "in", self.ids)], ["indicator_id"], ["__count"]
        )
        counts = {indicator.id: count for indicator, count in groups}
        for indicator in self:
            indicator.value_count = counts.get(indicator.id, 0)

    def _method_name(self):
        """The method of the indicator values that computes this one."""
        self.ensure_one()
        return "_indicator_%s" % self.code

    @api.model
    def _aggregate_values(self, values, aggregation):
        """Combine stored indicator values (records) into one figure, or None.

        ``sum``: the total of the values; ``avg``: their average; ``last``:
        the values of the latest period, added up over the sites;
        ``distinct``: the values added up, which is right for the values of
        one month and one scope only (over longer periods, ``_aggregate``
        counts again instead).
        """
        if not values:
            return None
        if aggregation == "avg":
            return sum(values.mapped("value")) / len(values)
        if aggregation == "last":
            last = max(values.mapped("period"))
            values = values.filtered(lambda v: v.period == last)
        return sum(values.mapped("value"))

    def _get_values(self, date_from, date_to, sites=None, companies=None):
        """Stored values of this indicator for the months between two dates.

        Without ``sites``: the values of the whole conciergerie (records
        without a site included) of the current companies; a month that has
        no such value (an indicator entered per site only) gives the values
        of its sites and of its records without a site instead.

        With ``sites``: the values of these sites, when the indicator is kept
        per site (it has site values in the period, for any site); else the
        values of the whole conciergerie (an indicator computed for the whole
        company only, such as the share of subscriptions in revenue).
        """
        self.ensure_one()
        Value = self.env["concierge.indicator.value"]
        domain = [
            ("indicator_id", "=", self.id),
            ("period", ">=", Value._period_start(date_from)),
            ("period", "<=", date_to),
            ("company_id", "in", (companies or self.env.companies).ids),
        ]
        values = Value.search(domain)
        company_values = values.filtered(lambda v: v.scope == "company")
        if sites:
            site_values = values.filtered(lambda v: v.scope == "site")
            if site_values:
                return site_values.filtered(lambda v: v.site_id in sites)
            return company_values
        covered = {(v.company_id, v.period) for v in company_values}
        return company_values | values.filtered(
            lambda v: v.scope != "company" and (v.company_id, v.period) not in covered
        )

    def _count_again(
        self, date_from, date_to, sites=None, companies=None, aggregation=None
    ):
        """The figure of a ``distinct`` or ``ratio`` indicator over the months
        of a date range, counted again over the whole range by its
        computation (one computation per company), or None when nothing was
        counted. Distinct counts of several companies are added up; their
        shares and averages, which cannot be, are averaged."""
        self.ensure_one()
        Value = self.env["concierge.indicator.value"]
        date_from = Value._period_start(date_from)
        date_to = Value._period_end(date_to)
        figures = []
        for company in companies or self.env.companies:
            company_sites = (
                sites.filtered(lambda s, c=company: s.company_id == c)
                if sites
                else self.env["concierge.site"]
            )
            if sites and not company_sites:
                continue
            results = Value.with_company(company)._evaluate_indicator(
                self, date_from, date_to, company_sites
            )
            total = Value._results_total(results)
            if total is not None:
                figures.append(total)
        if not figures:
            return None
        if (aggregation or self.aggregation) == "ratio" and len(figures) > 1:
            return sum(figures) / len(figures)
        return sum(figures)

    def _aggregate(
        self, date_from, date_to, sites=None, aggregation=None, companies=None
    ):
        """The figure of this indicator over a date range, or None."""
        self.ensure_one()
        aggregation = aggregation or self.aggregation
        if aggregation in RECOUNTED and self.computation == "computed":
            return self._count_again(date_from, date_to, sites, companies, aggregation)
        if aggregation == "ratio":
            # a criterion asking a share of an indicator entered by hand
            aggregation = "avg"
        return self._aggregate_values(
            self._get_values(date_from, date_to, sites, companies), aggregation
        )

    def action_view_values(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "concierge_base.action_concierge_indicator_value"
        )
        action["domain"] = [("indicator_id", "=", self.id)]
        action["context"] = {"default_indicator_id": self.id}
        return action
