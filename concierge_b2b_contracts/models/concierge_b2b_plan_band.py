# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from itertools import pairwise

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ConciergeB2bPlanBand(models.Model):
    _name = "concierge.b2b.plan.band"
    _description = "Headcount band of a company plan"
    _order = "plan_id, min_employees"

    plan_id = fields.Many2one(
        "concierge.b2b.plan", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    currency_id = fields.Many2one(related="plan_id.currency_id")
    min_employees = fields.Integer(string="From (employees)", required=True)
    max_employees = fields.Integer(
        string="To (employees)", help="Leave 0 for no upper limit."
    )
    fee = fields.Monetary(
        string="Fee per period", help="Invoiced each period for the whole band."
    )

    @api.depends("min_employees", "max_employees")
    def _compute_display_name(self):
        for band in self:
            if band.max_employees:
                band.display_name = self.env._(
                    "%(low)s to %(high)s employees",
                    low=band.min_employees,
                    high=band.max_employees,
                )
            else:
                band.display_name = self.env._(
                    "%(low)s employees and more", low=band.min_employees
                )

    def _upper(self):
        self.ensure_one()
        return self.max_employees or float("inf")

    def _contains(self, headcount):
        self.ensure_one()
        return self.min_employees <= headcount <= self._upper()

    @api.constrains("min_employees", "max_employees", "fee")
    def _check_band(self):
        for band in self:
            if band.min_employees < 0 or band.max_employees < 0 or band.fee < 0:
                raise ValidationError(
                    self.env._(
                        "Plan %(plan)s: a headcount band cannot have a negative "
                        "number of employees or a negative fee.",
                        plan=band.plan_id.name,
                    )
                )
            if band.max_employees and band.max_employees < band.min_employees:
                raise ValidationError(
                    self.env._(
                        "Plan %(plan)s: the band %(band)s ends before it starts.",
                        plan=band.plan_id.name,
                        band=band.display_name,
                    )
                )
        for plan in self.plan_id:
            bands = plan.band_ids.sorted("min_employees")
            for previous, band in pairwise(bands):
                if band.min_employees <= previous._upper():
                    raise ValidationError(
                        self.env._(
                            "Plan %(plan)s: the headcount bands %(first)s and "
                            "%(second)s overlap. Each number of employees must "
                            "fall into one band only.",
                            plan=plan.name,
                            first=previous.display_name,
                            second=band.display_name,
                        )
                    )
