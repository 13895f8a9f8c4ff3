# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date

from psycopg2 import IntegrityError
from psycopg2.errors import SerializationFailure

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL, mute_logger
from odoo.tools.sql import index_exists

from ..models.concierge_funding_installment import RECEIPT_KEY
from ..models.concierge_indicator_value import VALUE_KEY
from .race import RaceMixin


def _outcome(test, outcomes, message):
    won = [result for result, error in outcomes if not error]
    lost = [error for result, error in outcomes if error]
    test.assertEqual(len(won), 1, outcomes)
    test.assertIsInstance(lost[0], UserError, outcomes)
    test.assertIn(message, str(lost[0]))
    return won[0]


def _cancel_agreements(env, created):
    # a signed agreement cannot be deleted: the cleanup sets it aside
    agreements = created["concierge.funding.agreement"]
    if agreements:
        env.cr.execute(
            "UPDATE concierge_funding_agreement SET state = 'cancelled' WHERE id IN %s",
            [tuple(agreements.ids)],
        )
        agreements.invalidate_recordset()


@tagged("post_install", "-at_install")
class TestInstallmentRace(RaceMixin, TransactionCase):
    """Two users match the payments of a funder at the same moment, each on
    an agreement waiting for the same amount: the one receipt counts once."""

    def setUp(self):
        super().setUp()
        self.cleanup_committed(
            "concierge.funding.agreement",
            "account.move",
            "account.analytic.account",
            "res.partner",
            prepare=_cancel_agreements,
        )
        with self.committed_env() as env:
            company = env.company
            if not company.chart_template:
                self.skipTest("the company has no chart of accounts")
            funder = env["res.partner"].create(
                {
                    "name": "Commune de la course",
                    "is_company": True,
                    "concierge_funder_type": "commune",
                }
            )
            # two agreements of the funder, each waiting for 5,000: they
            # share no row a match writes, only the receipt
            agreements = env["concierge.funding.agreement"].create(
                [
                    {
                        "name": f"Convention de la course {n}",
                        "funder_id": funder.id,
                        "amount": 5000.0,
                        "date_start": date(2041, 1, 1),
                        "date_end": date(2041, 12, 31),
                        "phase": "test",
                        "installment_ids": [
                            Command.create(
                                {
                                    "name": "Versement",
                                    "date_due": date(2041, 2, 1),
                                    "amount_expected": 5000.0,
                                }
                            )
                        ],
                    }
                    for n in range(2)
                ]
            )
            agreements.action_sign()
            journal = env["account.journal"].search(
                [("type", "=", "general"), ("company_id", "=", company.id)], limit=1
            )
            receivable = funder.property_account_receivable_id
            income = env["account.account"].search(
                [
                    ("account_type", "in", ("income_other", "income")),
                    ("company_ids", "in", company.ids),
                ],
                limit=1,
            )
            move = env["account.move"].create(
                {
                    "move_type": "entry",
                    "journal_id": journal.id,
                    "date": date(2041, 1, 15),
                    "line_ids": [
                        Command.create(
                            {
                                "account_id": receivable.id,
                                "partner_id": funder.id,
                                "debit": 5000.0,
                                "name": "Subvention",
                            }
                        ),
                        Command.create(
                            {
                                "account_id": income.id,
                                "partner_id": funder.id,
                                "credit": 5000.0,
                                "name": "Subvention",
                            }
                        ),
                    ],
                }
            )
            move.action_post()
            self.installment_ids = agreements.installment_ids.ids
            self.claim_id = move.line_ids.filtered(
                lambda line: line.account_id == receivable
            ).id

    def _match(self, installment_id):
        def match(env):
            return (
                env["concierge.funding.installment"]
                .browse(installment_id)
                ._match_move_lines()
                .ids
            )

        return match

    def test_key_is_in_the_database(self):
        self.env.cr.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s", [RECEIPT_KEY]
        )
        self.assertIn("UNIQUE", self.env.cr.fetchone()[0])

    def test_one_receipt_matched_by_two_users(self):
        first, second = self.installment_ids
        with mute_logger("odoo.sql_db"):
            outcomes = self.race(self._match(first), self._match(second))
        # both saw the receipt free (same snapshot): the database kept one
        # link and refused the other transaction (the ORM links with ON
        # CONFLICT DO NOTHING, which a unique index makes a serialization
        # failure, retried by Odoo)
        won = [result for result, error in outcomes if not error]
        lost = [error for result, error in outcomes if error]
        self.assertEqual(len(won), 1, outcomes)
        self.assertIsInstance(lost[0], SerializationFailure, outcomes)
        matched = won[0]
        self.assertEqual(len(matched), 1)
        loser = second if matched == [first] else first
        with self.committed_env() as env:
            # Odoo's retry of the loser: the receipt is used, nothing to do
            self.assertEqual(self._match(loser)(env), [])
        with self.committed_env() as env:
            env.cr.execute(
                "SELECT installment_id FROM concierge_funding_installment_move_line_rel"
                " WHERE move_line_id = %s",
                [self.claim_id],
            )
            self.assertEqual([row[0] for row in env.cr.fetchall()], matched)


