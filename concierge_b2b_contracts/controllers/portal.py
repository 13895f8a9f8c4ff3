# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import content_disposition, request

from odoo.addons.contract.controllers.main import PortalContract

REPORT = "concierge_b2b_contracts.action_report_employer"


class ConciergeB2bPortal(PortalContract):
    def _contract_get_page_view_values(self, contract, access_token, **kwargs):
        values = super()._contract_get_page_view_values(
            contract, access_token, **kwargs
        )
        values["concierge_summary"] = contract._concierge_portal_summary()
        return values

    @http.route(
        ["/my/contracts/<int:contract_id>/employer_report"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_concierge_employer_report(
        self,
        contract_id,
        report_type="pdf",
        date_from=None,
        date_to=None,
        access_token=None,
        **kw,
    ):
        """The employer report of a company contract (PDF or XLSX), for the
        people who may read the contract: the employer's contact on the
        portal, the conciergerie's users in the backend."""
        try:
            contract_sudo = self._document_check_access(
                "contract.contract", contract_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        if not contract_sudo.concierge_plan_id or report_type not in ("pdf", "xlsx"):
            return request.redirect(f"/my/contracts/{contract_id}")
        report_model = request.env["report.concierge_b2b_contracts.report_employer"]
        try:
            date_from, date_to = report_model._get_period(date_from, date_to)
        except UserError:
            return request.redirect(f"/my/contracts/{contract_id}")
        filename = report_model._report_filename(contract_sudo, date_from, date_to)
        if report_type == "xlsx":
            content = report_model.sudo()._render_xlsx(
                contract_sudo, date_from, date_to
            )
            content_type = (
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            )
            filename += ".xlsx"
        else:
            content, kind = (
                request.env["ir.actions.report"]
                .sudo()
                ._render_qweb_pdf(
                    REPORT,
                    contract_sudo.ids,
                    data={
                        "date_from": str(date_from),
                        "date_to": str(date_to),
                    },
                )
            )
            # without wkhtmltopdf (and in tests) Odoo renders the HTML
            content_type = "application/pdf" if kind == "pdf" else "text/html"
            filename += f".{kind}"
        return request.make_response(
            content,
            headers=[
                ("Content-Type", content_type),
                ("Content-Length", len(content)),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )
