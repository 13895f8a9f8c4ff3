# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# more units than this on one line of a request is a typing mistake
MAX_QUANTITY = 10000

# what the request form shows read-only once the request is confirmed: the
# sale order lines were made of them. Only ``state`` moves on afterwards.
LOCKED_FIELDS = (
    "request_id",
    "sequence",
    "product_id",
    "name",
    "quantity",
    "price_unit",
    "provider_id",
)


class ConciergeServiceRequestLine(models.Model):
    _name = "concierge.service.request.line"
    _description = "Conciergerie service request line"
    _order = "request_id, sequence, id"
    _check_company_auto = True

    request_id = fields.Many2one(
        "concierge.service.request",
        required=True,
        ondelete="cascade",
        index=True,
    )
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(related="request_id.company_id", store=True)
    partner_id = fields.Many2one(
        related="request_id.partner_id", string="Beneficiary", store=True
    )
    product_id = fields.Many2one(
        "product.product",
        string="Service",
        required=True,
        index=True,
        check_company=True,
        domain="[('concierge_category_id', '!=', False), ('sale_ok', '=', True)]",
    )
    category_id = fields.Many2one(
        related="product_id.concierge_category_id", store=True, index=True
    )
    name = fields.Char(
        string="Description",
        compute="_compute_name",
        store=True,
        readonly=False,
        precompute=True,
    )
    quantity = fields.Float(default=1.0, digits="Product Unit of Measure")
    price_unit = fields.Float(
        string="Unit price",
        digits="Product Price",
        compute="_compute_price_unit",
        store=True,
        readonly=False,
        precompute=True,
    )
    currency_id = fields.Many2one(related="request_id.currency_id")
    price_subtotal = fields.Monetary(
        string="Subtotal",
        compute="_compute_price_subtotal",
        store=True,
        aggregator="sum",
    )
    provider_id = fields.Many2one(
        "res.partner",
        index=True,
        compute="_compute_provider_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    custody = fields.Boolean(related="product_id.concierge_custody")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_do", "To do"),
            ("delivered", "Delivered"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="draft",
        copy=False,
        index=True,
    )
    request_state = fields.Selection(related="request_id.state", string="Request state")
    custody_item_ids = fields.One2many(
        "concierge.custody.item", "request_line_id", string="Items in custody"
    )
    sale_line_ids = fields.One2many(
        "sale.order.line", "concierge_request_line_id", string="Sale order lines"
    )
    sale_line_id = fields.Many2one(
        "sale.order.line",
        string="Sale order line",
        compute="_compute_sale_line_id",
        search="_search_sale_line_id",
        help="The line of the current (not cancelled) sale order.",
    )

    @api.depends("sale_line_ids.state")
    def _compute_sale_line_id(self):
        for line in self:
            line.sale_line_id = line.sale_line_ids.filtered(
                lambda sol: sol.state != "cancel"
            )[-1:]

    def _search_sale_line_id(self, operator, value):
        return [("sale_line_ids", operator, value)]

    @api.depends("product_id")
    def _compute_name(self):
        for line in self:
            if line.product_id:
                line.name = line.product_id.display_name

    @api.depends("product_id", "quantity", "request_id.pricelist_id")
    def _compute_price_unit(self):
        for line in self:
            if not line.product_id or line.state not in ("draft", False):
                continue
            pricelist = line.request_id.pricelist_id
            if pricelist:
                line.price_unit = pricelist._get_product_price(
                    line.product_id, line.quantity or 1.0
                )
            else:
                line.price_unit = line.product_id.lst_price

    @api.depends("quantity", "price_unit")
    def _compute_price_subtotal(self):
        for line in self:
            line.price_subtotal = line.quantity * line.price_unit

    @api.depends("product_id")
    def _compute_provider_id(self):
        for line in self:
            if line.product_id:
                line.provider_id = line.product_id.concierge_provider_id

    @api.constrains("quantity")
    def _check_quantity(self):
        for line in self:
            service = line.name or line.product_id.display_name
            if line.quantity <= 0:
                raise ValidationError(
                    self.env._(
                        "The quantity of %(service)s must be greater than zero.",
                        service=service,
                    )
                )
            if line.quantity > MAX_QUANTITY:
                raise ValidationError(
                    self.env._(
                        "The quantity of %(service)s (%(quantity)s) is more "
                        "than %(max)s units: check what was typed.",
                        service=service,
                        quantity=line.quantity,
                        max=MAX_QUANTITY,
                    )
                )

    @api.constrains("price_unit")
    def _check_price_unit(self):
        for line in self:
            if line.price_unit < 0:
                raise ValidationError(
                    self.env._(
                        "The unit price of %(service)s cannot be negative: type "
                        "the price of one unit, zero for a free service.",
                        service=line.name or line.product_id.display_name,
                    )
                )

    @api.constrains("product_id")
    def _check_product_catalogue(self):
        for line in self:
            if not line.product_id.concierge_category_id:
                raise ValidationError(
                    self.env._(
                        "%(product)s is not in the conciergerie catalogue: "
                        "choose a service of the catalogue, or give the product "
                        "a conciergerie category first.",
                        product=line.product_id.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # the lines of a confirmed request are frozen (as in the form)
    # ------------------------------------------------------------------
    def _check_request_draft(self, requests):
        """Refuse to add, change or delete lines of requests past draft;
        internal code may write in sudo mode with ``concierge_unlock_fields``
        (``concierge.state.guard``)."""
        if self.env["concierge.state.guard"]._concierge_unlocked():
            return True
        confirmed = requests.filtered(lambda r: r.state != "draft")
        if confirmed:
            request = confirmed[0]
            raise UserError(
                self.env._(
                    "The services of request %(name)s cannot be changed: it is "
                    "%(state)s. Cancel it and set it back to draft to change "
                    "them.",
                    name=request.name,
                    state=request._concierge_state_label(),
                )
            )
        return True

    @api.model_create_multi
    def create(self, vals_list):
        request_ids = {vals.get("request_id") for vals in vals_list} - {False, None}
        self._check_request_draft(
            self.env["concierge.service.request"].browse(request_ids)
        )
        return super().create(vals_list)

    def write(self, vals):
        asked = set(vals) & set(LOCKED_FIELDS)
        if asked:
            changed = self.filtered(
                lambda line: any(
                    line._fields[f].convert_to_record(
                        line._fields[f].convert_to_cache(vals[f], line, validate=False),
                        line,
                    )
                    != line[f]
                    for f in asked
                )
            )
            self._check_request_draft(changed.request_id)
            if vals.get("request_id"):
                self._check_request_draft(
                    self.env["concierge.service.request"].browse(vals["request_id"])
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft_request(self):
        self._check_request_draft(self.request_id)

    def _prepare_sale_order_line_vals(self):
        self.ensure_one()
        return {
            "product_id": self.product_id.id,
            "name": self.name or self.product_id.display_name,
            "product_uom_qty": self.quantity,
            "price_unit": self.price_unit,
            "sequence": self.sequence,
            "concierge_request_line_id": self.id,
        }

    def action_deliver(self):
        """Mark the lines delivered to the beneficiary."""
        wrong = self.filtered(lambda line: line.state != "to_do")
        if wrong:
            raise UserError(
                self.env._(
                    "%(service)s cannot be marked delivered: confirm the "
                    "request first (and do not deliver a line twice).",
                    service=wrong[0].name,
                )
            )
        held = self.filtered(
            lambda line: any(i.state != "returned" for i in line.custody_item_ids)
        )
        if held:
            raise UserError(
                self.env._(
                    "Hand back the items of %(service)s first: the line is "
                    "delivered when its items are back with the beneficiary.",
                    service=held[0].name,
                )
            )
        self.write({"state": "delivered"})
        self._set_sale_line_delivered()
        return True

    def _set_sale_line_delivered(self):
        """Report the delivered quantity on manually delivered sale lines."""
        manual = self.sale_line_id.filtered(
            lambda sale_line: sale_line.qty_delivered_method == "manual"
        )
        # one write per ordered quantity, not one per line
        for quantity, sale_lines in manual.grouped("product_uom_qty").items():
            sale_lines.qty_delivered = quantity
        return True

    def _prepare_custody_item_vals(self):
        """The item taken into custody for the line: received at the desk,
        or in the compartment the beneficiary just dropped it off in."""
        self.ensure_one()
        return {
            "request_line_id": self.id,
            "description": self.name or self.product_id.display_name,
            "provider_id": self.provider_id.id,
            "compartment_id": self.request_id._concierge_dropoff_compartment().id,
        }

    def _deliver_returned_custody(self):
        """Lines whose items are all handed back are delivered."""
        done = self.filtered(
            lambda line: (
                line.state == "to_do"
                and line.custody_item_ids
                and all(item.state == "returned" for item in line.custody_item_ids)
            )
        )
        if done:
            done.action_deliver()
        return done

    @api.ondelete(at_uninstall=False)
    def _unlink_except_custody_items(self):
        if self.custody_item_ids:
            raise UserError(
                self.env._(
                    "A line with items in custody cannot be deleted: hand the "
                    "items back or cancel the request instead."
                )
            )
