# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date

from odoo.tests import tagged

from .common import B2bCase

JANUARY = date(2026, 1, 1)
FEBRUARY = date(2026, 2, 1)


@tagged("post_install", "-at_install")
class TestNoDoubleBilling(B2bCase):
    """OCA contract may leave a contract at its old next date after a cron run
    (seen from 501 contracts in one run). The guard in
    ``_prepare_recurring_invoices_values`` must then refuse to bill the
    period again, for every caller and every batch size."""

    def _leave_behind(self, contracts, keep_last_date_invoiced):
        """Put ``contracts`` back in the state the trap leaves them in."""
        line_ids = tuple(contracts.contract_line_ids.ids)
        if keep_last_date_invoiced:
            self.env.cr.execute(
                "UPDATE contract_line SET recurring_next_date = %s WHERE id IN %s",
                (JANUARY, line_ids),
            )
        else:
            self.env.cr.execute(
                "UPDATE contract_line SET recurring_next_date = %s, "
                "last_date_invoiced = NULL WHERE id IN %s",
                (JANUARY, line_ids),
            )
        self.env.cr.execute(
            "UPDATE contract_contract SET recurring_next_date = %s WHERE id IN %s",
            (JANUARY, tuple(contracts.ids)),
        )
        self.env.invalidate_all()

    def _periods_billed(self, contracts):
        groups = self.env["account.move.line"]._read_group(
            [
                ("contract_line_id", "in", contracts.contract_line_ids.ids),
                ("contract_line_id.concierge_b2b_kind", "=", "fixed"),
            ],
            ["contract_line_id", "concierge_period_start:day"],
            ["__count"],
        )
        return {(line.id, start): count for line, start, count in groups}

    def _check_boundary(self, size):
        contracts = self.env["contract.contract"].create(
            [self._contract_vals(name=f"Lot {size} n°{n}") for n in range(size)]
        )
        cron = self.env["contract.contract"]._cron_recurring_create
        cron(date_ref=date(2026, 1, 10))
        self.assertEqual(len(self._invoices(contracts)), size)
        self.assertEqual(set(contracts.mapped("recurring_next_date")), {FEBRUARY})

        # the trap: the last contract of the batch and the first one are
        # left at their old next date although January is billed
        first, last = contracts[0], contracts[-1]
        self._leave_behind(last, keep_last_date_invoiced=True)
        self._leave_behind(first, keep_last_date_invoiced=False)
        self.assertEqual(first.recurring_next_date, JANUARY)
        cron(date_ref=date(2026, 1, 10))
        self.assertEqual(len(self._invoices(contracts)), size)
        self.assertEqual(set(contracts.mapped("recurring_next_date")), {FEBRUARY})
        self.assertEqual(
            set(first.contract_line_ids.mapped("last_date_invoiced")),
            {date(2026, 1, 31)},
        )

        # any other caller is guarded too (the button, the wizard)
        self._leave_behind(last, keep_last_date_invoiced=True)
        self.assertFalse(last._recurring_create_invoice(date(2026, 1, 10)))
        self.assertEqual(last.recurring_next_date, FEBRUARY)

        cron(date_ref=date(2026, 2, 10))
        periods = self._periods_billed(contracts)
        self.assertEqual(len(periods), 2 * size)
        self.assertEqual(set(periods.values()), {1})
        self.assertEqual(len(self._invoices(contracts)), 2 * size)

    def test_500_contracts(self):
        self._check_boundary(500)

    def test_501_contracts(self):
        self._check_boundary(501)
