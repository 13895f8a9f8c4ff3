# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from dateutil.relativedelta import relativedelta


class FundingMixXlsx:
    """The XLSX workbook of a funding mix, ready to send to a funder."""

    def __init__(self, env):
        self.env = env

    def build(self, workbook, mix):
        """Fill ``workbook`` with the sheets of ``mix`` (lines computed)
        and return it."""
        styles = self._styles(workbook, mix.currency_id)
        self._sheet_mix(workbook, styles, mix)
        self._sheet_indicators(workbook, styles, mix)
        self._sheet_agreements(workbook, styles, mix)
        return workbook

    def _styles(self, workbook, currency):
        return self.env["concierge.xlsx.mixin"]._concierge_xlsx_formats(
            workbook, currency
        )

    def _subtitle(self, mix):
        sites = ", ".join(mix.site_ids.mapped("name")) or self.env._("All sites")
        return self.env._(
            "%(company)s - from %(start)s to %(end)s - %(sites)s",
            company=mix.company_id.name,
            start=mix.date_from.strftime("%d/%m/%Y"),
            end=mix.date_to.strftime("%d/%m/%Y"),
            sites=sites,
        )

    def _header(self, sheet, styles, row, titles, widths):
        for col, (title, width) in enumerate(zip(titles, widths, strict=True)):
            sheet.write(row, col, title, styles["header"])
            sheet.set_column(col, col, width)
        sheet.freeze_panes(row + 1, 0)

    def _sheet_mix(self, workbook, styles, mix):
        sheet = workbook.add_worksheet(self.env._("Funding mix"))
        sheet.write(0, 0, self.env._("Funding mix"), styles["title"])
        sheet.write(1, 0, self._subtitle(mix))
        self._header(
            sheet,
            styles,
            3,
            [self.env._("Source"), self.env._("Amount"), self.env._("Share")],
            [45, 18, 12],
        )
        row = 4
        for _key, label, amount, share in mix._get_category_totals():
            sheet.write(row, 0, label, styles["text"])
            sheet.write_number(row, 1, amount, styles["money"])
            sheet.write_number(row, 2, share / 100.0, styles["percent"])
            row += 1
        sheet.write(row, 0, self.env._("Total"), styles["bold"])
        sheet.write_number(row, 1, mix.amount_total, styles["money_bold"])
        sheet.write_number(
            row, 2, 1.0 if mix.amount_total else 0.0, styles["percent_bold"]
        )

    def _months(self, mix):
        Value = self.env["concierge.indicator.value"]
        month = Value._period_start(mix.date_from)
        months = []
        while month <= mix.date_to:
            months.append(month)
            month += relativedelta(months=1)
        return months

    def _sheet_indicators(self, workbook, styles, mix):
        sheet = workbook.add_worksheet(self.env._("Indicators by month"))
        sheet.write(0, 0, self.env._("Indicators by month"), styles["title"])
        sheet.write(1, 0, self._subtitle(mix))
        months = self._months(mix)
        titles = [self.env._("Indicator"), self.env._("Unit")]
        titles += [month.strftime("%m/%Y") for month in months]
        titles.append(self.env._("Period"))
        self._header(sheet, styles, 3, titles, [40, 12] + [11] * len(months) + [12])
        indicators = self.env["concierge.indicator"].search([("active", "=", True)])
        row = 4
        for indicator in indicators:
            values = indicator._get_values(
                mix.date_from, mix.date_to, mix.site_ids, mix.company_id
            )
            if not values:
                continue
            sheet.write(row, 0, indicator.name, styles["text"])
            sheet.write(row, 1, indicator.unit or "", styles["text"])
            # a distinct count of several sites is counted again, as is the
            # whole period: the values of a month are not added up then
            recount = indicator.aggregation == "distinct" and len(mix.site_ids) > 1
            for col, month in enumerate(months, start=2):
                if recount:
                    figure = indicator._aggregate(
                        month, month, mix.site_ids, companies=mix.company_id
                    )
                else:
                    figure = indicator._aggregate_values(
                        values.filtered(lambda v, m=month: v.period == m),
                        indicator.aggregation,
                    )
                if figure is None:
                    sheet.write_blank(row, col, None, styles["text"])
                else:
                    sheet.write_number(row, col, figure, styles["number"])
            total = indicator._aggregate(
                mix.date_from, mix.date_to, mix.site_ids, companies=mix.company_id
            )
            if total is None:
                sheet.write_blank(row, len(months) + 2, None, styles["text"])
            else:
                sheet.write_number(row, len(months) + 2, total, styles["number"])
            row += 1

    def _sheet_agreements(self, workbook, styles, mix):
        sheet = workbook.add_worksheet(self.env._("Agreements"))
        sheet.write(
            0, 0, self.env._("Funding agreements and installments"), styles["title"]
        )
        sheet.write(1, 0, self._subtitle(mix))
        titles = [
            self.env._("Agreement / installment"),
            self.env._("Funder"),
            self.env._("Kind"),
            self.env._("Project phase"),
            self.env._("Start or due date"),
            self.env._("End date or last receipt"),
            self.env._("Granted or expected"),
            self.env._("Received"),
            self.env._("To receive"),
            self.env._("Status"),
        ]
        self._header(sheet, styles, 3, titles, [40, 30, 10, 14, 14, 12, 16, 16, 16, 16])
        domain = [
            ("company_id", "=", mix.company_id.id),
            ("state", "in", ("signed", "closed")),
            "|",
            ("date_start", "=", False),
            ("date_start", "<=", mix.date_to),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", mix.date_from),
        ]
        if mix.site_ids:
            domain.append(("site_ids", "in", mix.site_ids.ids))
        agreements = self.env["concierge.funding.agreement"].search(
            domain, order="date_start, id"
        )
        fields_info = self.env["concierge.funding.agreement"]._fields
        kinds = dict(fields_info["funder_kind"]._description_selection(self.env))
        phases = dict(fields_info["phase"]._description_selection(self.env))
        states = dict(fields_info["state"]._description_selection(self.env))
        installment_states = dict(
            self.env["concierge.funding.installment"]
            ._fields["state"]
            ._description_selection(self.env)
        )
        row = 4
        for agreement in agreements:
            sheet.write(row, 0, agreement.name, styles["bold"])
            sheet.write(row, 1, agreement.funder_id.name or "", styles["text"])
            sheet.write(row, 2, kinds.get(agreement.funder_kind, ""), styles["text"])
            sheet.write(row, 3, phases.get(agreement.phase, ""), styles["text"])
            self._write_date(sheet, row, 4, agreement.date_start, styles)
            self._write_date(sheet, row, 5, agreement.date_end, styles)
            sheet.write_number(row, 6, agreement.amount, styles["money_bold"])
            sheet.write_number(row, 7, agreement.amount_received, styles["money_bold"])
            sheet.write_number(
                row, 8, agreement.amount_to_receive, styles["money_bold"]
            )
            sheet.write(row, 9, states.get(agreement.state, ""), styles["text"])
            row += 1
            for installment in agreement.installment_ids:
                sheet.write(row, 0, "    %s" % installment.name, styles["text"])
                sheet.write(row, 1, "", styles["text"])
                sheet.write(row, 2, "", styles["text"])
                sheet.write(row, 3, "", styles["text"])
                self._write_date(sheet, row, 4, installment.date_due, styles)
                self._write_date(sheet, row, 5, installment.date_received, styles)
                sheet.write_number(row, 6, installment.amount_expected, styles["money"])
                sheet.write_number(row, 7, installment.amount_received, styles["money"])
                sheet.write_number(row, 8, installment.amount_residual, styles["money"])
                sheet.write(
                    row,
                    9,
                    installment_states.get(installment.state, ""),
                    styles["text"],
                )
                row += 1

    @staticmethod
    def _write_date(sheet, row, col, day, styles):
        if day:
            sheet.write_datetime(row, col, day, styles["date"])
        else:
            sheet.write_blank(row, col, None, styles["text"])
