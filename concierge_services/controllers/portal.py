# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from operator import itemgetter

from odoo import Command, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request
from odoo.osv import expression
from odoo.tools import groupby

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

    def _concierge_searchbar_sortings(self):
        return {
            "date": {
                "label": request.env._("Newest"),
                "order": "request_date desc, id desc",
            },
            "name": {
                "label": request.env._("Reference"),
                "order": "name desc, id desc",
            },
            "state": {
                "label": request.env._("Status"),
                "order": "state, request_date desc, id desc",
            },
        }

    def _concierge_searchbar_filters(self):
        return {
            "all": {"label": request.env._("All"), "domain": []},
            "open": {
                "label": request.env._("In progress"),
                "domain": [("state", "not in", ("done", "cancelled"))],
            },
            "done": {
                "label": request.env._("Done"),
                "domain": [("state", "=", "done")],
            },
        }

    def _concierge_searchbar_inputs(self):
        return {
            "all": {"input": "all", "label": request.env._("Search in all")},
            "name": {"input": "name", "label": request.env._("Search in reference")},
            "service": {
                "input": "service",
                "label": request.env._("Search in services"),
            },
        }

    def _concierge_search_domain(self, search_in, search):
        by_name = [("name", "ilike", search)]
        by_service = [("line_ids.name", "ilike", search)]
        if search_in == "name":
            return by_name
        if search_in == "service":
            return by_service
        return expression.OR([by_name, by_service])

    @http.route(
        ["/my/requests", "/my/requests/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_concierge_requests(
        self, page=1, sortby=None, filterby=None, search=None, search_in="all", **kw
    ):
        Request = request.env["concierge.service.request"]
        sortings = self._concierge_searchbar_sortings()
        filters = self._concierge_searchbar_filters()
        inputs = self._concierge_searchbar_inputs()
        sortby = sortby if sortby in sortings else "date"
        filterby = filterby if filterby in filters else "all"
        search_in = search_in if search_in in inputs else "all"
        domain = expression.AND(
            [self._concierge_requests_domain(), filters[filterby]["domain"]]
        )
        if search:
            domain = expression.AND(
                [domain, self._concierge_search_domain(search_in, search)]
            )
        count = Request.search_count(domain)
        pager = portal_pager(
            url="/my/requests",
            url_args={
                "sortby": sortby,
                "filterby": filterby,
                "search_in": search_in,
                "search": search,
            },
            total=count,
            page=page,
            step=self._items_per_page,
        )
        requests = Request.search(
            domain,
            order=sortings[sortby]["order"],
            limit=self._items_per_page,
            offset=pager["offset"],
        )
        request.session["my_concierge_requests_history"] = requests.ids[:100]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "concierge_requests": requests,
                "page_name": "concierge_request",
                "pager": pager,
                "default_url": "/my/requests",
                "searchbar_sortings": sortings,
                "sortby": sortby,
                "searchbar_filters": filters,
                "filterby": filterby,
                "searchbar_inputs": inputs,
                "search_in": search_in,
                "search": search,
                "states": dict(
                    Request._fields["state"]._description_selection(request.env)
                ),
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

    def _concierge_portal_sites(self):
        """Where the portal user may drop and collect their items: their
        home site, else the sites of their company (not the rounds)."""
        home = request.env.user.partner_id.sudo().concierge_site_id
        if home:
            return home
        return (
            request.env["concierge.site"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self._concierge_portal_company().id),
                    ("site_type", "!=", "itinerant"),
                ]
            )
        )

    def _concierge_portal_catalogue(self, products, sites):
        """The services of ``products`` by category, each with what the
        portal user pays: [(category, [(product, offer)])], the prices of
        all the services computed at once (their pricelist, their
        employer's for employees)."""
        draft = (
            request.env["concierge.service.request"]
            .sudo()
            .new(
                {
                    "partner_id": request.env.user.partner_id.id,
                    "site_id": sites[:1].id,
                    "company_id": sites[:1].company_id.id
                    or self._concierge_portal_company().id,
                }
            )
        )
        offers = draft._concierge_portal_offers(products)
        catalogue = []
        for category, services in groupby(
            products, key=itemgetter("concierge_category_id")
        ):
            catalogue.append(
                (category, [(product, offers[product.id]) for product in services])
            )
        return catalogue, draft.pricelist_id.currency_id or draft.currency_id

    @http.route(
        ["/my/requests/new"],
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_concierge_request_new(self, **post):
        values = self._prepare_portal_layout_values()
        products = self._concierge_portal_products()
        sites = self._concierge_portal_sites()
        catalogue, currency = self._concierge_portal_catalogue(products, sites)
        values.update(
            {
                "page_name": "concierge_request_new",
                "products": products,
                "catalogue": catalogue,
                "currency": currency,
                "sites": sites,
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
                record._concierge_send_received()
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
        if post.get("site_id"):
            site_id = post["site_id"]
            site = self._concierge_portal_sites().filtered(
                lambda s: str(s.id) == site_id
            )
            if not site:
                raise ValidationError(env._("Choose one of the conciergerie's sites."))
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
