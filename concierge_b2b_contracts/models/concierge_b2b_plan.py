# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

HOURS_PER_WEEK = 168


class ConciergeB2bPlan(models.Model):
    _name = "concierge.b2b.plan"
    _description = "Company subscription plan"
    _inherit = ["mail.thread"]
    _order = "sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    fixed_fee = fields.Monetary(
        string="Fixed fee per period", tracking=True, help="Invoiced each period."
    )
    fee_per_employee = fields.Monetary(
        string="Fee per covered employee",
        tracking=True,
        help="Invoiced each period for each employee covered at invoicing date.",
    )
    included_requests = fields.Integer(
        string="Included requests per period",
        tracking=True,
        help="Employer-paid requests included in the fee; the next ones are "
        "invoiced as overage.",
    )
    band_ids = fields.One2many(
        "concierge.b2b.plan.band",
        "plan_id",
        string="Headcount bands",
        copy=True,
        help="When set, the employee fee is the fee of the band matching the "
        "headcount of the period instead of the fee per employee.",
    )
    product_id = fields.Many2one(
        "product.product",
        string="Subscription product",
        check_company=True,
        default=lambda self: self.env.ref(
            "concierge_b2b_contracts.product_b2b_subscription",
            raise_if_not_found=False,
        ),
        help="Product of the fixed and per-employee invoice lines.",
    )
    presence_hours = fields.Float(
        string="On-site presence (hours per week)", tracking=True
    )
    overage_product_id = fields.Many2one(
        "product.product",
        string="Overage product",
        check_company=True,
        default=lambda self: self.env.ref(
            "concierge_b2b_contracts.product_b2b_overage", raise_if_not_found=False
        ),
        help="Product used to invoice the requests beyond the quota.",
    )
    overage_price = fields.Monetary(
        string="Price per extra request",
        tracking=True,
        help="Price of each employer-paid request beyond the quota.",
    )
    category_ids = fields.Many2many(
        "concierge.service.category",
        string="Categories paid by the employer",
        help="Requests of these categories are paid by the employer; the "
        "others are paid by the employee.",
    )
    description = fields.Html()

    @api.constrains(
        "fixed_fee",
        "fee_per_employee",
        "included_requests",
        "presence_hours",
        "overage_price",
    )
    def _check_non_negative(self):
        for plan in self:
            if (
                min(
                    plan.fixed_fee,
                    plan.fee_per_employee,
                    plan.included_requests,
                    plan.presence_hours,
                    plan.overage_price,
                )
                < 0
            ):
                raise ValidationError(
                    self.env._(
                        "Plan %(plan)s: fees, included requests and presence "
                        "hours cannot be negative.",
                        plan=plan.name,
                    )
                )

    @api.constrains("presence_hours")
    def _check_presence_hours(self):
        for plan in self:
            if plan.presence_hours > HOURS_PER_WEEK:
                raise ValidationError(
                    self.env._(
                        "Plan %(plan)s: %(hours)s hours of presence per week is "
                        "more than the %(max)s hours of a week.",
                        plan=plan.name,
                        hours=plan.presence_hours,
                        max=HOURS_PER_WEEK,
                    )
                )

    def _get_band(self, headcount):
        """Return the headcount band matching ``headcount`` (may be empty)."""
        self.ensure_one()
        return self.band_ids.filtered(lambda band: band._contains(headcount))[:1]
