# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    concierge_grant_accrual = fields.Boolean(
        string="Grant receivable at signature",
        readonly=True,
        copy=True,
        help="The receivable of a grant booked when its agreement was signed "
        "(or its reversal). The funding mix counts grants when they are "
        "received, never through these entries.",
    )
