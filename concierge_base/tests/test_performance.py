# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date, timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.tests import tagged

from .common import ConciergeCase, QueryCountMixin
from .test_funding import FundingCase

# the same count for 1 and for 20 records (the equality is what matters);
# the pins are upper bounds: the counts measured on 18.0 with the five addons
# installed (fewer with concierge_base alone)
MATCH_QUERIES = 18
INDICATOR_CREATE_QUERIES = 54
INDICATOR_UPDATE_QUERIES = 49


@tagged("post_install", "-at_install")
class TestMatchingPerformance(QueryCountMixin, FundingCase):
    """Installments matched to receipts in a number of queries that does
    not depend on the number of installments and receipts."""

    def _signed_agreement(self, count):
        """A signed agreement of ``count`` installments of 100.00 and as
        many posted bank receipts of the commune for 100.00, in one entry."""
        bank = self.bank_journal.default_account_id
        agreement = self._agreement(
            amount=100.0 * count,
            installment_ids=[
                Command.create(
                    {
                        "name": f"Versement {index + 1}",
                        "date_due": date(2026, 1, 1 + index),
                        "amount_expected": 100.0,
                    }
                )
                for index in range(count)
            ],
        )
        agreement.action_sign()
        move = self.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": self.misc_journal.id,
                "date": date(2026, 1, 15),
                "line_ids": [
                    Command.create(
                        {
                            "account_id": bank.id,
                            "partner_id": self.commune.id,
                            "debit": 100.0,
                            "name": f"Subvention {index + 1}",
                        }
                    )
                    for index in range(count)
                ]
                + [
                    Command.create(
                        {
                            "account_id": self.income.id,
                            "partner_id": self.commune.id,
                            "credit": 100.0 * count,
                            "name": "Subvention",
                        }
                    )
                ],
            }
        )
        move.action_post()
        return agreement, move.line_ids.filtered(lambda line: line.debit)

    def test_matching_queries_do_not_grow_with_receipts(self):
        counts = {}
        for label, size in (("warm", 1), (1, 1), (20, 20)):
            agreement, receipts = self._signed_agreement(size)
            counts[label] = self._count(agreement.action_match_payments)
            # every installment got its own receipt
            installments = agreement.installment_ids
            self.assertEqual(installments.move_line_ids, receipts)
            self.assertTrue(all(len(i.move_line_ids) == 1 for i in installments))
            self.assertEqual(set(installments.mapped("state")), {"received"})
            self.assertEqual(agreement.amount_received, 100.0 * size)
        self.assertEqual(counts[1], counts[20], counts)
        self.assertLessEqual(counts[20], MATCH_QUERIES, counts)


@tagged("post_install", "-at_install")
class TestIndicatorPerformance(QueryCountMixin, ConciergeCase):
    """The cron's recomputation of a month writes the values of 20 sites in
    as many queries as those of one site."""

    # the month of the beneficiaries registered by the test
    PERIOD = fields.Date.today().replace(day=1)
    _counter = 0
    _clock = fields.Datetime.now()

    def _company(self, sites):
        TestIndicatorPerformance._counter += 1
        company = self.env["res.company"].create(
            {"name": f"Conciergerie de test {self._counter} ({sites} sites)"}
        )
        sites = self.env["concierge.site"].create(
            [
                {"name": f"Site {index}", "site_type": "shop", "company_id": company.id}
                for index in range(sites)
            ]
        )
        self._beneficiaries(sites)
        return company, sites

    def _beneficiaries(self, sites):
        self.env["res.partner"].create(
            [
                {
                    "name": f"Habitant de {site.name}",
                    "concierge_beneficiary_type": "inhabitant",
                    "concierge_site_id": site.id,
                }
                for site in sites
            ]
        )

    def _recompute(self, company):
        """The queries of one recomputation, each run one second after the
        previous one: the values kept are stamped with a new time (one more
        UPDATE) every time, not only when the clock happens to tick between
        two runs."""
        Value = self.env["concierge.indicator.value"]
        TestIndicatorPerformance._clock += timedelta(seconds=1)
        with freeze_time(self._clock):
            return self._count(
                lambda: Value._recompute_periods([self.PERIOD], companies=company)
            )

    def _beneficiary_values(self, company):
        return self.env["concierge.indicator.value"].search(
            [
                ("company_id", "=", company.id),
                ("indicator_id.code", "=", "beneficiaries"),
                ("period", "=", self.PERIOD),
            ]
        )

    def test_recompute_queries_do_not_grow_with_sites(self):
        # creating a company clears the registry's caches: all of them first
        warm, __ = self._company(1)
        small, small_sites = self._company(1)
        big, big_sites = self._company(20)
        self._recompute(warm)
        created = {1: self._recompute(small), 20: self._recompute(big)}
        self.assertEqual(created[1], created[20], created)
        self.assertLessEqual(created[20], INDICATOR_CREATE_QUERIES, created)
        values = self._beneficiary_values(big)
        self.assertEqual(len(values.filtered(lambda v: v.scope == "site")), 20)
        self.assertEqual(len(values.filtered(lambda v: v.scope == "company")), 1)
        # one more beneficiary per site: every value changes
        self._beneficiaries(small_sites | big_sites)
        updated = {1: self._recompute(small), 20: self._recompute(big)}
        self.assertEqual(updated[1], updated[20], updated)
        self.assertLessEqual(updated[20], INDICATOR_UPDATE_QUERIES, updated)
        values = self._beneficiary_values(big)
        by_scope = {
            scope: values.filtered(lambda v, s=scope: v.scope == s)
            for scope in ("site", "no_site", "company")
        }
        self.assertEqual(by_scope["site"].mapped("value"), [2.0] * 20, "recomputed")
        self.assertEqual(
            by_scope["company"].value,
            40.0 + sum(by_scope["no_site"].mapped("value")),
        )
