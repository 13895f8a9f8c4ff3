# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.tests import TransactionCase, tagged

from odoo.addons.concierge_base.tests.common import FrenchCompanyMixin


@tagged("post_install", "-at_install")
class TestFrenchChart(FrenchCompanyMixin, TransactionCase):
    def test_class_8_accounts_created_with_the_chart(self):
        """The French chart has no class 8: a company that loads it gets
        864000 / 875000 (ANC 2018-06), 875 counting as volunteer time."""
        company = self._french_company()
        self.assertEqual(company.currency_id, self.env.ref("base.EUR"))
        expense, income = company._concierge_volunteer_accounts()
        self.assertEqual(expense, company.concierge_volunteer_expense_account_id)
        self.assertEqual(income, company.concierge_volunteer_income_account_id)
        self.assertEqual(expense.with_company(company).code, "864000")
        self.assertEqual(income.with_company(company).code, "875000")
        self.assertEqual(income.concierge_source_category, "volunteer_time")
        self.assertFalse(expense.concierge_source_category)
        # and the chart's own accounts their sources
        Account = self.env["account.account"].with_company(company)

        def source(code):
            account = Account.search(
                [*Account._check_company_domain(company), ("code", "=", code)]
            )
            self.assertEqual(len(account), 1, code)
            return account.concierge_source_category

        self.assertEqual(source("706000"), "market_sales")
        self.assertEqual(source("707000"), "market_sales")
        self.assertEqual(source("741000"), "public_grants")
        self.assertFalse(source("411100"))
