# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, models


class ReportConciergePrivacyExport(models.AbstractModel):
    _name = "report.concierge_base.report_privacy_export"
    _description = "Export of the personal data of a person"

    @api.model
    def _concierge_text(self, value):
        """A value of the export as the PDF shows it."""
        if isinstance(value, list):
            return ", ".join(str(item) for item in value)
        if value is True:
            return self.env._("Yes")
        if value is False:
            return self.env._("No")
        return "" if value is None else str(value)

    @api.model
    def _concierge_tables(self, export):
        """The sections of ``export`` as tables: title and, per record, the
        (label, text) of each field."""
        return [
            {
                "title": section["title"],
                "records": [
                    [
                        (label, self._concierge_text(record[fname]))
                        for fname, label in section["fields"].items()
                    ]
                    for record in section["records"]
                ],
            }
            for section in export["sections"].values()
        ]

    @api.model
    def _get_report_values(self, docids, data=None):
        partners = self.env["res.partner"].browse(docids)
        partners._concierge_check_privacy_manager()
        exports = {p.id: p._concierge_privacy_export() for p in partners}
        return {
            "doc_ids": docids,
            "doc_model": "res.partner",
            "docs": partners,
            "exports": exports,
            "tables": {pid: self._concierge_tables(e) for pid, e in exports.items()},
        }
