# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from werkzeug.exceptions import Forbidden, NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import content_disposition, request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..models.concierge_indicator_value import funding_mix_memo

REPORT = "concierge_base.action_report_concierge_funding_report"


class ConciergeFundingPortal(CustomerPortal):
    """The funders' contacts on the portal: the agreements of their
    organisation, their installments, reporting deadlines and delivered
    financial reports, and the indicators of the sites they fund. The record
    rules of the portal group decide what they read."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "concierge_funding_count" in counters:
            Agreement = request.env["concierge.funding.agreement"]
            values["concierge_funding_count"] = (
                Agreement.search_count([]) if Agreement.has_access("read") else 0
            )
        return values

    def _concierge_check_access(self, model_name, record_id):
        """The record, sudoed, when the user may read it; 404 when it does
        not exist, 403 when it belongs to someone else."""
        try:
            return self._document_check_access(model_name, record_id)
        except MissingError as error:
            raise NotFound() from error
        except AccessError as error:
            raise Forbidden() from error

    @http.route(
        ["/my/funding", "/my/funding/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_concierge_funding(self, page=1, **kw):
        Agreement = request.env["concierge.funding.agreement"]
        if not Agreement.has_access("read"):
            return request.redirect("/my")
        count = Agreement.search_count([])
        pager = portal_pager(
            url="/my/funding", total=count, page=page, step=self._items_per_page
        )
        agreements = Agreement.search(
            [], limit=self._items_per_page, offset=pager["offset"]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "agreements": agreements.sudo(),
                "page_name": "concierge_funding",
                "pager": pager,
                "default_url": "/my/funding",
            }
        )
        return request.render("concierge_base.portal_my_funding", values)

    @http.route(
        ["/my/funding/<int:agreement_id>"], type="http", auth="user", website=True
    )
    def portal_concierge_funding_page(self, agreement_id, **kw):
        agreement = self._concierge_check_access(
            "concierge.funding.agreement", agreement_id
        )
        reports = (
            request.env["concierge.funding.report"]
            .search([("agreement_id", "=", agreement.id)], order="date_to desc")
            .sudo()
        )
        deadlines = (
            request.env["concierge.funding.deadline"]
            .search([("agreement_id", "=", agreement.id)])
            .sudo()
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "agreement": agreement,
                "installments": agreement.installment_ids,
                "deadlines_due": deadlines.filtered(lambda d: d.state != "done"),
                "reports": reports,
                "indicators": self._concierge_funding_indicators(agreement),
                "page_name": "concierge_funding",
                "installment_states": dict(
                    agreement.installment_ids._fields["state"]._description_selection(
                        request.env
                    )
                ),
            }
        )
        return request.render("concierge_base.portal_funding_page", values)

    def _concierge_funding_indicators(self, agreement):
        """[(indicator, value)] over the agreement's period for its sites:
        the indicators the agreement names, else every active indicator that
        has a value. Aggregated figures only, no person behind them."""
        date_from = agreement.date_start
        date_to = agreement.date_end
        if not date_from or not date_to:
            return []
        indicators = agreement.indicator_ids or request.env[
            "concierge.indicator"
        ].sudo().search([("active", "=", True)])
        result = []
        with funding_mix_memo():
            for indicator in indicators.sudo():
                value = indicator._aggregate(
                    date_from,
                    date_to,
                    agreement.site_ids or None,
                    companies=agreement.company_id,
                )
                if value is not None:
                    result.append((indicator, value))
        return result

    @http.route(
        ["/my/funding/report/<int:report_id>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_concierge_funding_report(self, report_id, **kw):
        """The PDF of a delivered financial report of the user's funder."""
        report = self._concierge_check_access("concierge.funding.report", report_id)
        content, kind = (
            request.env["ir.actions.report"].sudo()._render_qweb_pdf(REPORT, report.ids)
        )
        # without wkhtmltopdf (and in tests) Odoo renders the HTML
        content_type = "application/pdf" if kind == "pdf" else "text/html"
        filename = f"{report._get_filename()}.{kind}"
        return request.make_response(
            content,
            headers=[
                ("Content-Type", content_type),
                ("Content-Length", len(content)),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )
