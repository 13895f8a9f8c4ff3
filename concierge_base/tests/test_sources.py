# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date

from odoo import Command
from odoo.tests import tagged

from ..models.concierge_state_guard import UNLOCK_KEY
from .common import FrenchCompanyMixin
from .test_funding import FundingCase


@tagged("post_install", "-at_install")
class TestSources(FrenchCompanyMixin, FundingCase):
    """Funding mix sources declared at install, for every company."""

    def _account(self, code, account_type, **vals):
        return self.env["account.account"].create(
            {
                "code": code,
                "name": f"Compte {code}",
                "account_type": account_type,
                "company_ids": [Command.set(self.company.ids)],
                **vals,
            }
        )

    def test_default_source_of_new_accounts(self):
        self.assertEqual(
            self._account("706801", "income").concierge_source_category,
            "market_sales",
        )
        self.assertEqual(
            self._account("741801", "income").concierge_source_category,
            "public_grants",
        )
        self.assertEqual(
            self._account("754101", "income").concierge_source_category,
            "private_grants",
        )
        # other operating income and non-revenue accounts: no source
        self.assertFalse(self._account("791801", "income").concierge_source_category)
        self.assertFalse(self._account("604801", "expense").concierge_source_category)
        # what the creator chose stays
        self.assertFalse(
            self._account(
                "706802", "income", concierge_source_category=False
            ).concierge_source_category
        )

    def test_remap_kept_when_sources_are_mapped_again(self):
        account = self._account("706803", "income")
        account.concierge_source_category = "public_grants"
        empty = self._account("706804", "income", concierge_source_category=False)
        self.company._concierge_map_sources()
        self.assertEqual(account.concierge_source_category, "public_grants")
        self.assertEqual(empty.concierge_source_category, "market_sales")

    def test_company_created_later(self):
        company = self.env["res.company"].create({"name": "Conciergerie du plateau"})
        self.env["account.chart.template"].try_loading(
            "generic_coa", company, install_demo=False
        )
        Account = self.env["account.account"].with_company(company)
        income = Account.search(
            [*Account._check_company_domain(company), ("account_type", "=", "income")]
        )
        # (the commission account 7082 is the commissions' when
        # concierge_partners is installed)
        income = income.filtered(lambda a: not a.code.startswith("7082"))
        self.assertTrue(income)
        self.assertEqual(
            set(income.mapped("concierge_source_category")), {"market_sales"}
        )

    def test_french_company_created_later(self):
        company = self._french_company()
        Account = self.env["account.account"].with_company(company)

        def source(code):
            account = Account.search(
                [*Account._check_company_domain(company), ("code", "=", code)]
            )
            self.assertEqual(len(account), 1, code)
            return account.concierge_source_category

        self.assertEqual(source("706000"), "market_sales")
        self.assertEqual(source("701000"), "market_sales")
        self.assertEqual(source("741000"), "public_grants")
        self.assertFalse(source("754000"))  # rebates of cooperatives
        self.assertFalse(source("761100"))  # financial income
        self.assertFalse(source("607000"))

    def test_installment_entry_counts_once(self):
        """The entry of a grant received through an agreement counts once,
        when received, even when it credits a grant account."""
        self.env["concierge.funding.agreement"].sudo().with_context(
            **{UNLOCK_KEY: True}
        ).search([]).write({"state": "cancelled"})
        grant_account = self._account("740801", "income")
        agreement = self._agreement(
            funder_id=self.foundation.id,
            amount=200.0,
            date_start=date(2033, 1, 1),
            date_end=date(2033, 12, 31),
            installment_ids=[
                Command.create(
                    {
                        "name": "Versement",
                        "date_due": date(2033, 3, 1),
                        "amount_expected": 200.0,
                    }
                )
            ],
        )
        agreement.action_sign()
        move = self.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": self.misc_journal.id,
                "date": date(2033, 3, 15),
                "line_ids": [
                    Command.create(
                        {
                            "account_id": self.bank_journal.default_account_id.id,
                            "partner_id": self.foundation.id,
                            "debit": 200.0,
                        }
                    ),
                    Command.create(
                        {
                            "account_id": grant_account.id,
                            "partner_id": self.foundation.id,
                            "credit": 200.0,
                        }
                    ),
                ],
            }
        )
        move.action_post()
        Mix = self.env["concierge.funding.mix.compute"]
        month = (date(2033, 3, 1), date(2033, 3, 31))
        # not yet linked to the installment: a private gift on a grant account
        self.assertEqual(Mix._get_mix_totals(*month)["private_grants"], 200.0)
        bank_line = move.line_ids.filtered("debit")
        agreement.installment_ids.move_line_ids = [Command.link(bank_line.id)]
        totals = Mix._get_mix_totals(*month)
        self.assertEqual(totals["private_grants"], 200.0)
        self.assertEqual(totals["public_grants"], 0.0)