@tagged("post_install", "-at_install")
class TestIndicatorRace(RaceMixin, TransactionCase):
    """Two runs compute the indicators of the same month at the same moment
    (the monthly cron and a manager's *Recompute*): each value exists once."""

    MONTH = date(2041, 6, 1)

    def setUp(self):
        super().setUp()
        self.cleanup_committed("concierge.indicator.value")

    def _recompute(self, env):
        return env["concierge.indicator.value"]._recompute_period(self.MONTH).ids

    def _values(self, env):
        return env["concierge.indicator.value"].search(
            [("period", "=", self.MONTH), ("company_id", "=", env.company.id)]
        )

    def test_key_is_in_the_database(self):
        self.env.cr.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s", [VALUE_KEY]
        )
        definition = self.env.cr.fetchone()[0]
        self.assertIn("UNIQUE", definition)
        self.assertIn("COALESCE(site_id, 0)", definition)

    def test_two_runs_compute_the_same_month(self):
        with mute_logger("odoo.sql_db"):
            outcomes = self.race(self._recompute, self._recompute)
        won = _outcome(self, outcomes, "computed by another run at the same time")
        self.assertTrue(won, "the month has values to compute")
        with self.committed_env() as env:
            self.assertEqual(sorted(self._values(env).ids), sorted(won))
            # a later run updates them, creates none
            self.assertEqual(sorted(self._recompute(env)), sorted(won))


@tagged("post_install", "-at_install")
class TestMoneyKeyOnUpgrade(TransactionCase):
    """A database written before a money key existed may hold rows the key
    refuses: the upgrade names them and goes on, and the key comes with the
    next upgrade once they are set right."""

    def _duplicate(self, record):
        """Insert a copy of ``record``'s row, as an older version could."""
        cr = self.env.cr
        cr.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_name = %s AND column_name != 'id'",
            [record._table],
        )
        columns = SQL(", ").join(SQL.identifier(name) for (name,) in cr.fetchall())
        cr.execute(
            SQL(
                "INSERT INTO %s (%s) SELECT %s FROM %s WHERE id = %s RETURNING id",
                SQL.identifier(record._table),
                columns,
                columns,
                SQL.identifier(record._table),
                record.id,
            )
        )
        return cr.fetchone()[0]

    def test_duplicates_are_named_and_the_key_follows(self):
        Value = self.env["concierge.indicator.value"]
        indicator = self.env["concierge.indicator"].create(
            {"code": "upgrade_check", "name": "Upgrade check", "computation": "manual"}
        )
        value = Value.create(
            {"indicator_id": indicator.id, "period": date(2031, 1, 1), "value": 3.0}
        )
        self.env.cr.execute(SQL("DROP INDEX %s", SQL.identifier(VALUE_KEY)))
        copy_id = self._duplicate(value)
        with self.assertLogs("odoo.addons.concierge_base.utils", "ERROR") as logs:
            Value.init()
        self.assertFalse(index_exists(self.env.cr, VALUE_KEY))
        [message] = logs.output
        self.assertIn(VALUE_KEY, message)
        self.assertIn(f"{value.id}, {copy_id}", message)
        # one of the two set aside: the next upgrade creates the key
        self.env.cr.execute(
            "DELETE FROM concierge_indicator_value WHERE id = %s", [copy_id]
        )
        Value.init()
        self.assertTrue(index_exists(self.env.cr, VALUE_KEY))
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self._duplicate(value)
