# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import logging
from collections import defaultdict
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html2plaintext
from odoo.tools.mail import email_normalize, parse_contact_from_email

from odoo.addons.concierge_base.models.concierge_state_guard import (
    marshallable,
    transition,
)

CHANNELS = [
    ("desk", "Desk"),
    ("phone", "Phone"),
    ("email", "Email"),
    ("portal", "Portal"),
    ("company", "Company"),
]
STATES = [
    ("draft", "Draft"),
    ("confirmed", "Confirmed"),
    ("in_progress", "In progress"),
    ("ready", "Ready"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]
OPEN_STATES = ("draft", "confirmed", "in_progress", "ready")
# the fields the form makes read-only once the request is confirmed: the sale
# order, the custody stock and the invoices were made of them
LOCKED_ONCE_CONFIRMED = (
    "partner_id",
    "site_id",
    "pricelist_id",
    "request_date",
    "line_ids",
    "company_id",
)
# senders of delivery reports and other automatic mails (local part)
AUTOMATIC_SENDERS = ("mailer-daemon", "postmaster")
# Precedence values of list, bulk and auto-reply mails
AUTOMATIC_PRECEDENCES = ("bulk", "auto_reply", "junk", "list")
# headers set by out-of-office and other auto-responders
AUTOREPLY_HEADERS = ("X-Autoreply", "X-Autorespond", "X-Auto-Reply")

_logger = logging.getLogger(__name__)


class ConciergeServiceRequest(models.Model):
    _name = "concierge.service.request"
    _description = "Conciergerie service request"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "portal.mixin",
        "concierge.state.guard",
    ]
    _order = "priority desc, request_date desc, id desc"
    _check_company_auto = True
    _mail_post_access = "read"
    # transition table: {button: states it may start from} (concierge.state.guard)
    _concierge_transitions = {
        "action_confirm": ("draft",),
        "action_start": ("confirmed",),
        "action_ready": ("confirmed", "in_progress"),
        "action_send_to_provider": ("confirmed", "in_progress"),
        "action_hand_back": ("ready",),
        "action_put_in_locker": ("ready",),
        "action_done": ("ready",),
        "action_cancel": OPEN_STATES,
        "action_draft": ("cancelled",),
    }
    # what write() refuses, and in which states (concierge.state.guard)
    _concierge_locked_fields = (
        (tuple(s for s, __ in STATES if s != "draft"), LOCKED_ONCE_CONFIRMED),
    )

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        default="/",
        index="trigram",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Beneficiary",
        index=True,
        tracking=True,
        check_company=True,
        help="The person (or company) who asks for the service.",
    )
    site_id = fields.Many2one(
        "concierge.site",
        index=True,
        tracking=True,
        check_company=True,
        compute="_compute_site_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    channel = fields.Selection(
        CHANNELS, required=True, default="desk", tracking=True, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Concierge",
        tracking=True,
        index=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        check_company=True,
    )
    request_date = fields.Datetime(
        required=True, default=fields.Datetime.now, index=True, copy=False
    )
    deadline = fields.Date(
        compute="_compute_deadline",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        index=True,
        help="Computed from the lead times of the services and the opening "
        "days of the site; can be changed.",
    )
    priority = fields.Selection(
        [("0", "Normal"), ("1", "Urgent")], default="0", index=True
    )
    vulnerable = fields.Boolean(
        string="Vulnerable person",
        related="partner_id.concierge_vulnerable",
        groups="concierge_base.group_concierge_user",
    )
    note = fields.Html(string="Notes", groups="concierge_base.group_concierge_user")
    description = fields.Text(
        help="What the beneficiary asks for, in their own words (portal, mail)."
    )
    line_ids = fields.One2many(
        "concierge.service.request.line", "request_id", string="Lines", copy=True
    )
    state = fields.Selection(
        STATES,
        required=True,
        default="draft",
        tracking=True,
        index=True,
        copy=False,
        group_expand="_group_expand_states",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount_total = fields.Monetary(
        string="Total", compute="_compute_amount_total", store=True
    )
    pricelist_id = fields.Many2one(
        "product.pricelist",
        compute="_compute_pricelist_id",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        help="The beneficiary's pricelist, else the employer's.",
    )
    sale_order_id = fields.Many2one(
        "sale.order", string="Sale order", copy=False, readonly=True, index=True
    )
    invoice_status = fields.Selection(
        related="sale_order_id.invoice_status", string="Invoice status"
    )
    payment_state = fields.Selection(
        [
            ("none", "Not invoiced"),
            ("not_paid", "Not paid"),
            ("partial", "Partially paid"),
            ("paid", "Paid"),
        ],
        string="Payment status",
        compute="_compute_payment_state",
    )
    invoice_count = fields.Integer(compute="_compute_payment_state")
    confirm_date = fields.Datetime(readonly=True, copy=False)
    ready_date = fields.Datetime(readonly=True, copy=False)
    done_date = fields.Datetime(readonly=True, copy=False)
    turnaround_days = fields.Float(
        string="Turnaround (days)",
        compute="_compute_turnaround",
        store=True,
        aggregator="avg",
        digits=(16, 1),
    )
    done_late = fields.Boolean(
        string="Closed late", compute="_compute_turnaround", store=True
    )
    sms_text = fields.Text(
        string="SMS text",
        compute="_compute_sms_text",
        help="Short text telling the beneficiary the request is ready, to "
        "send by SMS or read on the phone.",
    )
    is_late = fields.Boolean(
        string="Late", compute="_compute_is_late", search="_search_is_late"
    )
    custody_item_ids = fields.One2many(
        "concierge.custody.item", "request_id", string="Items in custody"
    )
    custody_count = fields.Integer(string="Items", compute="_compute_custody_count")
    pickup_code_ids = fields.One2many(
        "concierge.pickup.code", "request_id", string="Locker pick-ups", readonly=True
    )
    in_locker = fields.Boolean(
        string="Waiting in a locker",
        compute="_compute_in_locker",
        help="Items of the request wait in a locker compartment, with a live "
        "pick-up code.",
    )
    provider_ids = fields.Many2many(
        "res.partner",
        string="Providers",
        compute="_compute_provider_ids",
        search="_search_provider_ids",
    )

    # ------------------------------------------------------------------
    # computes
    # ------------------------------------------------------------------
    @api.depends("partner_id")
    def _compute_site_id(self):
        for request in self:
            site = request.partner_id.concierge_site_id
            if site and not request.site_id:
                request.site_id = site

    @api.depends("partner_id", "company_id")
    def _compute_pricelist_id(self):
        for request in self:
            request.pricelist_id = request._concierge_get_pricelist()

    def _concierge_get_pricelist(self):
        """The beneficiary's own pricelist, else the employer's, else the
        default pricelist of the beneficiary."""
        self.ensure_one()
        partner = self.partner_id.with_company(self.company_id)
        if not partner:
            return self.env["product.pricelist"]
        employer = partner.concierge_employer_id
        return (
            partner.specific_property_product_pricelist
            or employer.specific_property_product_pricelist
            or partner.property_product_pricelist
        )

    def _concierge_portal_offers(self, products):
        """What the beneficiary of this (new) request would pay for each of
        ``products``, as shown on the portal: {product id: {"price": unit
        price, "employer_pays": whether their employer's plan pays for it}}.
        All the prices come from one pricelist computation (extended by the
        company plans)."""
        self.ensure_one()
        pricelist = self.pricelist_id
        if pricelist:
            # in the pricelist's currency, as the request's lines
            prices = pricelist._get_products_price(products, 1.0)
        else:
            prices = {product.id: product.lst_price for product in products}
        return {
            product.id: {"price": prices[product.id], "employer_pays": False}
            for product in products
        }

    @api.depends(
        "request_date",
        "site_id",
        "line_ids.product_id.concierge_lead_days",
    )
    def _compute_deadline(self):
        for request in self:
            start = fields.Date.to_date(request.request_date or fields.Datetime.now())
            lead = max(request.line_ids.product_id.mapped("concierge_lead_days") or [0])
            if request.site_id:
                request.deadline = request.site_id._add_opening_days(start, lead)
            else:
                request.deadline = start + timedelta(days=lead)

    @api.depends("line_ids.price_subtotal")
    def _compute_amount_total(self):
        for request in self:
            request.amount_total = sum(request.line_ids.mapped("price_subtotal"))

    @api.depends("sale_order_id.invoice_ids.payment_state")
    def _compute_payment_state(self):
        for request in self:
            invoices = request.sale_order_id.invoice_ids.filtered(
                lambda m: m.state == "posted" and m.move_type == "out_invoice"
            )
            request.invoice_count = len(request.sale_order_id.invoice_ids)
            states = set(invoices.mapped("payment_state"))
            if not invoices:
                request.payment_state = "none"
            elif states <= {"paid", "in_payment", "reversed"}:
                request.payment_state = "paid"
            elif states & {"paid", "in_payment", "partial"}:
                request.payment_state = "partial"
            else:
                request.payment_state = "not_paid"

    @api.depends("done_date", "request_date", "deadline")
    def _compute_turnaround(self):
        for request in self:
            if request.done_date and request.request_date:
                delta = request.done_date - request.request_date
                request.turnaround_days = delta.total_seconds() / 86400
                request.done_late = bool(
                    request.deadline and request.done_date.date() > request.deadline
                )
            else:
                request.turnaround_days = 0.0
                request.done_late = False

    @api.depends("name", "partner_id.name", "site_id.name", "custody_item_ids.name")
    def _compute_sms_text(self):
        for request in self:
            lang = request.partner_id.lang or self.env.lang
            env = request.with_context(lang=lang).env
            tickets = ", ".join(request.custody_item_ids.mapped("name"))
            site = request.site_id.name or request.company_id.name
            if tickets:
                request.sms_text = env._(
                    "Hello %(name)s, your request %(ref)s is ready at %(site)s "
                    "(ticket %(tickets)s). See you soon!",
                    name=request.partner_id.name,
                    ref=request.name,
                    site=site,
                    tickets=tickets,
                )
            else:
                request.sms_text = env._(
                    "Hello %(name)s, your request %(ref)s is ready at %(site)s. "
                    "See you soon!",
                    name=request.partner_id.name,
                    ref=request.name,
                    site=site,
                )

    @api.depends("deadline", "state")
    def _compute_is_late(self):
        today = fields.Date.context_today(self)
        for request in self:
            request.is_late = bool(
                request.deadline
                and request.deadline < today
                and request.state in OPEN_STATES
            )

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on late requests."))
        today = fields.Date.context_today(self)
        domain = [("deadline", "<", today), ("state", "in", OPEN_STATES)]
        if (operator == "=") == value:
            return domain
        return ["!", "&", *domain]

    @api.depends("pickup_code_ids.state")
    def _compute_in_locker(self):
        for request in self:
            request.in_locker = "active" in request.pickup_code_ids.mapped("state")

    @api.depends("custody_item_ids")
    def _compute_custody_count(self):
        for request in self:
            request.custody_count = len(request.custody_item_ids)

    @api.depends("line_ids.provider_id")
    def _compute_provider_ids(self):
        for request in self:
            request.provider_ids = request.line_ids.provider_id

    def _search_provider_ids(self, operator, value):
        return [("line_ids.provider_id", operator, value)]

    @api.model
    def _group_expand_states(self, states, domain):
        return [key for key, _label in STATES]

    # ------------------------------------------------------------------
    # constraints and CRUD
    # ------------------------------------------------------------------
    @api.constrains("request_date", "deadline")
    def _check_deadline(self):
        for request in self:
            if (
                request.deadline
                and request.request_date
                and request.deadline < request.request_date.date()
            ):
                raise ValidationError(
                    self.env._(
                        "The deadline of %(name)s is before the day it was "
                        "asked for: check the request date and the deadline.",
                        name=request.name,
                    )
                )

    @api.constrains("partner_id")
    def _check_partner_id(self):
        for request in self:
            if not request.partner_id:
                raise ValidationError(
                    self.env._(
                        "A request needs a beneficiary: choose the person who "
                        "asks for the service."
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("partner_id"):
                raise ValidationError(
                    self.env._(
                        "A request needs a beneficiary: choose the person who "
                        "asks for the service."
                    )
                )
        missing = [vals for vals in vals_list if vals.get("name", "/") == "/"]
        if missing:
            sequence = self.env["ir.sequence"]
            for vals in missing:
                company_id = vals.get("company_id") or self.env.company.id
                date = vals.get("request_date") or fields.Datetime.now()
                vals["name"] = sequence.with_company(company_id).next_by_code(
                    "concierge.service.request",
                    sequence_date=fields.Datetime.to_datetime(date),
                ) or self.env._("New")
        # a request created past draft (imports, scripts) gets its lines
        # while still a draft: the lines of a confirmed request are frozen
        later = defaultdict(list)
        for index, vals in enumerate(vals_list):
            if vals.get("line_ids") and vals.get("state", "draft") != "draft":
                later[vals.pop("state")].append(index)
        requests = super().create(vals_list)
        for state, indexes in later.items():
            requests.browse([requests[i].id for i in indexes]).write({"state": state})
        return requests

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft_or_cancelled(self):
        kept = self.filtered(lambda r: r.state not in ("draft", "cancelled"))
        if kept:
            raise UserError(
                self.env._(
                    "Request %(name)s is %(state)s: cancel it before deleting it.",
                    name=kept[0].name,
                    state=kept[0]._concierge_state_label(),
                )
            )

    # ------------------------------------------------------------------
    # mail gateway: a mail to the alias creates a request
    # ------------------------------------------------------------------
    @api.model
    def _concierge_request_alias(self):
        return self.env.ref(
            "concierge_services.mail_alias_concierge_request", raise_if_not_found=False
        )

    @api.model
    def _concierge_alias_accepts_anyone(self):
        """Whether a mail from an unknown sender may create a beneficiary (the
        setting "Requests by e-mail from" of the request alias)."""
        alias = self._concierge_request_alias()
        return bool(alias) and alias.sudo().alias_contact == "everyone"

    @api.model
    def _concierge_is_automatic_mail(self, message, message_dict):
        """Whether an incoming mail was sent by a machine: an auto-reply
        (out of office), a bulk or list mail, or a bounce. No request is made
        of it, and nothing is sent back, so that two robots never loop."""
        if message_dict.get("is_bounce") or self._detect_is_bounce(
            message, message_dict
        ):
            return True
        auto_submitted = (message.get("Auto-Submitted") or "").strip().lower()
        if auto_submitted and auto_submitted != "no":
            return True
        precedence = (message.get("Precedence") or "").strip().lower()
        if precedence in AUTOMATIC_PRECEDENCES:
            return True
        if any(message.get(header) for header in AUTOREPLY_HEADERS):
            return True
        if (message.get("Return-Path") or "").strip() == "<>":
            return True
        email = email_normalize(message_dict.get("email_from") or "") or ""
        return email.split("@", 1)[0] in AUTOMATIC_SENDERS

    @api.model
    def _routing_check_route(self, message, message_dict, route, raise_exception=True):
        if (
            route
            and route[0] == self._name
            and (self._concierge_is_automatic_mail(message, message_dict))
        ):
            _logger.info(
                "Routing mail from %s with Message-Id %s: automatic mail "
                "(auto-reply, bulk or bounce), no request created and no reply.",
                message_dict.get("email_from"),
                message_dict.get("message_id"),
            )
            return ()
        return super()._routing_check_route(
            message, message_dict, route, raise_exception=raise_exception
        )

    @api.model
    def _concierge_partner_from_email(self, email_from):
        """The beneficiary writing from ``email_from``; created if unknown
        when the alias accepts mails from anyone."""
        email = email_normalize(email_from or "")
        if not email:
            return self.env["res.partner"]
        partners = self._mail_find_partner_from_emails([email])
        partner = partners[0] if partners else self.env["res.partner"]
        if not partner and self._concierge_alias_accepts_anyone():
            name, email = parse_contact_from_email(email_from)
            partner = self.env["res.partner"].create(
                {
                    "name": name or email,
                    "email": email,
                    "concierge_beneficiary_type": "inhabitant",
                }
            )
        return partner

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        values = dict(custom_values or {})
        partner = self._concierge_partner_from_email(msg_dict.get("email_from"))
        if partner and not values.get("partner_id"):
            values["partner_id"] = partner.id
        values.setdefault("channel", "email")
        subject = msg_dict.get("subject") or ""
        body = html2plaintext(msg_dict.get("body") or "")
        values.setdefault("description", "\n\n".join(filter(None, [subject, body])))
        values.setdefault("user_id", False)
        values["name"] = "/"  # the gateway would name it after the subject
        request = super().message_new(msg_dict, custom_values=values)
        if partner:
            request.message_subscribe(partner_ids=partner.ids)
        return request

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for request in self:
            request.access_url = f"/my/requests/{request.id}"
        return res

    # ------------------------------------------------------------------
    # lifecycle
    # ------------------------------------------------------------------
    @transition
    def action_confirm(self):
        self._check_action("action_confirm", self.env._("Confirming"))
        empty = self.filtered(lambda r: not r.line_ids)
        if empty:
            raise UserError(
                self.env._(
                    "Request %(name)s has no line: add the services asked for "
                    "before confirming it.",
                    name=empty[0].name,
                )
            )
        self._create_sale_orders()
        self.write({"state": "confirmed", "confirm_date": fields.Datetime.now()})
        self.line_ids.filtered(lambda line: line.state == "draft").write(
            {"state": "to_do"}
        )
        self._action_confirm()
        return True

    def _action_confirm(self):
        """What confirming a request brings once it is confirmed (extended by
        other addons, as ``sale.order._action_confirm``): take into custody
        one item per line of a custody service."""
        lines = self.line_ids.filtered(
            lambda line: line.custody and line.state == "to_do"
        )
        if lines:
            self.env["concierge.custody.item"].create(
                [line._prepare_custody_item_vals() for line in lines]
            )
        return True

    def _prepare_sale_order_vals(self, distributions=None):
        self.ensure_one()
        distributions = {} if distributions is None else distributions
        return {
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "pricelist_id": self.pricelist_id.id,
            "user_id": self.user_id.id,
            "origin": self.name,
            "client_order_ref": self.name,
            "concierge_request_id": self.id,
            "order_line": [
                fields.Command.create(
                    {
                        **line._prepare_sale_order_line_vals(),
                        "analytic_distribution": self._concierge_analytic_distribution(
                            line.product_id, distributions
                        ),
                    }
                )
                for line in self.line_ids
                if line.state != "cancelled"
            ],
        }

    def _concierge_analytic_distribution(self, product, cache):
        """The analytic distribution of a sale line: the one Odoo's models
        give (looked up once per product and beneficiary instead of once per
        line), else the request's site's, so that the sale counts for its
        site in the funding mix."""
        self.ensure_one()
        partner = self.partner_id
        key = (product.id, partner.id, self.company_id.id)
        if key not in cache:
            cache[key] = (
                self.env["account.analytic.distribution.model"]
                .sudo()
                ._get_distribution(
                    {
                        "product_id": product.id,
                        "product_categ_id": product.categ_id.id,
                        "partner_id": partner.id,
                        "partner_category_id": partner.category_id.ids,
                        "company_id": self.company_id.id,
                    }
                )
                or False
            )
        if cache[key]:
            return cache[key]
        return self.site_id and self.site_id._concierge_analytic_distribution()

    def _create_sale_orders(self):
        """Create and confirm one sale order per request, in one batch."""
        todo = self.filtered(lambda r: not r.sale_order_id)
        if not todo:
            return self.env["sale.order"]
        distributions = {}
        orders = self.env["sale.order"].create(
            [request._prepare_sale_order_vals(distributions) for request in todo]
        )
        for request, order in zip(todo, orders, strict=True):
            request.sale_order_id = order
        orders.with_context(mail_notrack=True).action_confirm()
        return orders

    @transition
    def action_start(self):
        self._check_action("action_start", self.env._("Starting the work"))
        self.write({"state": "in_progress"})
        return True

    @transition
    def action_ready(self):
        self._check_action("action_ready", self.env._("Marking ready"))
        items = self.custody_item_ids.filtered(lambda i: i.state != "returned")
        waiting = items.filtered(lambda i: i.state == "received" and i.provider_id)
        if waiting:
            raise UserError(
                self.env._(
                    "Item %(ticket)s is still at the desk: send it to %(provider)s "
                    "before marking the request ready.",
                    ticket=waiting[0].name,
                    provider=waiting[0].provider_id.display_name,
                )
            )
        items.filtered(lambda i: i.state != "ready").action_mark_ready()
        self.write({"state": "ready", "ready_date": fields.Datetime.now()})
        self._action_ready()
        return True

    def _action_ready(self):
        """What a request being ready brings once it is (extended by other
        addons): at a site whose ready items go to a locker, they are put
        in one and the code is sent; the other beneficiaries are told by
        mail that their request is ready."""
        in_locker = self._concierge_auto_locker()
        template = self.env.ref(
            "concierge_services.mail_template_request_ready", raise_if_not_found=False
        )
        if template:
            (self - in_locker).filtered("partner_id.email").message_post_with_source(
                template, subtype_xmlid="mail.mt_comment"
            )
        return True

    def _concierge_send_received(self):
        """Tell the beneficiaries by mail that their requests (made on the
        portal) are received: what was asked, where to bring the items and
        when, the link to follow them. Posted by the conciergerie, so that
        the beneficiary who made the request is notified too."""
        template = self.env.ref(
            "concierge_services.mail_template_request_received",
            raise_if_not_found=False,
        )
        if template:
            self.filtered("partner_id.email").with_user(
                SUPERUSER_ID
            ).message_post_with_source(template, subtype_xmlid="mail.mt_comment")
        return True

    def _concierge_auto_locker(self):
        """Put the ready items of the requests of sites whose ready items go
        to a locker in a free compartment; returns the requests put in one
        (those finding no free compartment stay at the desk, said on the
        request)."""
        Compartment = self.env["concierge.locker.compartment"].sudo()
        done = self.browse()
        for request in self.filtered("site_id.concierge_locker_auto"):
            items = request.custody_item_ids.filtered(
                lambda i: i.state == "ready" and not i.compartment_id
            )
            if not items:
                continue
            compartment = Compartment._concierge_free_compartment(
                request.site_id, items._concierge_locker_size()
            )
            if not compartment:
                request.message_post(
                    body=self.env._(
                        "No free compartment at %(site)s holds the items: they "
                        "wait at the desk.",
                        site=request.site_id.display_name,
                    )
                )
                continue
            self.env["concierge.pickup.code"]._concierge_issue(
                request, compartment, items
            )
            done |= request
        return done

    def action_send_to_provider(self):
        """Pass the items received at the desk to their providers."""
        self._check_action(
            "action_send_to_provider", self.env._("Sending to providers")
        )
        items = self.custody_item_ids.filtered(
            lambda i: i.state == "received" and i.provider_id
        )
        if not items:
            raise UserError(
                self.env._(
                    "No item of request %(name)s waits at the desk for a provider.",
                    name=self[:1].name,
                )
            )
        items.action_send_to_provider()
        return True

    def action_hand_back(self):
        """Hand the ready items back to the beneficiary, close when all is delivered."""
        self._check_action("action_hand_back", self.env._("Handing back"))
        return self._concierge_hand_back("desk")

    def _concierge_hand_back(self, method):
        """Hand the ready items of the requests back (``method``: how, see
        the custody item's ``handover_method``), close the requests when
        all is delivered. The items waiting in a locker are taken out of it
        by the hand-back: their pick-up code is used, the compartment free."""
        # an item belongs to the beneficiary of its request (its partner is
        # the request's): the items of all the requests go back at once
        items = self.custody_item_ids.filtered(lambda i: i.state == "ready")
        in_lockers = items.compartment_id
        items._hand_back_items(method)
        if in_lockers:
            self.env["concierge.pickup.code"].sudo().search(
                [("request_id", "in", self.ids), ("state", "=", "active")]
            )._concierge_close("used", "counter")
        self._close_if_complete()
        return True

    def action_put_in_locker(self):
        """Put the ready items of each request in a free compartment of its
        site that holds them, and send the beneficiary a one-time pick-up
        code (mail, and SMS where the company sends them)."""
        self._check_action("action_put_in_locker", self.env._("Putting in a locker"))
        Code = self.env["concierge.pickup.code"]
        Compartment = self.env["concierge.locker.compartment"]
        for request in self:
            items = request.custody_item_ids.filtered(
                lambda i: i.state == "ready" and not i.compartment_id
            )
            if not items:
                raise UserError(
                    self.env._(
                        "Request %(request)s has no item ready at the desk to "
                        "put in a locker.",
                        request=request.name,
                    )
                )
            compartment = Compartment._concierge_free_compartment(
                request.site_id, items._concierge_locker_size()
            )
            if not compartment:
                raise UserError(
                    self.env._(
                        "No free compartment at %(site)s can hold the items of "
                        "request %(request)s: hand them back at the desk.",
                        site=request.site_id.display_name,
                        request=request.name,
                    )
                )
            Code._concierge_issue(request, compartment, items)
        return True

    def action_send_new_pickup_code(self):
        """The beneficiary lost the code: a new one replaces it (the old one
        opens nothing any more), for the same compartment."""
        Code = self.env["concierge.pickup.code"].sudo()
        for request in self:
            live = Code.search(
                [("request_id", "=", request.id), ("state", "=", "active")], limit=1
            )
            if not live:
                raise UserError(
                    self.env._(
                        "No items of request %(request)s wait in a locker.",
                        request=request.name,
                    )
                )
            Code._concierge_issue(request, live.compartment_id, live.custody_item_ids)
        return True

    def _concierge_dropoff_sites(self):
        """The site where the beneficiary may drop the request's item off in
        a locker (empty when none): a draft request of a service taken
        into custody, at a site with lockers, with no drop-off reserved."""
        self.ensure_one()
        site = self.site_id
        if (
            self.state != "draft"
            or not self.line_ids.filtered("custody")
            or not site.concierge_compartment_ids
            or "active" in self.pickup_code_ids.mapped("state")
        ):
            return self.env["concierge.site"]
        return site

    def _concierge_reserve_dropoff(self):
        """Reserve the smallest free compartment of the site that holds the
        request's items, for the beneficiary to drop them off out of hours.
        Returns (pick-up code record, code): the code is shown once."""
        self.ensure_one()
        site = self._concierge_dropoff_sites()
        if not site:
            raise UserError(
                self.env._(
                    "Request %(request)s cannot be dropped off in a locker: "
                    "it must be a new request of a service taken into custody, "
                    "at a site with lockers, with no locker reserved yet.",
                    request=self.name,
                )
            )
        size = self.line_ids.filtered("custody").product_id._concierge_locker_size()
        compartment = self.env["concierge.locker.compartment"].sudo()
        compartment = compartment._concierge_free_compartment(site, size)
        if not compartment:
            raise UserError(
                self.env._(
                    "No locker is free at %(site)s for this item now: bring it "
                    "to the desk (%(hours)s) or try again later.",
                    site=site.name,
                    hours=site.opening_summary or "-",
                )
            )
        return self.env["concierge.pickup.code"]._concierge_reserve(self, compartment)

    def _concierge_dropoff_compartment(self):
        """The compartment the beneficiary has just dropped the request's
        item off in (a used drop-off code, its item not yet received)."""
        codes = self.pickup_code_ids.filtered(
            lambda c: (
                c.kind == "dropoff"
                and c.state == "used"
                and not c.custody_item_ids
                and c.compartment_id.state == "occupied"
            )
        )
        return codes[:1].compartment_id

    def _concierge_flag_overdue(self, items, activity_type):
        """Ask the site's manager (else the request's concierge) to act on
        ``items``, held too long."""
        self.ensure_one()
        user = self.site_id.manager_id or self.user_id
        self.activity_schedule(
            activity_type_id=activity_type.id,
            summary=self.env._(
                "Items held too long: %(tickets)s",
                tickets=", ".join(items.mapped("name")),
            ),
            note=self.env._(
                "Held for %(days)s days (alert after %(limit)s days). Call the "
                "beneficiary, or the provider for the items still with them.",
                days=max(items.mapped("held_days")),
                limit=self.company_id.concierge_custody_alert_days,
            ),
            user_id=user.id or self.env.ref("base.user_admin").id,
        )
        return True

    def _undelivered_lines(self):
        """The lines of the requests neither delivered nor cancelled."""
        return self.line_ids.filtered(
            lambda line: line.state not in ("delivered", "cancelled")
        )

    def _close_if_complete(self):
        """Close the requests all of whose lines are delivered (or
        cancelled); return them."""
        complete = self.filtered(lambda request: not request._undelivered_lines())
        if complete:
            complete.action_done()
        return complete

    @transition
    def action_done(self):
        self._check_action("action_done", self.env._("Closing"))
        for request in self:
            pending = request._undelivered_lines()
            if pending:
                raise UserError(
                    self.env._(
                        "Request %(name)s cannot be closed: %(lines)s not "
                        "delivered yet.",
                        name=request.name,
                        lines=", ".join(pending.mapped("name")),
                    )
                )
        self.write({"state": "done", "done_date": fields.Datetime.now()})
        return True

    @transition
    def action_cancel(self):
        self._check_action("action_cancel", self.env._("Cancelling"))
        orders = self.sale_order_id
        invoiced = orders.filtered(
            lambda o: o.invoice_ids.filtered(lambda m: m.state != "cancel")
        )
        if invoiced:
            request = self.filtered(lambda r: r.sale_order_id in invoiced)[0]
            raise UserError(
                self.env._(
                    "Request %(name)s cannot be cancelled: its sale order "
                    "%(order)s is already invoiced. Issue a credit note from "
                    "the invoice instead.",
                    name=request.name,
                    order=request.sale_order_id.name,
                )
            )
        return self._action_cancel()

    def _action_cancel(self):
        """Cancel the requests, checked by :meth:`action_cancel` (extended by
        other addons, as ``sale.order._action_cancel``): their items go back
        to the beneficiaries, their sale orders and lines are cancelled."""
        in_lockers = self.custody_item_ids.compartment_id
        self._give_back_custody_items()
        # the items were given back from their compartments, the drop-offs
        # reserved are void: the compartments are free
        self.env["concierge.pickup.code"].sudo().search(
            [("request_id", "in", self.ids), ("state", "=", "active")]
        )._concierge_close("revoked")
        in_lockers._concierge_release_if_empty()
        orders = self.sale_order_id
        if orders:
            orders._action_cancel()
        self.line_ids.write({"state": "cancelled"})
        self.write({"state": "cancelled"})
        return True

    def _give_back_custody_items(self):
        """Give back the items still at the desk; refuse if one is at a provider."""
        items = self.custody_item_ids
        away = items.filtered(lambda i: i.state == "at_provider")
        if away:
            raise UserError(
                self.env._(
                    "Request %(name)s cannot be cancelled while item %(ticket)s "
                    "is at %(provider)s: get it back first.",
                    name=away[0].request_id.name,
                    ticket=away[0].name,
                    provider=away[0].provider_id.display_name,
                )
            )
        items.filtered(lambda i: i.state in ("received", "ready"))._set_custody_state(
            "returned", cancelling=True
        )
        return True

    def action_view_custody_items(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "concierge_services.action_concierge_custody_item"
        )
        action["domain"] = [("request_id", "=", self.id)]
        action["context"] = {"search_default_group_state": 0}
        return action

    @transition
    def action_draft(self):
        self._check_action("action_draft", self.env._("Resetting to draft"))
        self.line_ids.write({"state": "draft"})
        self.write({"state": "draft", "sale_order_id": False})
        return True

    def action_create_invoice(self):
        """Invoice what the sale order has to invoice and open the invoice."""
        self.ensure_one()
        order = self.sale_order_id
        if not order or order.invoice_status != "to invoice":
            raise UserError(
                self.env._(
                    "There is nothing to invoice on request %(name)s.",
                    name=self.name,
                )
            )
        invoice = order._create_invoices()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": invoice.id,
            "view_mode": "form",
        }

    def action_view_sale_order(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": self.sale_order_id.id,
            "view_mode": "form",
        }

    def action_view_invoices(self):
        self.ensure_one()
        return marshallable(self.sale_order_id.action_view_invoice())
