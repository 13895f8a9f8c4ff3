# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import datetime, time

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import date_utils
from odoo.tools.misc import format_date

from ..models.concierge_service_request import COUNTED_STATES

# A cell of the report covering fewer distinct employees than this is merged
# into the "other" row of its month, so that nobody can be singled out.
MIN_EMPLOYEES = 3


class ReportEmployer(models.AbstractModel):
    _name = "report.concierge_b2b_contracts.report_employer"
    _description = "Employer report of a company contract"

    # ------------------------------------------------------------------
    # period
    # ------------------------------------------------------------------
    @api.model
    def _get_period(self, date_from=None, date_to=None):
        """The period of the report: the given dates, by default the twelve
        months up to the end of the current month."""
        try:
            date_to = fields.Date.to_date(date_to) or date_utils.end_of(
                fields.Date.context_today(self), "month"
            )
            date_from = fields.Date.to_date(date_from) or date_utils.start_of(
                date_to - relativedelta(months=11), "month"
            )
        except ValueError as error:
            raise UserError(
                self.env._("Give the dates of the report as YYYY-MM-DD.")
            ) from error
        if date_to < date_from:
            raise UserError(
                self.env._(
                    "The end of the period of the employer report is before its start."
                )
            )
        return date_from, date_to

    # ------------------------------------------------------------------
    # figures (aggregated: no personal data of any employee)
    # ------------------------------------------------------------------
    @api.model
    def _employee_requests(self, contract, date_from, date_to):
        """Requests of the contract's employees in the period (sudo: the
        employer's contact may not read them, only their aggregates)."""
        return (
            self.env["concierge.service.request"]
            .sudo()
            .search(
                [
                    ("concierge_b2b_contract_id", "=", contract.id),
                    ("state", "in", COUNTED_STATES),
                    ("request_date", ">=", datetime.combine(date_from, time.min)),
                    (
                        "request_date",
                        "<",
                        datetime.combine(date_to + relativedelta(days=1), time.min),
                    ),
                ],
                order="request_date, id",
            )
        )

    @api.model
    def _prepare_usage_rows(self, requests):
        """Usage by month and service category.

        Each row: month (first day), category (name, or False for the
        "other" row), number of requests, of employer-paid requests and of
        distinct employees. No row covers fewer than ``MIN_EMPLOYEES``
        distinct employees (see :meth:`_merge_small_cells`).
        """
        cells = {}
        for request in requests:
            month = request.request_date.date().replace(day=1)
            for category in request.line_ids.category_id or [False]:
                cell = cells.setdefault(
                    (month, category.name if category else False),
                    {"requests": set(), "employer": set(), "employees": set()},
                )
                cell["requests"].add(request.id)
                cell["employees"].add(request.partner_id.id)
                if request.concierge_payer == "employer":
                    cell["employer"].add(request.id)
        months = {}
        for (month, category), cell in cells.items():
            months.setdefault(month, {})[category] = cell
        merged = {}
        for month, month_cells in months.items():
            merged.update(
                {
                    (month, category): cell
                    for category, cell in self._merge_small_cells(month_cells).items()
                }
            )
        rows = []
        for (month, category), cell in sorted(
            merged.items(), key=lambda item: (item[0][0], not item[0][1], item[0][1])
        ):
            rows.append(
                {
                    "month": month,
                    "month_label": format_date(self.env, month, date_format="MMMM y"),
                    "category": category
                    or self.env._(
                        "Other (fewer than %(min)s employees)", min=MIN_EMPLOYEES
                    ),
                    "is_other": not category,
                    "requests": len(cell["requests"]),
                    "employer_paid": len(cell["employer"]),
                    "employees": len(cell["employees"]),
                }
            )
        return rows

    @api.model
    def _merge_small_cells(self, month_cells):
        """The cells of one month that can be shown, by category (False for
        "other").

        A category used by fewer than ``MIN_EMPLOYEES`` distinct employees
        goes to "other". When "other" itself covers fewer than
        ``MIN_EMPLOYEES`` employees, the smallest categories join it until it
        covers enough; when even the whole month covers fewer, nothing of the
        month is shown.
        """
        shown, other = {}, {"requests": set(), "employer": set(), "employees": set()}
        for category, cell in month_cells.items():
            if category and len(cell["employees"]) >= MIN_EMPLOYEES:
                shown[category] = cell
                continue
            for key in other:
                other[key] |= cell[key]
        if not other["requests"]:
            return shown
        by_size = sorted(
            shown, key=lambda category: (len(shown[category]["employees"]), category)
        )
        while len(other["employees"]) < MIN_EMPLOYEES and by_size:
            cell = shown.pop(by_size.pop(0))
            for key in other:
                other[key] |= cell[key]
        if len(other["employees"]) >= MIN_EMPLOYEES:
            shown[False] = other
        return shown

    @api.model
    def _prepare_quota_rows(self, contract, requests):
        """Quota consumed and overage per quota period of the contract."""
        plan = contract.concierge_plan_id
        quota = plan.included_requests
        periods = {}
        for request in requests.filtered(lambda r: r.concierge_payer == "employer"):
            start = contract._concierge_usage_period_start(request.request_date.date())
            periods.setdefault(start, self.env["concierge.service.request"].sudo())
            periods[start] |= request
        rows = []
        for start in sorted(periods):
            period_requests = periods[start]
            billed = period_requests.filtered(lambda r: r._concierge_overage_billed())
            count = len(period_requests)
            rows.append(
                {
                    "period_start": start,
                    "period_end": contract._concierge_usage_period_end(start),
                    "requests": count,
                    "quota": quota,
                    "consumed": min(count, quota),
                    "overage": max(count - quota, 0),
                    "overage_billed": len(billed),
                    "overage_amount": sum(
                        request.concierge_b2b_invoice_line_id.price_unit
                        for request in billed
                    ),
                }
            )
        return rows

    @api.model
    def _prepare_report(self, contract, date_from, date_to):
        """Everything the PDF and the XLSX show for one contract."""
        requests = self._employee_requests(contract, date_from, date_to)
        usage = self._prepare_usage_rows(requests)
        quota = self._prepare_quota_rows(contract, requests)
        return {
            "contract": contract,
            "client": contract.partner_id.commercial_partner_id.name,
            "plan": contract.concierge_plan_id.name or "",
            "date_from": date_from,
            "date_to": date_to,
            "usage": usage,
            "quota": quota,
            "total_requests": len(requests),
            "total_overage": sum(row["overage"] for row in quota),
            "total_overage_amount": sum(row["overage_amount"] for row in quota),
            "currency": contract.currency_id or contract.company_id.currency_id,
            "min_employees": MIN_EMPLOYEES,
        }

    @api.model
    def _get_report_values(self, docids, data=None):
        data = data or {}
        contracts = self.env["contract.contract"].browse(docids)
        date_from, date_to = self._get_period(
            data.get("date_from"), data.get("date_to")
        )
        return {
            "doc_ids": docids,
            "doc_model": "contract.contract",
            "docs": contracts,
            "reports": {
                contract.id: self._prepare_report(contract, date_from, date_to)
                for contract in contracts
            },
        }

    # ------------------------------------------------------------------
    # XLSX
    # ------------------------------------------------------------------
    @api.model
    def _report_filename(self, contract, date_from, date_to):
        """The name of the files of ``contract``'s report, without extension."""
        return self.env._(
            "Employer report %(contract)s %(start)s %(end)s",
            contract=contract.code or contract.id,
            start=date_from,
            end=date_to,
        )

    @api.model
    def _render_xlsx(self, contract, date_from, date_to):
        """The employer report of ``contract`` as an XLSX file (bytes)."""
        return self.env["concierge.xlsx.mixin"]._concierge_xlsx_build(
            lambda workbook: self._write_xlsx(workbook, contract, date_from, date_to)
        )

    @api.model
    def _write_xlsx(self, workbook, contract, date_from, date_to):
        """Fill ``workbook`` with the employer report of ``contract``."""
        report = self._prepare_report(contract, date_from, date_to)
        styles = self.env["concierge.xlsx.mixin"]._concierge_xlsx_formats(
            workbook, report["currency"]
        )
        self._write_xlsx_usage(workbook, styles, report)
        self._write_xlsx_quota(workbook, styles, report)

    @api.model
    def _write_xlsx_usage(self, workbook, styles, report):
        """The sheet of the requests by month and service category."""
        usage = workbook.add_worksheet(self.env._("Usage"))
        usage.set_column(0, 1, 28)
        usage.set_column(2, 4, 16)
        usage.write(0, 0, self.env._("Employer report"), styles["title"])
        usage.write(1, 0, report["client"])
        usage.write(1, 1, report["plan"])
        usage.write(
            2,
            0,
            self.env._(
                "From %(start)s to %(end)s",
                start=format_date(self.env, report["date_from"]),
                end=format_date(self.env, report["date_to"]),
            ),
        )
        usage.write(
            3,
            0,
            self.env._(
                "Categories used by fewer than %(min)s employees in a month are "
                "grouped under Other; when Other itself covers fewer, the smallest "
                "categories join it, and a month used by fewer than %(min)s "
                "employees in all is not shown.",
                min=MIN_EMPLOYEES,
            ),
            styles["note"],
        )
        titles = [
            self.env._("Month"),
            self.env._("Service category"),
            self.env._("Requests"),
            self.env._("Paid by the employer"),
            self.env._("Employees"),
        ]
        usage.write_row(5, 0, titles, styles["header"])
        for index, row in enumerate(report["usage"], start=6):
            usage.write(index, 0, row["month_label"], styles["text"])
            usage.write(
                index,
                1,
                row["category"],
                styles["italic" if row["is_other"] else "text"],
            )
            for col, key in enumerate(("requests", "employer_paid", "employees"), 2):
                usage.write_number(index, col, row[key], styles["count"])

    @api.model
    def _write_xlsx_quota(self, workbook, styles, report):
        """The sheet of the quota consumed and the overage by quota period."""
        quota = workbook.add_worksheet(self.env._("Quota"))
        quota.set_column(0, 1, 14)
        quota.set_column(2, 7, 16)
        titles = [
            self.env._("Period start"),
            self.env._("Period end"),
            self.env._("Employer-paid requests"),
            self.env._("Included requests"),
            self.env._("Quota consumed"),
            self.env._("Beyond the quota"),
            self.env._("Billed as overage"),
            self.env._("Overage amount"),
        ]
        quota.write_row(0, 0, titles, styles["header"])
        for index, row in enumerate(report["quota"], start=1):
            for col, key in enumerate(("period_start", "period_end")):
                quota.write(index, col, format_date(self.env, row[key]), styles["text"])
            for col, key in enumerate(
                ("requests", "quota", "consumed", "overage", "overage_billed"), 2
            ):
                quota.write_number(index, col, row[key], styles["count"])
            quota.write_number(index, 7, row["overage_amount"], styles["money"])
