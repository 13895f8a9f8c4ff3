# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    concierge_b2b_contract_id = fields.Many2one(
        "contract.contract",
        string="Company contract",
        index="btree_not_null",
        copy=False,
        readonly=True,
        help="Company subscription contract that produced this invoice.",
    )
