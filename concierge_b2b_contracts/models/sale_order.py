# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError


class SaleOrder(models.Model):
    _inherit = "sale.order"

    concierge_plan_id = fields.Many2one(
        "concierge.b2b.plan",
        string="Company plan",
        check_company=True,
        help="Confirming the order creates the company contract of this plan.",
    )
    concierge_headcount = fields.Integer(
        string="Headcount", help="Employees covered, to price the proposal."
    )
    concierge_site_id = fields.Many2one(
        "concierge.site", string="Conciergerie site", check_company=True
    )
    concierge_contract_id = fields.Many2one(
        "contract.contract",
        string="Company contract",
        copy=False,
        readonly=True,
        index="btree_not_null",
    )

    @api.constrains("concierge_headcount")
    def _check_concierge_headcount(self):
        for order in self:
            if order.concierge_headcount < 0:
                raise ValidationError(
                    self.env._(
                        "The headcount of the quotation %(order)s cannot be negative.",
                        order=order.name,
                    )
                )

    @api.model
    def _prepare_concierge_plan_order_lines(self, plan, headcount):
        """Order lines (values) showing the price of ``plan`` per period.

        Their product is invoiced by the contract, not by the order."""
        product = plan.product_id
        lines = [
            {
                "product_id": product.id,
                "name": self.env._("%(plan)s - fixed fee per period", plan=plan.name),
                "product_uom_qty": 1.0,
                "price_unit": plan.fixed_fee,
            }
        ]
        band = plan._get_band(headcount) if plan.band_ids else False
        if band:
            lines.append(
                {
                    "product_id": product.id,
                    "name": self.env._(
                        "%(plan)s - employee fee per period, band %(band)s",
                        plan=plan.name,
                        band=band.display_name,
                    ),
                    "product_uom_qty": 1.0,
                    "price_unit": band.fee,
                }
            )
        elif plan.fee_per_employee:
            lines.append(
                {
                    "product_id": product.id,
                    "name": self.env._(
                        "%(plan)s - fee per employee and per period", plan=plan.name
                    ),
                    "product_uom_qty": headcount,
                    "price_unit": plan.fee_per_employee,
                }
            )
        return lines

    @api.model_create_multi
    def create(self, vals_list):
        context = self.env.context
        for vals in vals_list:
            plan_id = vals.get(
                "concierge_plan_id", context.get("default_concierge_plan_id")
            )
            if plan_id and not vals.get("order_line"):
                plan = self.env["concierge.b2b.plan"].browse(plan_id)
                headcount = vals.get(
                    "concierge_headcount",
                    context.get("default_concierge_headcount", 0),
                )
                vals["order_line"] = [
                    Command.create(line_vals)
                    for line_vals in self._prepare_concierge_plan_order_lines(
                        plan, headcount
                    )
                ]
        return super().create(vals_list)

    @api.onchange("concierge_plan_id", "concierge_headcount")
    def _onchange_concierge_plan_id(self):
        if self.concierge_plan_id:
            self.order_line = [Command.clear()] + [
                Command.create(line_vals)
                for line_vals in self._prepare_concierge_plan_order_lines(
                    self.concierge_plan_id, self.concierge_headcount
                )
            ]

    def _prepare_concierge_contract(self):
        """Values of the company contract created when the order is confirmed."""
        self.ensure_one()
        return {
            "name": self.env._(
                "%(plan)s - %(client)s",
                plan=self.concierge_plan_id.name,
                client=self.partner_id.commercial_partner_id.name,
            ),
            "partner_id": self.partner_id.commercial_partner_id.id,
            "concierge_contact_id": self.partner_id.id
            if self.partner_id.parent_id
            else False,
            "company_id": self.company_id.id,
            "concierge_plan_id": self.concierge_plan_id.id,
            "concierge_site_id": self.concierge_site_id.id,
            "concierge_sale_order_id": self.id,
            "pricelist_id": self.pricelist_id.id,
            "payment_term_id": self.payment_term_id.id,
            "user_id": self.user_id.id,
            "code": self.name,
            "line_recurrence": False,
            "recurring_rule_type": "monthlylastday",
            "recurring_invoicing_type": "pre-paid",
            "date_start": self.commitment_date.date()
            if self.commitment_date
            else fields.Date.context_today(self),
        }

    def _concierge_create_contracts(self):
        """Create the company contracts of confirmed orders (once)."""
        orders = self.filtered(
            lambda order: order.concierge_plan_id and not order.concierge_contract_id
        )
        if not orders:
            return self.env["contract.contract"]
        # the salesperson confirms; the contract follows from the signed order
        contracts = (
            self.env["contract.contract"]
            .sudo()
            .create([order._prepare_concierge_contract() for order in orders])
        )
        for order, contract in zip(orders, contracts, strict=True):
            order.concierge_contract_id = contract
        return contracts

    def _action_confirm(self):
        # the documents a confirmed order brings, as sale_stock's pickings
        res = super()._action_confirm()
        self._concierge_create_contracts()
        return res

    def action_view_concierge_contract(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "contract.contract",
            "res_id": self.concierge_contract_id.id,
            "view_mode": "form",
            "views": [
                (
                    self.env.ref("contract.contract_contract_customer_form_view").id,
                    "form",
                )
            ],
        }
