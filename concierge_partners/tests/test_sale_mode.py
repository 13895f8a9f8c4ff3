# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.concierge_base.tests.common import FrenchCompanyMixin

from .common import CommissionCase

# a month far from the demo data
DAY = date(2032, 3, 10)
MONTH = (date(2032, 3, 1), date(2032, 3, 31))


@tagged("post_install", "-at_install")
class TestSaleMode(FrenchCompanyMixin, CommissionCase):
    """Selling in a provider's name is not turnover: the journal items of
    the customer invoice and of the settlement's vendor bill in both sale
    modes, and what the funding mix, the local spend and the settlement
    make of them, on a French association in euros (the demo company, or
    one made for the test without demo data)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if cls.company.chart_template != "fr":
            cls._use_french_company()
        cls.third_party = cls.company._concierge_third_party_account()
        cls.commission_account = cls.company._concierge_commission_account()
        cls.Mix = cls.env["concierge.funding.mix.compute"]

    @classmethod
    def _use_french_company(cls):
        company = cls._french_company()
        cls.env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=company.ids)
        )
        cls.company = company.with_env(cls.env)
        for name in ("provider", "producer", "customer", "product", "basket"):
            setattr(cls, name, getattr(cls, name).with_env(cls.env))
        cls.Agreement = cls.env["concierge.commission.agreement"]
        cls.Line = cls.env["concierge.commission.line"]
        cls.Settlement = cls.env["concierge.commission.settlement"]

    def test_french_accounts_by_code(self):
        self.assertEqual(self.company.currency_id, self.env.ref("base.EUR"))
        self.assertEqual(self.third_party.code, "467000")
        self.assertEqual(self.commission_account.code, "708200")
        accounts = self.basket.product_tmpl_id._get_product_accounts()
        self.assertEqual(accounts["income"].code, "707000")
        self.assertEqual(accounts["income"].concierge_source_category, "market_sales")
        collected = self.env.ref("concierge_partners.product_collected")
        self.assertEqual(
            collected.product_tmpl_id._get_product_accounts()["expense"].code, "607000"
        )

    def _mandate(self, **vals):
        return self._create_agreement(
            provider=self.producer,
            name="Mandat ferme",
            commission_model="mandate",
            date_start="2032-01-01",
            rules=[{"scope": "all", "percent": 20.0}],
            **vals,
        )

    def _items(self, move):
        """{account: (debit, credit)} of the journal items of ``move``."""
        items = {}
        for line in move.line_ids:
            debit, credit = items.get(line.account_id, (0.0, 0.0))
            items[line.account_id] = (debit + line.debit, credit + line.credit)
        return items

    def _settle_and_bill(self):
        settlement = self._settle(date=DAY, providers=self.producer)
        settlement._confirm()
        settlement._create_documents()
        return settlement

    def _today(self):
        today = fields.Date.context_today(self.Mix)
        return today.replace(day=1), today

    def test_accounts_of_the_company(self):
        self.assertTrue(self.third_party.code.startswith("467"))
        self.assertTrue(self.commission_account.code.startswith("7082"))
        self.assertEqual(
            self.commission_account.concierge_source_category, "commissions"
        )
        commission = self.env.ref("concierge_partners.product_commission")
        self.assertEqual(
            commission.product_tmpl_id._get_product_accounts()["income"],
            self.commission_account,
        )

    def test_default_sale_mode_by_model(self):
        self.assertEqual(self._mandate().concierge_sale_mode, "agent")
        for model in ("referral", "resale", "consignment"):
            agreement = self.Agreement.new({"commission_model": model})
            self.assertEqual(agreement.concierge_sale_mode, "own_name", model)

    def test_agent_only_for_mandate_or_consignment(self):
        for model in ("referral", "resale"):
            with self.assertRaisesRegex(ValidationError, "only a mandate or a"):
                self._create_agreement(
                    commission_model=model, concierge_sale_mode="agent"
                )

    def test_agent_sale_on_third_party_account_cleared_by_the_bill(self):
        self._mandate()
        invoice = self._invoice([(self.basket, 4, 15.0)], date=DAY)
        receivable = invoice.partner_id.property_account_receivable_id
        # the customer owes 60, collected for the producer: no revenue
        self.assertEqual(
            self._items(invoice),
            {receivable: (60.0, 0.0), self.third_party: (0.0, 60.0)},
        )
        line = self.Line.search([("move_id", "=", invoice.id)])
        self.assertEqual(line.sale_mode, "agent")
        self.assertEqual(line.local_spend_amount, 60.0)
        mix = self.Mix._get_mix_totals(*MONTH)
        self.assertEqual(mix["market_sales"], 0.0)
        self.assertEqual(mix["commissions"], 0.0)
        before = self.Mix._get_mix_totals(*self._today())
        settlement = self._settle_and_bill()
        self.assertEqual(settlement.agent_collected_amount, 60.0)
        self.assertEqual(settlement.revenue_amount, 12.0)
        bill = settlement.move_id
        self.assertEqual(bill.move_type, "in_invoice")
        self.assertEqual(bill.state, "posted")
        payable = self.producer.property_account_payable_id
        # the bill clears 467, the commission is revenue, the net is owed
        self.assertEqual(
            self._items(bill),
            {
                self.third_party: (60.0, 0.0),
                self.commission_account: (0.0, 12.0),
                payable: (0.0, 48.0),
            },
        )
        third_party_balance = sum(
            self.env["account.move.line"]
            .search(
                [
                    ("move_id", "in", (invoice | bill).ids),
                    ("account_id", "=", self.third_party.id),
                ]
            )
            .mapped("balance")
        )
        self.assertEqual(third_party_balance, 0.0)
        after = self.Mix._get_mix_totals(*self._today())
        self.assertAlmostEqual(after["commissions"] - before["commissions"], 12.0)
        self.assertAlmostEqual(after["market_sales"], before["market_sales"])

    def test_own_name_sale_is_revenue_and_share_a_purchase(self):
        self._mandate(concierge_sale_mode="own_name")
        invoice = self._invoice([(self.basket, 4, 15.0)], date=DAY)
        income = self.basket.product_tmpl_id._get_product_accounts()["income"]
        receivable = invoice.partner_id.property_account_receivable_id
        self.assertEqual(
            self._items(invoice), {receivable: (60.0, 0.0), income: (0.0, 60.0)}
        )
        line = self.Line.search([("move_id", "=", invoice.id)])
        self.assertEqual(line.sale_mode, "own_name")
        self.assertEqual(line.local_spend_amount, 48.0)
        self.assertEqual(self.Mix._get_mix_totals(*MONTH)["market_sales"], 60.0)
        before = self.Mix._get_mix_totals(*self._today())
        settlement = self._settle_and_bill()
        self.assertEqual(settlement.agent_collected_amount, 0.0)
        self.assertEqual(settlement.revenue_amount, 60.0)
        self.assertEqual(settlement.amount_due, 48.0)
        bill = settlement.move_id
        expense = self.env.ref(
            "concierge_partners.product_collected"
        ).product_tmpl_id._get_product_accounts()["expense"]
        payable = self.producer.property_account_payable_id
        # one purchase: the producer's share; no commission revenue
        self.assertEqual(
            self._items(bill), {expense: (48.0, 0.0), payable: (0.0, 48.0)}
        )
        self.assertIn(expense.account_type, ("expense", "expense_direct_cost"))
        after = self.Mix._get_mix_totals(*self._today())
        self.assertAlmostEqual(after["commissions"], before["commissions"])
        self.assertAlmostEqual(after["market_sales"], before["market_sales"])

    def test_agent_refund_and_local_spend_indicator(self):
        self._mandate()
        self._invoice([(self.basket, 4, 15.0)], date=DAY)
        refund = self._invoice(
            [(self.basket, 1, 15.0)], date=DAY, move_type="out_refund"
        )
        receivable = refund.partner_id.property_account_receivable_id
        self.assertEqual(
            self._items(refund),
            {receivable: (0.0, 15.0), self.third_party: (15.0, 0.0)},
        )
        spend = self.env["concierge.indicator.value"]._indicator_local_spend(
            *MONTH, self.env["concierge.site"]
        )
        self.assertEqual(spend, {False: 45.0})
        settlement = self._settle_and_bill()
        self.assertEqual(
            self._items(settlement.move_id),
            {
                self.third_party: (45.0, 0.0),
                self.commission_account: (0.0, 9.0),
                self.producer.property_account_payable_id: (0.0, 36.0),
            },
        )

    def test_agent_sale_with_vat_refused(self):
        self._mandate()
        tax = self.env["account.tax"].create(
            {"name": "TVA test 20 %", "amount": 20.0, "type_tax_use": "sale"}
        )
        invoice = self._invoice([(self.basket, 1, 15.0)], date=DAY, post=False)
        invoice.invoice_line_ids.tax_ids = [Command.set(tax.ids)]
        with self.assertRaisesRegex(UserError, "charges no VAT of its own"):
            invoice.action_post()
        self.assertEqual(invoice.state, "draft")

    def test_line_back_to_revenue_when_agreement_sells_in_own_name(self):
        agreement = self._mandate()
        invoice = self._invoice([(self.basket, 1, 15.0)], date=DAY)
        self.assertEqual(invoice.invoice_line_ids.account_id, self.third_party)
        invoice.button_draft()
        agreement.concierge_sale_mode = "own_name"
        invoice.action_post()
        income = self.basket.product_tmpl_id._get_product_accounts()["income"]
        self.assertEqual(invoice.invoice_line_ids.account_id, income)
        self.assertEqual(
            self.Line.search([("move_id", "=", invoice.id), ("ratio", ">", 0)])[
                -1:
            ].sale_mode,
            "own_name",
        )

    def test_company_without_chart_told_what_to_do(self):
        self.assertFalse(self.other_company.chart_template)
        with self.assertRaisesRegex(UserError, "Install a chart of accounts"):
            self.other_company._concierge_third_party_account()

    def test_new_company_gets_its_accounts(self):
        company = self.env["res.company"].create({"name": "Conciergerie nouvelle"})
        self.env["account.chart.template"].try_loading(
            "generic_coa", company, install_demo=False
        )
        commission = company.concierge_commission_account_id
        self.assertEqual(commission.with_company(company).code, "708200")
        self.assertEqual(commission.concierge_source_category, "commissions")
        self.assertEqual(
            company.concierge_third_party_account_id.with_company(company).code,
            "467000",
        )
        template = self.env.ref(
            "concierge_partners.product_commission"
        ).product_tmpl_id.with_company(company)
        self.assertEqual(template.property_account_income_id, commission)
