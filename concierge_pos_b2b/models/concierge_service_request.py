# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models


class ConciergeServiceRequest(models.Model):
    _inherit = "concierge.service.request"

    def _concierge_pos_paid_by(self):
        """An employer-paid request has nothing to pay at the till: its
        employer's plan pays (in the quota, or on the employer's invoice
        beyond it)."""
        if self.concierge_payer == "employer":
            return self.env._(
                "Paid by %(employer)s (company plan)",
                employer=self.concierge_b2b_contract_id.commercial_partner_id.name,
            )
        return super()._concierge_pos_paid_by()
