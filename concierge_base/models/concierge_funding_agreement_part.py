# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, models


class ConciergeFundingAgreementPart(models.AbstractModel):
    """What an agreement plans on a model of its own (installments, budget
    lines): frozen, like the agreement's form shows them, once the agreement
    is closed or cancelled, whichever model a client writes."""

    _name = "concierge.funding.agreement.part"
    _description = "Part of a funding agreement's plan"

    # the fields the agreement's form shows read-only
    _concierge_plan_fields = set()

    def _concierge_plan_what(self):
        """What the records are, for the message ("The installments")."""
        raise NotImplementedError

    def _concierge_check_plan(self, agreement_ids=()):
        agreements = self.agreement_id | self.env["concierge.funding.agreement"].browse(
            [agreement_id for agreement_id in agreement_ids if agreement_id]
        )
        return agreements._check_plan_editable(self._concierge_plan_what())

    @api.model_create_multi
    def create(self, vals_list):
        self.browse()._concierge_check_plan(
            [vals.get("agreement_id") for vals in vals_list]
        )
        return super().create(vals_list)

    def write(self, vals):
        if self._concierge_plan_fields & set(vals):
            self._concierge_check_plan([vals.get("agreement_id")])
        return super().write(vals)

    def unlink(self):
        self._concierge_check_plan()
        return super().unlink()
