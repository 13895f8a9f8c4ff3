# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models

COUNTED_STATES = ("confirmed", "in_progress", "ready", "done")


class ConciergeServiceRequest(models.Model):
    _inherit = "concierge.service.request"

    concierge_b2b_contract_id = fields.Many2one(
        "contract.contract",
        string="Company contract",
        compute="_compute_concierge_b2b",
        store=True,
        index="btree_not_null",
        help="Contract of the beneficiary's employer running on the request date.",
    )
    concierge_payer = fields.Selection(
        [("employer", "Employer"), ("employee", "Employee")],
        string="Paid by",
        compute="_compute_concierge_b2b",
        store=True,
        index=True,
        help="Employer: every service of the request is in a category the "
        "employer's plan pays for; the request counts in the quota and is "
        "not invoiced to the employee. Employee: invoiced to the employee "
        "as usual.",
    )
    concierge_b2b_invoice_line_id = fields.Many2one(
        "account.move.line",
        string="Overage invoice line",
        copy=False,
        readonly=True,
        index="btree_not_null",
        help="Line of the employer's invoice that billed this request beyond "
        "the quota.",
    )

    @api.depends(
        "partner_id.concierge_employer_id", "request_date", "line_ids.category_id"
    )
    def _compute_concierge_b2b(self):
        Contract = self.env["contract.contract"]
        by_employer = Contract._concierge_plans_by_employer(
            self.partner_id.concierge_employer_id
        )
        for request in self:
            employer = request.partner_id.concierge_employer_id
            day = (request.request_date or fields.Datetime.now()).date()
            contract = Contract._concierge_running_contract(
                by_employer, employer, request.company_id, day
            )
            categories = request.line_ids.category_id
            paid_by = False
            if contract:
                plan_categories = contract.concierge_plan_id.category_ids
                paid_by = (
                    "employer"
                    if categories and categories <= plan_categories
                    else "employee"
                )
            request.concierge_b2b_contract_id = contract
            request.concierge_payer = paid_by

    @api.model_create_multi
    def create(self, vals_list):
        requests = super().create(vals_list)
        requests.filtered(
            lambda r: r.concierge_b2b_contract_id and r.channel != "company"
        ).write({"channel": "company"})
        return requests

    def _concierge_get_pricelist(self):
        pricelist = super()._concierge_get_pricelist()
        contract = self.concierge_b2b_contract_id
        partner = self.partner_id.with_company(self.company_id)
        if contract and not partner.specific_property_product_pricelist:
            employer = contract.partner_id.with_company(self.company_id)
            return contract.pricelist_id or employer.property_product_pricelist
        return pricelist

    def _concierge_portal_offers(self, products):
        """The services the employer's running plan pays for are shown as
        such to the employee (at the employer's prices otherwise)."""
        offers = super()._concierge_portal_offers(products)
        categories = self.concierge_b2b_contract_id.concierge_plan_id.category_ids
        if categories:
            for product in products:
                if product.concierge_category_id in categories:
                    offers[product.id]["employer_pays"] = True
        return offers

    def _create_sale_orders(self):
        # employer-paid requests are covered by the contract: no order for
        # the employee (those beyond the quota go on the employer's invoice)
        return super(
            ConciergeServiceRequest,
            self.filtered(lambda r: r.concierge_payer != "employer"),
        )._create_sale_orders()

    def _concierge_overage_billed(self):
        """Whether the request stands billed on an invoice that stands."""
        self.ensure_one()
        line = self.concierge_b2b_invoice_line_id
        return bool(
            line
            and line.parent_state != "cancel"
            and line.move_id.payment_state != "reversed"
        )
