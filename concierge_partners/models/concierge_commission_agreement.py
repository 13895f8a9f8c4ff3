# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import date_utils

COMMISSION_MODELS = [
    ("referral", "Referral"),
    ("mandate", "Mandate"),
    ("resale", "Resale"),
    ("consignment", "Consignment"),
]
SETTLEMENT_PERIODS = [("monthly", "Monthly"), ("quarterly", "Quarterly")]
SALE_MODES = [
    ("agent", "In the provider's name (agent)"),
    ("own_name", "In the conciergerie's own name"),
]
# the models whose sales the conciergerie may make in the provider's name
AGENT_MODELS = ("mandate", "consignment")


def period_bounds(date, settlement_period):
    """First and last day of the month or quarter holding ``date``."""
    granularity = "quarter" if settlement_period == "quarterly" else "month"
    return (
        date_utils.start_of(date, granularity),
        date_utils.end_of(date, granularity),
    )


class ConciergeCommissionAgreement(models.Model):
    _name = "concierge.commission.agreement"
    _description = "Commission agreement with a local provider"
    _inherit = ["mail.thread"]
    _order = "provider_id, date_start desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    provider_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        tracking=True,
        domain="[('concierge_is_provider', '=', True)]",
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    active = fields.Boolean(default=True, tracking=True)
    commission_model = fields.Selection(
        COMMISSION_MODELS,
        string="Model",
        required=True,
        default="referral",
        tracking=True,
        help="Referral: the provider invoices the customer and owes a commission. "
        "Mandate: the conciergerie collects on the provider's behalf and pays "
        "back the net. Resale: the conciergerie buys and resells, the margin is "
        "its income. Consignment: producer-owned goods sold at the shop, the "
        "producer is paid the net.",
    )
    concierge_sale_mode = fields.Selection(
        SALE_MODES,
        string="Sale mode",
        required=True,
        compute="_compute_concierge_sale_mode",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="In the provider's name (mandataire): the amounts the "
        "conciergerie collects for the provider are booked on the third-party "
        "account (467), the settlement's vendor bill clears it and only the "
        "commission is revenue of the conciergerie. In its own name "
        "(commissionnaire, resale, consignment sold as the shop's): the sale "
        "is revenue of the conciergerie and the provider's share a purchase. "
        "Under a referral the provider invoices its customers itself.",
    )
    basis = fields.Selection(
        [("invoiced", "Invoiced"), ("paid", "Paid")],
        required=True,
        default="invoiced",
        tracking=True,
        help="Invoiced: commission is due when the customer invoice is posted. "
        "Paid: commission is due as the customer pays, pro rata of partial "
        "payments.",
    )
    settlement_period = fields.Selection(
        SETTLEMENT_PERIODS, required=True, default="monthly", tracking=True
    )
    date_start = fields.Date(
        string="Valid from",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    date_end = fields.Date(string="Valid until", tracking=True)
    rule_ids = fields.One2many(
        "concierge.commission.rule", "agreement_id", string="Rules", copy=True
    )
    consignment_site_id = fields.Many2one(
        "concierge.site",
        string="Consignment site",
        check_company=True,
        tracking=True,
        help="Site where the producer leaves its goods in consignment and "
        "where they are sold.",
    )
    line_count = fields.Integer(compute="_compute_line_count")
    note = fields.Html()

    @api.depends("commission_model")
    def _compute_concierge_sale_mode(self):
        for agreement in self:
            agreement.concierge_sale_mode = (
                "agent" if agreement.commission_model == "mandate" else "own_name"
            )

    @api.constrains("concierge_sale_mode", "commission_model")
    def _check_concierge_sale_mode(self):
        for agreement in self:
            if (
                agreement.concierge_sale_mode == "agent"
                and agreement.commission_model not in AGENT_MODELS
            ):
                raise ValidationError(
                    self.env._(
                        "The agreement %(name)s cannot sell in the provider's "
                        "name: only a mandate or a consignment can. Under a "
                        "referral the provider invoices its customers itself, "
                        "and a resale is always in the conciergerie's own name.",
                        name=agreement.name,
                    )
                )

    def _is_agent(self):
        """Whether the sales of this agreement are made in the provider's
        name: booked on the third-party account, not as revenue."""
        self.ensure_one()
        return (
            self.concierge_sale_mode == "agent"
            and self.commission_model in AGENT_MODELS
        )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for agreement in self:
            if agreement.date_end and agreement.date_end < agreement.date_start:
                raise ValidationError(
                    self.env._(
                        "The agreement %(name)s ends before it starts.",
                        name=agreement.name,
                    )
                )

    @api.constrains("provider_id", "date_start", "date_end", "active", "company_id")
    def _check_overlap(self):
        self._check_overlapping_scopes()

    def _check_overlapping_scopes(self):
        """Refuse two active agreements of a provider valid on the same days
        with a rule on the same scope (everything, a category or a product)."""
        agreements = self.filtered("active")
        if not agreements:
            return
        others = self.search(
            [
                ("provider_id", "in", agreements.provider_id.ids),
                ("company_id", "in", agreements.company_id.ids),
            ]
        )
        for agreement in agreements:
            for other in others:
                if (
                    other == agreement
                    or other.provider_id != agreement.provider_id
                    or other.company_id != agreement.company_id
                    or not agreement._overlaps(other)
                ):
                    continue
                common = agreement._scope_keys() & other._scope_keys()
                if common:
                    raise ValidationError(
                        self.env._(
                            "The agreements %(first)s and %(second)s of "
                            "%(provider)s are valid at the same time for the "
                            "same services. End the first one before the second "
                            "starts, or give them different scopes.",
                            first=agreement.name,
                            second=other.name,
                            provider=agreement.provider_id.display_name,
                        )
                    )

    def _overlaps(self, other):
        self.ensure_one()
        return (not self.date_end or self.date_end >= other.date_start) and (
            not other.date_end or other.date_end >= self.date_start
        )

    def _scope_keys(self):
        self.ensure_one()
        return {rule._scope_key() for rule in self.rule_ids}

    def _compute_line_count(self):
        groups = self.env["concierge.commission.line"]._read_group(
            [("agreement_id", "in", self.ids)], ["agreement_id"], ["__count"]
        )
        counts = {agreement.id: count for agreement, count in groups}
        for agreement in self:
            agreement.line_count = counts.get(agreement.id, 0)

    def _is_valid_on(self, date):
        self.ensure_one()
        return self.date_start <= date and (not self.date_end or self.date_end >= date)

    def _find_rule(self, product):
        """Most specific rule of the agreement for ``product``: product, then
        category, then everything."""
        self.ensure_one()
        template = product.product_tmpl_id
        best = self.env["concierge.commission.rule"]
        best_rank = 0
        for rule in self.rule_ids:
            rank = rule._match_rank(template)
            if rank > best_rank:
                best, best_rank = rule, rank
        return best

    @api.ondelete(at_uninstall=False)
    def _unlink_except_with_lines(self):
        if self.env["concierge.commission.line"].search_count(
            [("agreement_id", "in", self.ids)], limit=1
        ):
            raise UserError(
                self.env._(
                    "An agreement that already gave commission lines cannot be "
                    "deleted: archive it instead."
                )
            )

    def _consignment_site(self, site=None):
        """The site where the goods of this consignment agreement are."""
        self.ensure_one()
        if self.commission_model != "consignment":
            raise UserError(
                self.env._(
                    "Goods are received in consignment only under a consignment "
                    "agreement."
                )
            )
        site = site or self.consignment_site_id
        if not site:
            raise UserError(
                self.env._(
                    "Choose on the agreement %(name)s the site where the producer "
                    "leaves its goods.",
                    name=self.name,
                )
            )
        return site

    def _consignment_moves(self, quantities, source, destination):
        return [
            Command.create(
                {
                    "name": product.display_name,
                    "product_id": product.id,
                    "product_uom_qty": quantity,
                    "product_uom": product.uom_id.id,
                    "location_id": source.id,
                    "location_dest_id": destination.id,
                    "company_id": self.company_id.id,
                    "restrict_partner_id": self.provider_id.id,
                }
            )
            for product, quantity in quantities.items()
        ]

    def _prepare_consignment_receipt_vals(self, quantities=None, site=None):
        """Receipt at the consignment site of goods the producer leaves in
        consignment: the producer stays the owner of the stock until it is
        sold. ``quantities`` is a {product: quantity} dict of the goods."""
        self.ensure_one()
        location = self._consignment_site(site)._concierge_consignment_location()
        picking_type = location.warehouse_id.in_type_id
        supplier = self.env.ref("stock.stock_location_suppliers")
        vals = {
            "picking_type_id": picking_type.id,
            "partner_id": self.provider_id.id,
            "owner_id": self.provider_id.id,
            "company_id": self.company_id.id,
            "origin": self.name,
            "location_id": supplier.id,
            "location_dest_id": location.id,
        }
        if quantities:
            vals["move_ids"] = self._consignment_moves(quantities, supplier, location)
        return vals

    def _prepare_consignment_delivery_vals(self, customer, quantities, site=None):
        """Delivery to ``customer`` of consignment goods sold at the site:
        only the producer's stock of that site is taken."""
        self.ensure_one()
        location = self._consignment_site(site)._concierge_consignment_location()
        customers = self.env.ref("stock.stock_location_customers")
        return {
            "picking_type_id": location.warehouse_id.out_type_id.id,
            "partner_id": customer.id,
            "owner_id": self.provider_id.id,
            "company_id": self.company_id.id,
            "origin": self.name,
            "location_id": location.id,
            "location_dest_id": customers.id,
            "move_ids": self._consignment_moves(quantities, location, customers),
        }

    def _prepare_consignment_invoice_vals(self, customer, quantities, site, date):
        self.ensure_one()
        return {
            "move_type": "out_invoice",
            "partner_id": customer.id,
            "company_id": self.company_id.id,
            "invoice_date": date,
            "invoice_origin": self.name,
            "concierge_site_id": site.id,
            "invoice_line_ids": [
                Command.create(
                    {
                        "product_id": product.id,
                        "quantity": quantity,
                        "price_unit": product.lst_price,
                    }
                )
                for product, quantity in quantities.items()
            ],
        }

    def _sell_consignment(self, customer, quantities, site=None, date=None):
        """Counter sale of consignment goods at the site: the customer
        invoice, sold at the site (its commission lines follow), and the
        delivery out of the producer's stock there. Returns both."""
        self.ensure_one()
        site = self._consignment_site(site)
        picking = self.env["stock.picking"].create(
            self._prepare_consignment_delivery_vals(customer, quantities, site)
        )
        picking.action_confirm()
        picking.action_assign()
        for move in picking.move_ids:
            if move.quantity < move.product_uom_qty:
                raise UserError(
                    self.env._(
                        "Only %(available)s %(product)s of %(producer)s are in "
                        "stock at %(site)s.",
                        available=move.quantity,
                        product=move.product_id.display_name,
                        producer=self.provider_id.display_name,
                        site=site.name,
                    )
                )
        picking.move_ids.picked = True
        picking.button_validate()
        invoice = self.env["account.move"].create(
            self._prepare_consignment_invoice_vals(
                customer, quantities, site, date or fields.Date.context_today(self)
            )
        )
        invoice.action_post()
        return invoice, picking

    def action_consignment_receipt(self):
        self.ensure_one()
        vals = self._prepare_consignment_receipt_vals()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Consignment receipt"),
            "res_model": "stock.picking",
            "view_mode": "form",
            "context": {f"default_{key}": value for key, value in vals.items()},
        }

    def action_view_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "concierge_partners.action_concierge_commission_line"
        )
        action["domain"] = [("agreement_id", "=", self.id)]
        action["context"] = {}
        return action
