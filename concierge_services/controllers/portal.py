# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import Command, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.concierge_base.input_checks import finite
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..models.concierge_service_request_line import MAX_QUANTITY

# what a beneficiary may type in the details of a request on the portal
MAX_DESCRIPTION = 4000


class ConciergePortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "concierge_request_count" in counters:
            Request = request.env["concierge.service.request"]
            values["concierge_request_count"] = (
                Request.search_count(self._concierge_requests_domain())
                if Request.has_access("read")
                else 0
            )
        return values

    def _concierge_requests_domain(self):
        return [("partner_id", "=", request.env.user.partner_id.id)]

    @http.route(
        ["/my/requests", "/my/requests/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_concierge_requests(self, page=1, **kw):
        Request = request.env["concierge.service.request"]
        domain = self._concierge_requests_domain()
        count = Request.search_count(domain)
        pager = portal_pager(
            url="/my/requests", total=count, page=page, step=self._items_per_page
        )
        requests = Request.search(
            domain,
            order="request_date desc, id desc",
            limit=self._items_per_page,
            offset=pager["offset"],
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "concierge_requests": requests,
                "page_name": "concierge_request",
                "pager": pager,
                "default_url": "/my/requests",
            }
        )
        return request.render("concierge_services.portal_my_requests", values)

    @http.route(
        ["/my/requests/<int:request_id>"], type="http", auth="public", website=True
    )
    def portal_concierge_request_page(self, request_id, access_token=None, **kw):
        try:
            record = self._document_check_access(
                "concierge.service.request", request_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        return self._concierge_request_page(record, access_token, {}, **kw)

    @http.route(
        ["/my/requests/<int:request_id>/dropoff"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_concierge_request_dropoff(self, request_id, **kw):
        """Reserve a locker to drop the request's item off out of hours: the
        page shows the code once (it is also sent by mail)."""
        try:
            record = self._document_check_access(
                "concierge.service.request", request_id
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        try:
            with request.env.cr.savepoint():
                code, number = record._concierge_reserve_dropoff()
        except UserError as error:
            extra = {"dropoff_error": error.args[0]}
        else:
            extra = {"dropoff_code": number, "dropoff": code.sudo()}
        return self._concierge_request_page(record, None, extra, **kw)

    def _concierge_request_page(self, record, access_token, extra, **kw):
        """The page of a request (``record``, checked, sudo): its lines, its
        items in custody, its locker, ``extra`` values added."""
        live = record.pickup_code_ids.filtered(lambda c: c.state == "active")
        values = self._get_page_view_values(
            record,
            access_token,
            {
                "concierge_request": record,
                "page_name": "concierge_request",
                "custody_items": record.custody_item_ids,
                "live_codes": live,
                "dropoff_site": record._concierge_dropoff_sites(),
                "states": dict(
                    record._fields["state"]._description_selection(request.env)
                ),
                "item_states": dict(
                    record.custody_item_ids._fields["state"]._description_selection(
                        request.env
                    )
                ),
                **extra,
            },
            "my_concierge_requests_history",
            False,
            **kw,
        )
        return request.render("concierge_services.portal_request_page", values)

    def _concierge_portal_company(self):
        """The company whose catalogue the portal user sees: the company of
        their home site, else their user's company."""
        user = request.env.user
        return user.partner_id.sudo().concierge_site_id.company_id or user.company_id

    def _concierge_portal_products(self):
        """Services of the portal user's company (and shared ones) only."""
        company = self._concierge_portal_company()
        return (
            request.env["product.product"]
            .sudo()
            .search(
                [
                    ("concierge_category_id", "!=", False),
                    ("sale_ok", "=", True),
                    ("company_id", "in", [False, company.id]),
                ],
                order="concierge_category_id, name",
            )
        )

    @http.route(
        ["/my/requests/new"],
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_concierge_request_new(self, **post):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "concierge_request_new",
                "products": self._concierge_portal_products(),
                "error": False,
                "post": post,
                "max_quantity": MAX_QUANTITY,
                "max_description": MAX_DESCRIPTION,
            }
        )
        if request.httprequest.method == "POST":
            try:
                # refused: nothing of the request is kept (its lines, its
                # followers), the form shows the sentence
                with request.env.cr.savepoint():
                    record = self._concierge_create_request(post)
            except (UserError, ValidationError) as error:
                values["error"] = error.args[0]
            else:
                return request.redirect(f"/my/requests/{record.id}")
        return request.render("concierge_services.portal_request_new", values)

    def _concierge_create_request(self, post):
        """Create the portal user's request after checking what they sent."""
        env = request.env
        partner = env.user.partner_id
        try:
            product_id = int(post.get("product_id") or 0)
            quantity = float(post.get("quantity") or 1)
        except ValueError as error:
            raise ValidationError(
                env._("Choose a service and type a number as quantity.")
            ) from error
        product = self._concierge_portal_products().filtered(
            lambda p: p.id == product_id
        )
        if not product:
            raise ValidationError(env._("Choose a service of the catalogue."))
        if not finite(quantity):
            raise ValidationError(
                env._("Choose a service and type a number as quantity.")
            )
        if quantity <= 0:
            raise ValidationError(env._("The quantity must be greater than zero."))
        description = (post.get("description") or "").strip()
        if len(description) > MAX_DESCRIPTION:
            raise ValidationError(
                env._(
                    "The details of your request are too long: keep them under "
                    "%(max)s characters and bring the rest to the desk.",
                    max=MAX_DESCRIPTION,
                )
            )
        site = partner.sudo().concierge_site_id
        vals = {
            "partner_id": partner.id,
            "channel": "portal",
            "description": description or False,
            "line_ids": [
                Command.create({"product_id": product.id, "quantity": quantity})
            ],
            "user_id": False,
        }
        if site:
            vals.update(site_id=site.id, company_id=site.company_id.id)
        else:
            vals["company_id"] = self._concierge_portal_company().id
        record = env["concierge.service.request"].sudo().create(vals)
        record.message_subscribe(partner_ids=partner.ids)
        return record
