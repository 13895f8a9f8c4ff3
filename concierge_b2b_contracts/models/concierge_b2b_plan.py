# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


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
    presence_hours = fields.Float(
        string="On-site presence (hours per week)", tracking=True
    )
    overage_product_id = fields.Many2one(
        "product.product",
        string="Overage product",
        check_company=True,
        help="Product used to invoice the requests beyond the quota.",
    )
    category_ids = fields.Many2many(
        "concierge.service.category",
        string="Categories paid by the employer",
        help="Requests of these categories are paid by the employer; the "
        "others are paid by the employee.",
    )
    description = fields.Html()

    @api.constrains(
        "fixed_fee", "fee_per_employee", "included_requests", "presence_hours"
    )
    def _check_non_negative(self):
        for plan in self:
            if (
                min(
                    plan.fixed_fee,
                    plan.fee_per_employee,
                    plan.included_requests,
                    plan.presence_hours,
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
