# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models
from odoo.exceptions import ValidationError


class ConciergeVolunteerHoursReport(models.TransientModel):
    _name = "concierge.volunteer.hours.report"
    _inherit = ["concierge.xlsx.mixin"]
    _description = "Volunteer hours spreadsheet"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(month=1, day=1),
    )
    date_to = fields.Date(
        string="To",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(month=12, day=31),
    )
    file_data = fields.Binary(string="File", readonly=True, attachment=False)
    file_name = fields.Char(readonly=True)

    def _prepare_rows(self):
        """[(volunteer, mission type label, month 'YYYY-MM', hours)], sorted."""
        self.ensure_one()
        if self.date_to < self.date_from:
            raise ValidationError(
                self.env._("The period of the spreadsheet ends before it starts.")
            )
        Attendance = self.env["concierge.volunteer.attendance"]
        labels = dict(
            Attendance._fields["mission_type"]._description_selection(self.env)
        )
        groups = Attendance._read_group(
            [
                ("company_id", "=", self.company_id.id),
                ("state", "=", "attended"),
                ("date", ">=", self.date_from),
                ("date", "<=", self.date_to),
            ],
            ["partner_id", "mission_type", "date:month"],
            ["hours:sum"],
        )
        rows = [
            (partner.name, labels.get(mtype, ""), month.strftime("%Y-%m"), hours)
            for partner, mtype, month, hours in groups
        ]
        rows.sort()
        return rows

    def _build_xlsx(self):
        return self._concierge_xlsx_build(self._write_sheet)

    def _write_sheet(self, workbook):
        rows = self._prepare_rows()
        sheet = workbook.add_worksheet(self.env._("Volunteer hours"))
        styles = self._concierge_xlsx_formats(workbook, self.company_id.currency_id)
        headers = [
            self.env._("Volunteer"),
            self.env._("Mission type"),
            self.env._("Month"),
            self.env._("Hours"),
        ]
        sheet.write_row(0, 0, headers, styles["header"])
        for index, (name, mtype, month, hours) in enumerate(rows, start=1):
            sheet.write_row(index, 0, [name, mtype, month], styles["text"])
            sheet.write_number(index, 3, hours, styles["hours"])
        total_row = len(rows) + 1
        sheet.write(total_row, 0, self.env._("Total"), styles["bold"])
        sheet.write_number(
            total_row, 3, sum(row[3] for row in rows), styles["hours_bold"]
        )
        sheet.set_column(0, 1, 32)
        sheet.set_column(2, 3, 12)

    def action_export(self):
        self.ensure_one()
        return self._concierge_xlsx_download(
            "volunteer_hours_%s_%s.xlsx" % (self.date_from, self.date_to),
            self._write_sheet,
            field="file_data",
            filename_field="file_name",
        )
