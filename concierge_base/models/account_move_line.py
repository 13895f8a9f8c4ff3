# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    # The inverse of the installments' journal items, on the same table: the
    # installments' received amounts depend on their journal items, so every
    # change of a journal item's balance, residual or state looks for the
    # installments it settles. Through this field the ORM reads them from its
    # cache (empty for the lines it just created) instead of running one
    # search per change: posting an invoice costs no query for the funding
    # installments.
    concierge_funding_installment_ids = fields.Many2many(
        "concierge.funding.installment",
        "concierge_funding_installment_move_line_rel",
        "move_line_id",
        "installment_id",
        string="Funding installments settled",
        readonly=True,
        copy=False,
        groups="concierge_base.group_concierge_user,account.group_account_readonly",
    )
