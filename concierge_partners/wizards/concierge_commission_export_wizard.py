# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from collections import defaultdict

from dateutil.relativedelta import relativedelta
from xlsxwriter.utility import xl_col_to_name

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import date_utils

COLUMNS = (
    "gross_amount",
    "revenue_amount",
    "agent_collected_amount",
    "commission_amount",
    "net_amount",
    "amount_invoiced",
    "amount_paid",
    "amount_outstanding",
)


class ConciergeCommissionExportWizard(models.TransientModel):
    _name = "concierge.commission.export.wizard"
    _inherit = ["concierge.xlsx.mixin"]
    _description = "Reconciliation export of commission settlements"

    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: date_utils.start_of(
            fields.Date.context_today(self) - relativedelta(months=1), "month"
        ),
    )
    date_to = fields.Date(
        string="To",
        required=True,
        default=lambda self: date_utils.end_of(
            fields.Date.context_today(self) - relativedelta(months=1), "month"
        ),
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    file_data = fields.Binary(string="File", readonly=True, attachment=False)
    file_name = fields.Char(readonly=True)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_to < wizard.date_from:
                raise ValidationError(
                    self.env._("The end of the period is before its start.")
                )

    def _settlements(self):
        self.ensure_one()
        return self.env["concierge.commission.settlement"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("date_from", ">=", self.date_from),
                ("date_to", "<=", self.date_to),
                ("state", "!=", "cancelled"),
            ],
            order="provider_id, date_from",
        )

    def _prepare_rows(self):
        """One row per provider: the sums of its settlements of the period."""
        rows = defaultdict(lambda: dict.fromkeys(COLUMNS, 0.0))
        for settlement in self._settlements():
            row = rows[settlement.provider_id]
            for column in COLUMNS:
                row[column] += settlement[column]
        return sorted(rows.items(), key=lambda item: item[0].display_name or "")

    def _column_titles(self):
        return [
            self.env._("Provider"),
            self.env._("SIRET"),
            self.env._("Gross sales"),
            self.env._("Revenue of the conciergerie"),
            self.env._("Collected in the provider's name (467)"),
            self.env._("Commission"),
            self.env._("Net due to provider"),
            self.env._("Invoiced"),
            self.env._("Paid"),
            self.env._("Outstanding"),
        ]

    def _export_xlsx(self):
        self.ensure_one()
        return self._concierge_xlsx_build(self._write_sheet)

    def _write_sheet(self, workbook):
        currency = self.company_id.currency_id
        sheet = workbook.add_worksheet(self.env._("Reconciliation"))
        styles = self._concierge_xlsx_formats(workbook, currency)
        titles = self._column_titles()
        sheet.write_row(0, 0, titles, styles["header"])
        rows = self._prepare_rows()
        totals = dict.fromkeys(COLUMNS, 0.0)
        for index, (provider, values) in enumerate(rows, start=1):
            sheet.write(index, 0, provider.display_name, styles["text"])
            sheet.write(index, 1, provider.concierge_siret or "", styles["text"])
            for offset, column in enumerate(COLUMNS):
                amount = currency.round(values[column])
                totals[column] += amount
                sheet.write_number(index, 2 + offset, amount, styles["money"])
        total_row = len(rows) + 1
        sheet.write(total_row, 0, self.env._("Total"), styles["bold"])
        for offset, column in enumerate(COLUMNS):
            letter = xl_col_to_name(2 + offset)
            sheet.write_formula(
                total_row,
                2 + offset,
                f"=SUBTOTAL(9,{letter}2:{letter}{total_row})",
                styles["money_bold"],
                currency.round(totals[column]),
            )
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(total_row - 1, 1), len(titles) - 1)
        sheet.set_column(0, 0, 36)
        sheet.set_column(1, 1, 16)
        sheet.set_column(2, len(titles) - 1, 16)

    def action_export(self):
        self.ensure_one()
        return self._concierge_xlsx_download(
            self.env._(
                "commissions-%(start)s-%(end)s.xlsx",
                start=self.date_from,
                end=self.date_to,
            ),
            self._write_sheet,
            field="file_data",
            filename_field="file_name",
        )
