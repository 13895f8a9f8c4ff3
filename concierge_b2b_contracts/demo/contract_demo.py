# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Demo data built in Python, called by ``demo/contract_demo.xml``."""

from odoo import api, fields, models


class ContractContract(models.Model):
    _inherit = "contract.contract"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _demo_invoice_to_date(self, contract_ids):
        """Demo data only: the periods of the demo contracts due by today,
        invoiced as the cron does, and posted. Returns True."""
        contracts = self.browse(contract_ids)
        today = fields.Date.context_today(self)
        moves = self.env["account.move"]
        for _period in range(24):
            due = contracts.filtered(
                lambda c: c.recurring_next_date and c.recurring_next_date <= today
            )
            if not due:
                break
            for contract in due:
                moves |= contract._recurring_create_invoice()
        moves.filtered(lambda move: move.state == "draft").action_post()
        return True
