# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date

from psycopg2 import IntegrityError
from psycopg2.errors import SerializationFailure

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.concierge_base.tests.race import RaceMixin

from ..models.account_move_line import PERIOD_BILLED_KEY
from .common import B2bCase


@tagged("post_install", "-at_install")
class TestPeriodBilledKey(B2bCase):
    """The database holds one invoice line per contract line and period."""

    def test_second_line_for_a_billed_period_refused(self):
        contract = self._create_contract()
        january = contract._recurring_create_invoice()
        fee = january.invoice_line_ids.filtered("contract_line_id")[:1]
        self.assertEqual(fee.concierge_period_start, date(2026, 1, 1))
        twin = january.copy()
        twin_fee = twin.invoice_line_ids.filtered(
            lambda line, fee=fee: line.contract_line_id == fee.contract_line_id
        )
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError) as caught:
            with self.env.cr.savepoint():
                twin_fee.write({"concierge_period_start": date(2026, 1, 1)})
                self.env.flush_all()
        self.assertEqual(caught.exception.diag.constraint_name, PERIOD_BILLED_KEY)
        # a cancelled invoice holds no period
        january.button_cancel()
        twin_fee.write({"concierge_period_start": date(2026, 1, 1)})
        self.env.flush_all()

    def test_release_of_reversed_periods_is_one_query(self):
        """The step added on the invoicing path costs one query, whatever the
        number of contracts."""
        contracts = self.env["contract.contract"].create(
            [self._contract_vals(name=f"Lot n°{n}") for n in range(20)]
        )
        for batch in (contracts[:1], contracts):
            lines = batch.contract_line_ids
            self.env.flush_all()
            self.env.invalidate_all()
            with self.assertQueryCount(1):
                lines._concierge_release_reversed_periods()


@tagged("post_install", "-at_install")
class TestBillingRace(RaceMixin, TransactionCase):
    """The cron's invoicing and a user's "Create invoice" run at the same
    moment on the same contract, in two real transactions: the period is
    billed once."""

    def setUp(self):
        super().setUp()
        self.cleanup_committed(
            "account.move",
            "contract.contract",
            "concierge.b2b.plan",
            "concierge.site",
            "res.partner",
            "ir.sequence.date_range",
        )
        with self.committed_env() as env:
            plan = env["concierge.b2b.plan"].create(
                {"name": "Plan de la course", "fixed_fee": 300.0}
            )
            client = env["res.partner"].create(
                {
                    "name": "Entreprise de la course",
                    "is_company": True,
                    "concierge_beneficiary_type": "company",
                }
            )
            site = env["concierge.site"].create(
                {"name": "Site de la course", "code": "RACE", "site_type": "shop"}
            )
            # the contract a user clicks, and two more of the night's batch
            contracts = env["contract.contract"].create(
                [
                    {
                        "name": f"Contrat de la course {n}",
                        "partner_id": client.id,
                        "concierge_plan_id": plan.id,
                        "concierge_site_id": site.id,
                        "line_recurrence": False,
                        "recurring_rule_type": "monthlylastday",
                        "recurring_invoicing_type": "pre-paid",
                        "date_start": date(2026, 1, 1),
                    }
                    for n in range(3)
                ]
            )
            self.assertTrue(all(contracts.mapped("contract_line_ids")))
            self.contract_id = contracts[0].id
            self.batch_ids = contracts.ids

    def _cron(self, env):
        # what the cron runs for the contracts of a company
        contract = env["contract.contract"].browse(self.contract_id)
        return contract._recurring_create_invoice(date(2026, 1, 10)).ids

    def _button(self, env):
        contract = env["contract.contract"].browse(self.contract_id)
        return contract.recurring_create_invoice().ids

    def test_cron_and_button_bill_the_period_once(self):
        with mute_logger("odoo.sql_db"):
            outcomes = self.race(self._cron, self._button)
        won = [result for result, error in outcomes if not error]
        lost = [error for result, error in outcomes if error]
        self.assertEqual(len(won), 1, outcomes)
        self.assertEqual(len(won[0]), 1, outcomes)
        # the loser is refused by the key of the periods billed (the user is
        # told), or by PostgreSQL when both moved the same contract line
        # (Odoo retries the call, which then has nothing to bill)
        self.assertIsInstance(lost[0], (UserError, SerializationFailure), lost)
        if isinstance(lost[0], UserError):
            self.assertIn("invoiced by another run at the same time", str(lost[0]))
        with self.committed_env() as env:
            invoices = env["account.move"].search(
                [("concierge_b2b_contract_id", "=", self.contract_id)]
            )
            self.assertEqual(invoices.ids, won[0])
            contract = env["contract.contract"].browse(self.contract_id)
            self.assertEqual(contract.recurring_next_date, date(2026, 2, 1))
            # run again: January stands, nothing is billed twice
            contract.contract_line_ids.write(
                {"last_date_invoiced": False, "recurring_next_date": date(2026, 1, 1)}
            )
            self.assertFalse(contract._recurring_create_invoice(date(2026, 1, 10)))

    def _night_batch(self, env):
        contracts = env["contract.contract"].browse(self.batch_ids)
        return contracts._recurring_create_invoice(date(2026, 1, 10)).ids

    def test_a_click_does_not_stop_the_night_batch(self):
        """The cron invoices a batch while a user clicks "Create invoice" on
        one of its contracts: whoever commits first, each contract is billed
        once for January, and the batch bills the contracts nobody else did
        (it is not refused whole for one contract)."""
        with mute_logger("odoo.sql_db"):
            outcomes = self.race(self._night_batch, self._button)
        (batch, batch_error), (click, click_error) = outcomes
        self.assertFalse(batch_error, outcomes)
        with self.committed_env() as env:
            invoices = env["account.move"].search(
                [("concierge_b2b_contract_id", "in", self.batch_ids)]
            )
            self.assertEqual(
                sorted(invoices.mapped("concierge_b2b_contract_id").ids),
                sorted(self.batch_ids),
            )
            self.assertEqual(len(invoices), 3)
            starts = invoices.invoice_line_ids.filtered("contract_line_id").mapped(
                "concierge_period_start"
            )
            self.assertEqual(set(starts), {date(2026, 1, 1)})
        if click_error:
            # the batch billed the clicked contract first: the user is told
            self.assertIsInstance(click_error, (UserError, SerializationFailure))
            self.assertEqual(len(batch), 3)
        else:
            # the click came first: the batch left that contract to it
            self.assertEqual(len(click), 1)
            self.assertEqual(len(batch), 2)
