# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from .funding_mix_xlsx import FundingMixXlsx


class FundingReportXlsx(FundingMixXlsx):
    """The XLSX workbook of a financial report (cerfa 15059), in the style
    of the funding mix."""

    def build(self, workbook, report):
        """Fill ``workbook`` with the sheets of ``report`` and return it."""
        styles = self._styles(workbook, report.currency_id)
        self._sheet_budget(workbook, styles, report)
        self._sheet_report_indicators(workbook, styles, report)
        return workbook

    def _report_subtitle(self, report):
        agreement = report.agreement_id
        return self.env._(
            "%(company)s - %(agreement)s (%(funder)s) - from %(start)s to %(end)s",
            company=report.company_id.name,
            agreement=agreement.name,
            funder=agreement.funder_id.name or "",
            start=report.date_from.strftime("%d/%m/%Y"),
            end=report.date_to.strftime("%d/%m/%Y"),
        )

    def _sheet_budget(self, workbook, styles, report):
        sheet = workbook.add_worksheet(self.env._("Financial report"))
        sheet.write(0, 0, report.name, styles["title"])
        sheet.write(1, 0, self._report_subtitle(report))
        titles = [
            self.env._("Nature"),
            self.env._("Planned"),
            self.env._("Actual"),
            self.env._("Difference"),
            self.env._("Achieved"),
        ]
        row = 3
        natures = dict(
            report.line_ids._fields["nature"]._description_selection(self.env)
        )
        for kind, title, total_label in (
            ("expense", self.env._("Expenses"), self.env._("Total expenses")),
            ("income", self.env._("Income"), self.env._("Total income")),
        ):
            titles[0] = title
            self._header(sheet, styles, row, titles, [60, 16, 16, 16, 12])
            row += 1
            lines = report.line_ids.filtered(
                lambda line, k=kind: line.kind == k and not line.in_kind
            )
            row = self._write_lines(sheet, styles, row, lines, natures)
            planned = report[f"{kind}_planned"]
            actual = report[f"{kind}_actual"]
            self._write_total(sheet, styles, row, total_label, planned, actual)
            row += 2
        sheet.write(
            row, 0, self.env._("Balance (income less expenses)"), styles["bold"]
        )
        sheet.write_number(row, 1, report.balance_planned, styles["money_bold"])
        sheet.write_number(row, 2, report.balance_actual, styles["money_bold"])
        row += 2
        in_kind = report.line_ids.filtered("in_kind")
        if in_kind:
            titles[0] = self.env._("Voluntary contributions in kind")
            self._header(sheet, styles, row, titles, [60, 16, 16, 16, 12])
            row = self._write_lines(sheet, styles, row + 1, in_kind, natures)
            row += 1
        sheet.write(row, 0, self.env._("Amount granted"), styles["bold"])
        sheet.write_number(row, 1, report.amount_granted, styles["money_bold"])
        if report.commentary:
            row += 2
            sheet.write(row, 0, self.env._("Commentary"), styles["bold"])
            sheet.write(row + 1, 0, report.commentary)
        sheet.freeze_panes(0, 0)

    def _write_lines(self, sheet, styles, row, lines, natures):
        for line in lines:
            sheet.write(row, 0, natures.get(line.nature, line.nature), styles["text"])
            sheet.write_number(row, 1, line.amount_planned, styles["money"])
            sheet.write_number(row, 2, line.amount_actual, styles["money"])
            sheet.write_number(row, 3, line.amount_difference, styles["money"])
            if line.amount_planned:
                sheet.write_number(
                    row, 4, line.difference_rate / 100.0, styles["percent"]
                )
            else:
                sheet.write_blank(row, 4, None, styles["text"])
            row += 1
        return row

    def _write_total(self, sheet, styles, row, label, planned, actual):
        sheet.write(row, 0, label, styles["bold"])
        sheet.write_number(row, 1, planned, styles["money_bold"])
        sheet.write_number(row, 2, actual, styles["money_bold"])
        sheet.write_number(row, 3, actual - planned, styles["money_bold"])
        if planned:
            sheet.write_number(row, 4, actual / planned, styles["percent_bold"])
        else:
            sheet.write_blank(row, 4, None, styles["bold"])

    def _sheet_report_indicators(self, workbook, styles, report):
        sheet = workbook.add_worksheet(self.env._("Indicators"))
        sheet.write(0, 0, self.env._("Indicators"), styles["title"])
        sheet.write(1, 0, self._report_subtitle(report))
        self._header(
            sheet,
            styles,
            3,
            [
                self.env._("Indicator"),
                self.env._("Value"),
                self.env._("Unit"),
                self.env._("Note"),
            ],
            [45, 14, 12, 50],
        )
        row = 4
        for line in report.indicator_line_ids:
            sheet.write(row, 0, line.indicator_id.name, styles["text"])
            if line.has_value:
                sheet.write_number(row, 1, line.value, styles["number"])
            else:
                sheet.write_blank(row, 1, None, styles["text"])
            sheet.write(row, 2, line.unit or "", styles["text"])
            sheet.write(row, 3, line.note or "", styles["text"])
            row += 1
