# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """18.0.2.1.0: every site has an analytic account (plan "Conciergerie
    sites"), so that the revenue booked for it counts for it in the funding
    mix; the grant receivables booked at signature are marked, so that the
    funding mix counts grants when they are received only."""
    if not version:
        return
    # the grant receivables booked at signature and their reversals are
    # marked: the funding mix leaves them out
    cr.execute(
        """UPDATE account_move SET concierge_grant_accrual = TRUE
            WHERE id IN (SELECT accrual_move_id FROM concierge_funding_installment
                          WHERE accrual_move_id IS NOT NULL)
               OR reversed_entry_id IN (
                    SELECT accrual_move_id FROM concierge_funding_installment
                     WHERE accrual_move_id IS NOT NULL)"""
    )
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["concierge.site"].with_context(active_test=False).search(
        [("analytic_account_id", "=", False)]
    )._concierge_create_analytic()
