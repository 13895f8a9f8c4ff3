# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .funding_mix_xlsx import FundingMixXlsx


class ConciergeFundingMix(models.TransientModel):
    """The funding mix of a date range: revenue by source, with shares."""

    _name = "concierge.funding.mix"
    _inherit = ["concierge.xlsx.mixin"]
    _description = "Funding mix"

    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(month=1, day=1),
    )
    date_to = fields.Date(
        string="To",
        required=True,
        default=lambda self: fields.Date.context_today(self),
    )
    site_ids = fields.Many2many(
        "concierge.site",
        string="Sites",
        help="Leave empty for the whole conciergerie. With sites, revenue "
        "counts through the analytic account of each site, and grants through "
        "the sites of their agreements.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    line_ids = fields.One2many("concierge.funding.mix.line", "mix_id")
    amount_total = fields.Monetary(string="Total", compute="_compute_amount_total")
    xlsx_file = fields.Binary(string="XLSX file", readonly=True, attachment=False)
    xlsx_filename = fields.Char(readonly=True)

    @api.depends("line_ids.amount")
    def _compute_amount_total(self):
        for mix in self:
            mix.amount_total = sum(mix.line_ids.mapped("amount"))

    def _check_dates(self):
        for mix in self:
            if mix.date_to < mix.date_from:
                raise UserError(
                    self.env._(
                        "The funding mix ends before it starts: check the dates."
                    )
                )

    def _prepare_line_vals(self):
        self.ensure_one()
        compute = self.env["concierge.funding.mix.compute"]
        rows = compute.with_company(self.company_id)._get_mix_rows(
            self.date_from, self.date_to, self.site_ids
        )
        total = sum(amount for _category, _label, amount in rows)
        return [
            {
                "mix_id": self.id,
                "category": category,
                "name": label,
                "amount": amount,
                "share": 100.0 * amount / total if total else 0.0,
            }
            for category, label, amount in sorted(rows)
        ]

    def _compute_lines(self):
        self._check_dates()
        self.line_ids.unlink()
        self.env["concierge.funding.mix.line"].create(
            [vals for mix in self for vals in mix._prepare_line_vals()]
        )

    def _get_category_totals(self):
        """[(category key, label, amount, share)] in the order of the report."""
        self.ensure_one()
        total = self.amount_total
        result = []
        sources = self.env["concierge.funding.mix.compute"]._source_categories()
        for key, label in sources:
            amount = sum(
                self.line_ids.filtered(lambda line, k=key: line.category == k).mapped(
                    "amount"
                )
            )
            result.append(
                (key, label, amount, 100.0 * amount / total if total else 0.0)
            )
        return result

    def action_show(self):
        self.ensure_one()
        self._compute_lines()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "concierge_base.action_concierge_funding_mix_line"
        )
        action["domain"] = [("mix_id", "=", self.id)]
        action["context"] = {"concierge_mix_id": self.id}
        return action

    def action_export_xlsx(self):
        self.ensure_one()
        self._compute_lines()
        return self._concierge_xlsx_download(
            "funding_mix_%s_%s.xlsx" % (self.date_from, self.date_to),
            lambda workbook: FundingMixXlsx(self.env).build(workbook, self),
        )


class ConciergeFundingMixLine(models.TransientModel):
    _name = "concierge.funding.mix.line"
    _description = "Funding mix line"
    _order = "category, name"

    mix_id = fields.Many2one(
        "concierge.funding.mix", required=True, ondelete="cascade", index=True
    )
    category = fields.Selection(
        selection="_selection_category", string="Source", required=True
    )
    name = fields.Char(string="Detail")
    currency_id = fields.Many2one(related="mix_id.currency_id")
    amount = fields.Monetary(aggregator="sum")
    share = fields.Float(string="Share (%)", aggregator="sum")

    @api.model
    def _selection_category(self):
        """The sources of the funding mix: concierge_base's and those the
        installed addons add to the accounts' source field."""
        return self.env["concierge.funding.mix.compute"]._source_categories()
