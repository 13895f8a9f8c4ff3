# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

INDICATOR_CODE = re.compile(r"^[a-z][a-z0-9_]*$")


class ConciergeIndicator(models.Model):
    """An impact or activity indicator reported to funders.

    Each addon registers its indicators as data records and computes a
    computed indicator ``<code>`` in the method
    ``concierge.indicator.value._compute_indicator_<code>``: see that model.
    """

    _name = "concierge.indicator"
    _description = "Conciergerie indicator"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="Technical code, lowercase letters, digits and underscores. A "
        "computed indicator is computed by the method "
        "_compute_indicator_<code> of the indicator values.",
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
        [("sum", "Sum"), ("avg", "Average"), ("last", "Last")],
        required=True,
        default="sum",
        help="How values of several periods are combined: their sum, their "
        "average, or the values of the last period (added up over sites).",
    )
    value_ids = fields.One2many("concierge.indicator.value", "indicator_id")
    value_count = fields.Integer(compute="_compute_value_count")

    _sql_constraints = [
        ("code_uniq", "unique(code)", "An indicator code must be unique."),
    ]

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
                values_model, indicator._compute_method_name()
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

    def _compute_method_name(self):
        self.ensure_one()
        return "_compute_indicator_%s" % self.code

    @api.model
    def _aggregate_values(self, values, aggregation):
        """Combine indicator values (records) into one figure, or None.

        ``sum``: the total of the values; ``avg``: their average; ``last``:
        the values of the latest period, added up over the sites.
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
        """Values of this indicator for the periods between two dates.

        With ``sites``, the values of these sites when the indicator has any,
        else the values without a site (indicators computed for the whole
        company). Without ``sites``, the values of the current companies.
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
        if sites:
            by_site = values.filtered(lambda v: v.site_id in sites)
            return by_site or values.filtered(lambda v: not v.site_id)
        with_site = values.filtered("site_id")
        # totals over sites when the indicator is kept per site
        return with_site or values

    def _aggregate(
        self, date_from, date_to, sites=None, aggregation=None, companies=None
    ):
        """The figure of this indicator over a date range, or None."""
        self.ensure_one()
        return self._aggregate_values(
            self._get_values(date_from, date_to, sites, companies),
            aggregation or self.aggregation,
        )

    def action_view_values(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "concierge_base.action_concierge_indicator_value"
        )
        action["domain"] = [("indicator_id", "=", self.id)]
        action["context"] = {"default_indicator_id": self.id}
        return action
