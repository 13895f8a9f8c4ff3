# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import CommissionCase


@tagged("post_install", "-at_install")
class TestAgreement(CommissionCase):
    def test_rate_outside_0_100_refused(self):
        with self.assertRaisesRegex(ValidationError, "between 0 and 100"):
            self._create_agreement(rules=[{"scope": "all", "percent": 120.0}])
        with self.assertRaisesRegex(ValidationError, "between 0 and 100"):
            self._create_agreement(rules=[{"scope": "all", "percent": -1.0}])
        agreement = self._create_agreement(rules=[{"scope": "all", "percent": 100.0}])
        with self.assertRaisesRegex(ValidationError, "between 0 and 100"):
            agreement.rule_ids.percent = 100.5

    def test_end_before_start_refused(self):
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self._create_agreement(date_start="2026-03-01", date_end="2026-02-28")
        agreement = self._create_agreement(
            date_start="2026-03-01", date_end="2026-03-01"
        )
        self.assertEqual(agreement.date_end, agreement.date_start)

    def test_overlapping_agreements_refused(self):
        self._create_agreement(date_start="2026-01-01", date_end="2026-06-30")
        with self.assertRaisesRegex(ValidationError, "valid at the same time"):
            self._create_agreement(date_start="2026-06-30")
        # The day after: no overlap.
        later = self._create_agreement(date_start="2026-07-01")
        self.assertTrue(later)
        # Same period, another scope: accepted.
        product_rule = self._create_agreement(
            date_start="2026-02-01",
            date_end="2026-02-28",
            rules=[
                {
                    "scope": "product",
                    "product_tmpl_id": self.product.product_tmpl_id.id,
                    "percent": 5.0,
                }
            ],
        )
        # ...until a rule on an overlapping scope is added.
        with self.assertRaisesRegex(ValidationError, "valid at the same time"):
            product_rule.rule_ids = [Command.create({"scope": "all", "percent": 3})]
        # An archived agreement does not count.
        product_rule.active = False
        self._create_agreement(
            date_start="2026-02-01",
            date_end="2026-02-28",
            rules=[
                {
                    "scope": "product",
                    "product_tmpl_id": self.product.product_tmpl_id.id,
                    "percent": 6.0,
                }
            ],
        )
        with self.assertRaisesRegex(ValidationError, "valid at the same time"):
            product_rule.active = True

    def test_other_provider_does_not_overlap(self):
        self._create_agreement()
        self.assertTrue(self._create_agreement(provider=self.producer))

    def test_agreements_created_together(self):
        agreements = self.Agreement.create(
            [
                {
                    "name": partner.name,
                    "provider_id": partner.id,
                    "date_start": "2026-01-01",
                    "rule_ids": [Command.create({"scope": "all", "percent": 10})],
                }
                for partner in self.provider | self.producer
            ]
        )
        self.assertEqual(len(agreements.rule_ids), 2)

    def test_scope_needs_its_target(self):
        with self.assertRaisesRegex(ValidationError, "category of a category rule"):
            self._create_agreement(rules=[{"scope": "category", "percent": 5}])
        with self.assertRaisesRegex(ValidationError, "product of a product rule"):
            self._create_agreement(rules=[{"scope": "product", "percent": 5}])
        with self.assertRaisesRegex(ValidationError, "two rules for the same scope"):
            self._create_agreement(
                rules=[{"scope": "all", "percent": 5}, {"scope": "all", "percent": 6}]
            )

    def _tier_rule(self, tiers):
        return self._create_agreement(
            rules=[
                {
                    "scope": "all",
                    "compute_type": "tiers",
                    "tier_ids": [Command.create(t) for t in tiers],
                }
            ]
        )

    def test_tiers_overlap_or_gap_refused(self):
        with self.assertRaisesRegex(ValidationError, "overlap"):
            self._tier_rule(
                [
                    {"amount_from": 0, "amount_to": 1000, "percent": 10},
                    {"amount_from": 900, "percent": 5},
                ]
            )
        with self.assertRaisesRegex(ValidationError, "gap"):
            self._tier_rule(
                [
                    {"amount_from": 0, "amount_to": 1000, "percent": 10},
                    {"amount_from": 1100, "percent": 5},
                ]
            )
        with self.assertRaisesRegex(ValidationError, "gap"):
            self._tier_rule([{"amount_from": 100, "percent": 10}])
        with self.assertRaisesRegex(ValidationError, "gap"):
            self._tier_rule([{"amount_from": 0, "amount_to": 1000, "percent": 10}])
        with self.assertRaisesRegex(ValidationError, "Only the last tier"):
            self._tier_rule(
                [
                    {"amount_from": 0, "percent": 10},
                    {"amount_from": 0, "amount_to": 500, "percent": 5},
                ]
            )
        with self.assertRaisesRegex(ValidationError, "at least one tier"):
            self._tier_rule([])
        with self.assertRaisesRegex(ValidationError, "between 0 and 100"):
            self._tier_rule([{"amount_from": 0, "percent": 101}])

    def test_tiers_cumulated_at_boundaries(self):
        agreement = self._tier_rule(
            [
                {"amount_from": 0, "amount_to": 1000, "percent": 10},
                {"amount_from": 1000, "amount_to": 5000, "percent": 5},
                {"amount_from": 5000, "percent": 2},
            ]
        )
        rule = agreement.rule_ids
        self.assertAlmostEqual(rule._cumulated_commission(0), 0)
        self.assertAlmostEqual(rule._cumulated_commission(1000), 100)
        self.assertAlmostEqual(rule._cumulated_commission(1000.01), 100.0005)
        self.assertAlmostEqual(rule._cumulated_commission(5000), 300)
        self.assertAlmostEqual(rule._cumulated_commission(6000), 320)
        # A sale across a boundary pays each rate on its part.
        self.assertEqual(rule._commission_amount(200, 1, volume_before=900), 15.0)
        self.assertEqual(rule._commission_amount(-200, -1, volume_before=1100), -15.0)

    def test_rule_priority(self):
        agreement = self._create_agreement(
            rules=[
                {"scope": "all", "percent": 10},
                {"scope": "category", "category_id": self.category.id, "percent": 8},
                {
                    "scope": "product",
                    "product_tmpl_id": self.product.product_tmpl_id.id,
                    "percent": 5,
                },
            ]
        )
        self.assertEqual(agreement._find_rule(self.product).percent, 5)
        self.assertEqual(agreement._find_rule(self.product_b).percent, 10)
        other = self._create_product("Pantalon", 8, self.provider, self.category)
        self.assertEqual(agreement._find_rule(other).percent, 8)

    def test_agreement_or_rule_with_lines_not_deleted(self):
        agreement = self._create_agreement()
        self._invoice([(self.product, 1, 10.0)])
        with self.assertRaisesRegex(UserError, "archive it instead"):
            agreement.unlink()
        with self.assertRaisesRegex(UserError, "start a new one instead"):
            agreement.rule_ids.unlink()
        unused = self._create_agreement(provider=self.producer, date_start="2027-01-01")
        unused.unlink()
        self.assertFalse(unused.exists())
