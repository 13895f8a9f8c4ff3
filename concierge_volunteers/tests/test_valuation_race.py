# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date, timedelta

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.concierge_base.tests.race import RaceMixin

from ..models.concierge_volunteer_valuation import PERIOD_KEY


@tagged("post_install", "-at_install")
class TestValuationRace(RaceMixin, TransactionCase):
    """Two managers value the same month at the same moment, in two real
    transactions: one valuation is created, the database refuses the other
    one, which gets a message and leaves nothing behind."""

    def setUp(self):
        super().setUp()
        self.cleanup_committed("concierge.volunteer.valuation")

    @staticmethod
    def _value(date_from, date_to):
        def value(env):
            return (
                env["concierge.volunteer.valuation"]
                .create({"date_from": date_from, "date_to": date_to, "rate": 15.0})
                .id
            )

        return value

    def _valuations(self, env):
        return env["concierge.volunteer.valuation"].search(
            [("date_from", ">=", "2041-01-01"), ("date_to", "<=", "2042-01-31")]
        )

    def _check_one_won(self, outcomes):
        won = [result for result, error in outcomes if not error]
        lost = [error for result, error in outcomes if error]
        self.assertEqual(len(won), 1, outcomes)
        self.assertIsInstance(lost[0], ValidationError)
        self.assertIn("valued only once", str(lost[0]))
        return won[0]

    def test_key_is_in_the_database(self):
        self.env.cr.execute(
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = %s",
            [PERIOD_KEY],
        )
        (definition,) = self.env.cr.fetchone()
        self.assertIn("EXCLUDE USING gist", definition)
        self.assertIn("'cancelled'", definition)

    def test_two_managers_value_the_same_month(self):
        # raced over and over: two inserts checked by the exclusion constraint
        # at the same moment can wait for each other, and the loser would be
        # killed as a deadlock (no message) if the valuation did not queue them
        won = []
        for week in range(52):
            monday = date(2041, 1, 7) + timedelta(weeks=week)
            with self.subTest(week=monday):
                value = self._value(monday, monday + timedelta(days=6))
                with mute_logger("odoo.sql_db"):
                    outcomes = self.race(value, value)
                won.append(self._check_one_won(outcomes))
        with self.committed_env() as env:
            self.assertEqual(sorted(self._valuations(env).ids), sorted(won))

    def test_overlapping_periods_raced(self):
        # not the same key, the same days: the exclusion constraint compares
        # the periods, not their first day
        with self.captured_logs("odoo.sql_db") as records:
            outcomes = self.race(
                self._value("2041-03-01", "2041-03-31"),
                self._value("2041-03-15", "2041-04-15"),
            )
        won = self._check_one_won(outcomes)
        # the loser's refused insert is logged as INFO, not as Odoo's ERROR
        # "bad query": the key did its work and the user got a message
        refused = [r for r in records if r.getMessage().startswith("bad query")]
        self.assertEqual([r.levelname for r in refused], ["INFO"])
        self.assertIn(PERIOD_KEY, refused[0].getMessage())
        with self.committed_env() as env:
            self.assertEqual(self._valuations(env).ids, [won])

    def test_cancelled_valuation_does_not_block(self):
        with self.committed_env() as env:
            first = env["concierge.volunteer.valuation"].browse(
                self._value("2041-05-01", "2041-05-31")(env)
            )
            first.action_cancel()
            second = self._value("2041-05-01", "2041-05-31")(env)
            self.assertEqual(
                self._valuations(env).mapped("state"), ["draft", "cancelled"]
            )
            self.assertNotEqual(second, first.id)
