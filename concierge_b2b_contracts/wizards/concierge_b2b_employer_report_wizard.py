# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import date_utils


class ConciergeB2bEmployerReportWizard(models.TransientModel):
    _name = "concierge.b2b.employer.report.wizard"
    _inherit = ["concierge.xlsx.mixin"]
    _description = "Employer report of a company contract"

    contract_id = fields.Many2one(
        "contract.contract",
        string="Company contract",
        required=True,
        domain="[('concierge_plan_id', '!=', False)]",
    )
    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: date_utils.start_of(
            fields.Date.context_today(self) - relativedelta(months=11), "month"
        ),
    )
    date_to = fields.Date(
        string="To",
        required=True,
        default=lambda self: date_utils.end_of(
            fields.Date.context_today(self), "month"
        ),
    )
    xlsx_file = fields.Binary(string="XLSX file", readonly=True, attachment=False)
    xlsx_filename = fields.Char(readonly=True)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_to < wizard.date_from:
                raise ValidationError(
                    self.env._(
                        "The end of the period of the employer report is "
                        "before its start."
                    )
                )

    def _prepare_report_data(self):
        self.ensure_one()
        return {
            "date_from": fields.Date.to_string(self.date_from),
            "date_to": fields.Date.to_string(self.date_to),
        }

    def action_print_pdf(self):
        self.ensure_one()
        return self.env.ref(
            "concierge_b2b_contracts.action_report_employer"
        ).report_action(self.contract_id, data=self._prepare_report_data())

    def action_export_xlsx(self):
        """The XLSX of the report, downloaded as the suite's other exports
        (employers get the same file from their portal)."""
        self.ensure_one()
        # as the portal route: whoever may read the contract reads its
        # aggregated figures
        self.contract_id.check_access("read")
        report = self.env["report.concierge_b2b_contracts.report_employer"].sudo()
        period = (self.contract_id.sudo(), self.date_from, self.date_to)
        return self._concierge_xlsx_download(
            "%s.xlsx" % report._report_filename(*period),
            lambda workbook: report._write_xlsx(workbook, *period),
        )
