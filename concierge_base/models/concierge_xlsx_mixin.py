# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import base64
import io
from urllib.parse import quote

import xlsxwriter

from odoo import api, models


class ConciergeXlsxMixin(models.AbstractModel):
    """The one way the suite's records give an XLSX file: the workbook is
    built in memory by a ``build(workbook)`` callable, kept in a binary
    field of the record, and downloaded through ``/web/content``."""

    _name = "concierge.xlsx.mixin"
    _description = "XLSX export"

    @api.model
    def _concierge_xlsx_formats(self, workbook, currency):
        """The cell formats the suite's workbooks share, amounts in
        ``currency``: ``title`` and ``note`` (an italic line under it) stand
        above a table; ``header`` heads its columns; the other formats are
        its cells (bordered): text, dates, amounts, shares, numbers, counts
        and hours, with a bold one for the totals."""
        money = '#,##0.00 "%s"' % (currency.symbol or "").replace('"', "")
        add = workbook.add_format
        return {
            "title": add({"bold": True, "font_size": 14}),
            "header": add(
                {"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True}
            ),
            "note": add({"italic": True}),
            "text": add({"border": 1}),
            "bold": add({"border": 1, "bold": True}),
            "italic": add({"border": 1, "italic": True}),
            "date": add({"border": 1, "num_format": "dd/mm/yyyy"}),
            "money": add({"border": 1, "num_format": money}),
            "money_bold": add({"border": 1, "num_format": money, "bold": True}),
            "percent": add({"border": 1, "num_format": "0.00%"}),
            "percent_bold": add({"border": 1, "num_format": "0.00%", "bold": True}),
            "number": add({"border": 1, "num_format": "#,##0.00"}),
            "count": add({"border": 1, "num_format": "#,##0"}),
            "hours": add({"border": 1, "num_format": "0.00"}),
            "hours_bold": add({"border": 1, "num_format": "0.00", "bold": True}),
        }

    @api.model
    def _concierge_xlsx_build(self, build):
        """The bytes of the workbook that ``build(workbook)`` fills."""
        output = io.BytesIO()
        with xlsxwriter.Workbook(output, {"in_memory": True}) as workbook:
            build(workbook)
        return output.getvalue()

    def _concierge_xlsx_download(
        self, filename, build, field="xlsx_file", filename_field="xlsx_filename"
    ):
        """Build the workbook (see ``_concierge_xlsx_build``), keep it in
        ``field`` of the record and its name in ``filename_field``, and
        return the action that downloads it."""
        self.ensure_one()
        content = self._concierge_xlsx_build(build)
        self.write({field: base64.b64encode(content), filename_field: filename})
        return {
            "type": "ir.actions.act_url",
            "url": "/web/content/%s/%s/%s/%s?download=true"
            % (self._name, self.id, field, quote(filename)),
            "target": "self",
        }
