# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.concierge_base.tests.race import RaceMixin

from ..models.concierge_commission_settlement import SETTLEMENT_KEY

SETTLE_DATE = "2026-03-10"


@tagged("post_install", "-at_install")
class TestSettlementRace(RaceMixin, TransactionCase):
    """Two accountants settle the same month at the same moment, in two real
    transactions: one settlement is created, the other one is refused by
    the database and told so."""

    def setUp(self):
        super().setUp()
        self.cleanup_committed(
            "concierge.commission.settlement",
            "concierge.commission.line",
            "account.move",
            "concierge.commission.agreement",
            "res.partner",
            "ir.sequence.date_range",
        )
        with self.committed_env() as env:
            provider = env["res.partner"].create(
                {
                    "name": "Pressing de la course",
                    "is_company": True,
                    "concierge_is_provider": True,
                    "concierge_provider_kind": "shop",
                }
            )
            agreement = env["concierge.commission.agreement"].create(
                {
                    "name": "Accord de la course",
                    "provider_id": provider.id,
                    "commission_model": "referral",
                    "basis": "invoiced",
                    "settlement_period": "monthly",
                    "date_start": "2026-01-01",
                    "rule_ids": [Command.create({"scope": "all", "percent": 10.0})],
                }
            )
            move = env["account.move"].create(
                {"move_type": "entry", "date": SETTLE_DATE}
            )
            env["concierge.commission.line"].create(
                [
                    {
                        "provider_id": provider.id,
                        "agreement_id": agreement.id,
                        "rule_id": agreement.rule_ids.id,
                        "commission_model": "referral",
                        "company_id": env.company.id,
                        "move_id": move.id,
                        "date": SETTLE_DATE,
                        "base_amount": 100.0,
                        "commission_amount": 10.0,
                    }
                ]
            )
            self.provider_id = provider.id

    def _settle(self, env):
        return env["concierge.commission.settlement"].settle_period(
            SETTLE_DATE, provider_ids=[self.provider_id]
        )

    def test_key_is_in_the_database(self):
        self.env.cr.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s", [SETTLEMENT_KEY]
        )
        (definition,) = self.env.cr.fetchone()
        self.assertIn("UNIQUE", definition)
        self.assertIn("'cancelled'", definition)

    def test_two_accountants_settle_the_same_month(self):
        # the loser's refused insert is logged by odoo.sql_db
        with mute_logger("odoo.sql_db"):
            outcomes = self.race(self._settle, self._settle)
        won = [result for result, error in outcomes if not error]
        lost = [error for result, error in outcomes if error]
        # both read "no settlement yet" (same snapshot): without the key of
        # the database both would have created one
        self.assertEqual(len(won), 1, outcomes)
        self.assertEqual(len(lost), 1, outcomes)
        self.assertIsInstance(lost[0], UserError)
        self.assertIn("settled by another user at the same time", str(lost[0]))
        with self.committed_env() as env:
            settlements = env["concierge.commission.settlement"].search(
                [("provider_id", "=", self.provider_id)]
            )
            self.assertEqual(settlements.ids, won[0])
            self.assertEqual(settlements.line_count, 1)
            self.assertEqual(settlements.commission_amount, 10.0)
            # a second run afterwards has nothing to do
            self.assertEqual(self._settle(env), [])
            self.assertEqual(
                env["concierge.commission.settlement"].search_count(
                    [("provider_id", "=", self.provider_id)]
                ),
                1,
            )

    def test_cancelled_settlement_does_not_block_a_new_one(self):
        with self.committed_env() as env:
            settlement = env["concierge.commission.settlement"].browse(
                self._settle(env)
            )
            settlement._cancel()
            again = self._settle(env)
            self.assertTrue(again)
            self.assertNotEqual(again, settlement.ids)
