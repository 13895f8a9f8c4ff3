# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import contextlib
from datetime import date
from unittest.mock import patch

import odoo
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


def no_repair(contracts):
    """The guard switched off: OCA's cron as it is."""


@tagged("post_install", "-at_install")
class TestOcaDrift(B2bCase):
    """The drift reproduced through OCA's own cron, no SQL. The ORM
    recomputes a stored field in chunks of ``PREFETCH_MAX`` records (1,000)
    and the circular recomputation of ``recurring_next_date`` (contract from
    its lines, lines from the contract) goes wrong across chunks: with 1,000
    per chunk it shows from 501 contracts of two lines (``tests/bench_b2b.py``
    runs 2,000), with a chunk of 10 on 20 contracts, and not on 20 contracts
    within one chunk."""

    CHUNK = 10

    def _cron_run(self, contracts, guard=True, day=date(2026, 1, 10), chunk=CHUNK):
        Contract = type(self.env["contract.contract"])
        patches = [patch.object(odoo.fields, "PREFETCH_MAX", chunk)]
        if not guard:
            patches.append(
                patch.object(Contract, "_concierge_repair_next_dates", no_repair)
            )
        with contextlib.ExitStack() as stack:
            for item in patches:
                stack.enter_context(item)
            self.env.invalidate_all()
            self.env["contract.contract"]._cron_recurring_create(date_ref=day)
            self.env.flush_all()
        self.env.invalidate_all()
        return contracts.filtered(lambda c: c.recurring_next_date == JANUARY)

    def _contracts(self, size):
        contracts = self.env["contract.contract"].create(
            [self._contract_vals(name=f"Dérive n°{n}") for n in range(size)]
        )
        self.assertEqual(len(contracts.contract_line_ids), 2 * size)
        return contracts

    def test_oca_cron_leaves_contracts_behind(self):
        """Without the guard, OCA's cron leaves contracts on January although
        January is billed. When this fails, OCA fixed the drift: the guard
        can go (see ``_concierge_repair_next_dates``)."""
        contracts = self._contracts(2 * self.CHUNK)
        left = self._cron_run(contracts, guard=False)
        self.assertEqual(len(self._invoices(contracts)), len(contracts))
        self.assertTrue(left, "OCA's cron no longer leaves contracts behind")

    def test_no_drift_within_one_chunk(self):
        """The same contracts in one chunk of the ORM: no drift, so the
        chunks are what the drift depends on."""
        contracts = self._contracts(2 * self.CHUNK)
        self.assertFalse(self._cron_run(contracts, guard=False, chunk=1000))
        self.assertEqual(len(self._invoices(contracts)), len(contracts))

    def test_guard_repairs_the_drift_of_oca_cron(self):
        contracts = self._contracts(2 * self.CHUNK)
        self.assertFalse(self._cron_run(contracts))
        self.assertEqual(set(contracts.mapped("recurring_next_date")), {FEBRUARY})
        self.assertEqual(len(self._invoices(contracts)), len(contracts))
        # the next run bills nothing again, the one after bills February once
        self.assertFalse(self._cron_run(contracts))
        self.assertEqual(len(self._invoices(contracts)), len(contracts))
        self._cron_run(contracts, day=date(2026, 2, 10))
        self.assertEqual(len(self._invoices(contracts)), 2 * len(contracts))
        self.assertEqual(
            set(contracts.mapped("recurring_next_date")), {date(2026, 3, 1)}
        )
        groups = self.env["account.move.line"]._read_group(
            [("contract_line_id", "in", contracts.contract_line_ids.ids)],
            ["contract_line_id", "concierge_period_start:day"],
            ["__count"],
        )
        self.assertEqual(len(groups), 2 * len(contracts.contract_line_ids))
        self.assertEqual({count for *__, count in groups}, {1})
