# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import base64
import io
from datetime import date

import openpyxl

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from ..models.concierge_state_guard import UNLOCK_KEY
from .test_funding import FundingCase

# a month far from the demo data
MONTH = date(2031, 3, 1)
END = date(2031, 3, 31)
YEAR = {"date_start": date(2031, 1, 1), "date_end": date(2031, 12, 31)}


@tagged("post_install", "-at_install")
class TestFundingMix(FundingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Account = cls.env["account.account"]

        def account(code, name, account_type, source=False):
            return Account.create(
                {
                    "code": code,
                    "name": name,
                    "account_type": account_type,
                    "concierge_source_category": source,
                    "company_ids": [Command.set(cls.company.ids)],
                }
            )

        cls.sales_account = account("706901", "Ventes test", "income", "market_sales")
        # a grant account gets its source from its French code (74: public)
        cls.grant_account = Account.create(
            {
                "code": "740901",
                "name": "Subventions test",
                "account_type": "income",
                "company_ids": [Command.set(cls.company.ids)],
            }
        )
        cls.other_income = account("706902", "Autres produits test", "income")
        cls.purchase_account = account("604901", "Achats test", "expense")
        cls.counterpart = account("471901", "Attente test", "asset_current")
        parent = cls.env["product.category"].create(
            {
                "name": "Ventes au comptoir test",
                "concierge_source_category": "market_sales",
            }
        )
        child = cls.env["product.category"].create(
            {"name": "Forfaits", "parent_id": parent.id}
        )
        cls.subscription = cls.env["product.product"].create(
            {"name": "Forfait entreprise", "categ_id": child.id, "type": "service"}
        )
        cls.analytic_plan = cls.env["concierge.funding.agreement"]._get_analytic_plan()
        cls.site_analytic = cls.env["account.analytic.account"].create(
            {"name": "Site de test", "plan_id": cls.analytic_plan.id}
        )
        cls.site.analytic_account_id = cls.site_analytic
        # revenue of March 2026
        cls._revenue(cls.sales_account, 1000.0, MONTH, analytic=50)
        # a gift of the foundation outside any agreement, on a grant account:
        # private after the funder's kind
        cls._revenue(
            cls.grant_account, 500.0, date(2031, 3, 10), partner=cls.foundation
        )
        # an unmapped income account, but a product of a mapped category
        cls._revenue(
            cls.other_income, 500.0, date(2031, 3, 12), product=cls.subscription
        )
        # not counted: unmapped, a purchase of a product of a mapped category,
        # another month, not posted
        cls._revenue(cls.other_income, 999.0, date(2031, 3, 5))
        cls._revenue(
            cls.purchase_account, -888.0, date(2031, 3, 5), product=cls.subscription
        )
        cls._revenue(cls.sales_account, 777.0, date(2031, 4, 1))
        cls._revenue(cls.sales_account, 555.0, date(2031, 3, 6), post=False)
        # grants received in March: 4000 public, 1000 private
        # the demo agreements do not count here
        cls.env["concierge.funding.agreement"].sudo().with_context(
            **{UNLOCK_KEY: True}
        ).search([]).write({"state": "cancelled"})
        cls.public_agreement = cls._agreement(
            site_ids=[Command.set(cls.site.ids)],
            installment_ids=[
                Command.create(
                    {
                        "name": "Acompte",
                        "date_due": date(2031, 2, 1),
                        "amount_expected": 6000.0,
                    }
                ),
                Command.create(
                    {
                        "name": "Solde",
                        "date_due": date(2031, 12, 1),
                        "amount_expected": 4000.0,
                    }
                ),
            ],
            **YEAR,
        )
        cls.public_agreement.action_sign()
        first = cls.public_agreement.installment_ids.sorted("date_due")[0]
        claim = cls._grant_entry(cls.commune, 6000.0, date(2031, 1, 15))
        first.move_line_ids = [Command.link(claim.id)]
        cls._pay(cls.commune, 4000.0, date(2031, 3, 20), claim)
        cls.private_agreement = cls._agreement(
            name="Mécénat",
            funder_id=cls.foundation.id,
            amount=1000.0,
            phase="launch",
            **YEAR,
            installment_ids=[
                Command.create(
                    {
                        "name": "Versement unique",
                        "date_due": date(2031, 3, 1),
                        "amount_expected": 1000.0,
                    }
                )
            ],
        )
        cls.private_agreement.action_sign()
        receipt = cls._grant_entry(
            cls.foundation,
            1000.0,
            date(2031, 3, 25),
            account=cls.bank_journal.default_account_id,
        )
        cls.private_agreement.installment_ids.move_line_ids = [Command.link(receipt.id)]

    @classmethod
    def _revenue(
        cls, account, amount, day, product=None, analytic=None, post=True, partner=None
    ):
        credit = {
            "account_id": account.id,
            "credit": amount if amount > 0 else 0.0,
            "debit": -amount if amount < 0 else 0.0,
            "name": "Recette",
            "product_id": product.id if product else False,
            "partner_id": partner.id if partner else False,
        }
        if analytic:
            credit["analytic_distribution"] = {str(cls.site_analytic.id): analytic}
        move = cls.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": cls.misc_journal.id,
                "date": day,
                "line_ids": [
                    Command.create(
                        {
                            "account_id": cls.counterpart.id,
                            "debit": amount if amount > 0 else 0.0,
                            "credit": -amount if amount < 0 else 0.0,
                            "name": "Recette",
                        }
                    ),
                    Command.create(credit),
                ],
            }
        )
        if post:
            move.action_post()
        return move

    def _mix(self, **vals):
        values = {"date_from": MONTH, "date_to": END}
        values.update(vals)
        return self.env["concierge.funding.mix"].create(values)

    def _pivot(self, mix):
        """The figures of the pivot view: amount and share by source."""
        groups = self.env["concierge.funding.mix.line"]._read_group(
            [("mix_id", "=", mix.id)], ["category"], ["amount:sum", "share:sum"]
        )
        return {category: (amount, share) for category, amount, share in groups}

    def test_funding_mix_by_source(self):
        mix = self._mix()
        action = mix.action_show()
        self.assertEqual(action["res_model"], "concierge.funding.mix.line")
        pivot = self._pivot(mix)
        amounts = {key: round(amount, 2) for key, (amount, _share) in pivot.items()}
        self.assertEqual(
            amounts,
            {
                "market_sales": 1500.0,
                "public_grants": 4000.0,
                "private_grants": 1500.0,
            },
        )
        self.assertAlmostEqual(mix.amount_total, 7000.0)
        self.assertAlmostEqual(pivot["public_grants"][1], 400 / 7, places=2)
        self.assertAlmostEqual(sum(share for _a, share in pivot.values()), 100.0)
        # showing again does not double the lines
        mix.action_show()
        self.assertAlmostEqual(mix.amount_total, 7000.0)

    def test_funding_mix_for_a_site(self):
        mix = self._mix(site_ids=[Command.set(self.site.ids)])
        mix.action_show()
        amounts = {key: round(a, 2) for key, (a, _s) in self._pivot(mix).items()}
        # half of the sales carry the site's analytic account; the public
        # agreement is the site's, the private one has no site
        self.assertEqual(amounts, {"market_sales": 500.0, "public_grants": 4000.0})

    def test_funding_mix_of_another_company(self):
        mix = self._mix(company_id=self.other_company.id)
        mix.action_show()
        self.assertFalse(mix.line_ids)
        self.assertEqual(mix.amount_total, 0.0)

    def test_funding_mix_dates_checked(self):
        with self.assertRaisesRegex(UserError, "ends before it starts"):
            self._mix(date_from=END, date_to=MONTH).action_show()

    def test_xlsx_export_equals_pivot(self):
        mix = self._mix()
        action = mix.action_export_xlsx()
        self.assertIn("/xlsx_file/", action["url"])
        workbook = openpyxl.load_workbook(io.BytesIO(base64.b64decode(mix.xlsx_file)))
        self.assertEqual(
            workbook.sheetnames, ["Funding mix", "Indicators by month", "Agreements"]
        )
        sheet = workbook["Funding mix"]
        self.assertEqual(sheet.freeze_panes, "A5")
        labels = dict(
            self.env["concierge.funding.mix.line"]
            ._fields["category"]
            ._description_selection(self.env)
        )
        rows = {
            row[0]: (row[1], row[2])
            for row in sheet.iter_rows(min_row=5, values_only=True)
            if row[0]
        }
        pivot = self._pivot(mix)
        for key, label in labels.items():
            amount, share = pivot.get(key, (0.0, 0.0))
            self.assertAlmostEqual(rows[label][0], amount, places=2)
            self.assertAlmostEqual(rows[label][1], share / 100, places=4)
        self.assertAlmostEqual(rows["Total"][0], 7000.0, places=2)
        self.assertEqual(
            sheet.cell(5, 2).number_format,
            '#,##0.00 "$"'.replace("$", self.company.currency_id.symbol),
        )
        agreements = [
            row[0]
            for row in workbook["Agreements"].iter_rows(min_row=5, values_only=True)
        ]
        self.assertIn("Soutien au démarrage", agreements)
        self.assertIn("Mécénat", agreements)
        self.assertIn("    Versement unique", agreements)

    def test_base_indicators(self):
        Value = self.env["concierge.indicator.value"]
        jobs = self.env.ref("concierge_base.indicator_jobs_fte")
        Value.create({"indicator_id": jobs.id, "period": MONTH, "value": 2.5})
        Value._recompute_period(MONTH)
        Value._recompute_period(MONTH)

        def value(xmlid):
            records = Value.search(
                [
                    ("indicator_id", "=", self.env.ref(xmlid).id),
                    ("period", "=", MONTH),
                    ("company_id", "=", self.company.id),
                    ("scope", "=", "company"),
                ]
            )
            self.assertEqual(len(records), 1)
            return records.value

        self.assertAlmostEqual(
            value("concierge_base.indicator_public_funding_share"), 57.14, places=2
        )
        self.assertAlmostEqual(
            value("concierge_base.indicator_private_funding_share"), 21.43, places=2
        )
        # due by the end of March: 6000 (February) + 1000 (March); received 5000
        self.assertAlmostEqual(
            value("concierge_base.indicator_funding_received_rate"), 500 / 7, places=2
        )
        self.assertEqual(value("concierge_base.indicator_active_agreements"), 2)
        self.assertEqual(value("concierge_base.indicator_jobs_fte"), 2.5)
        # a month without revenue has no share rather than 0 %
        Value._recompute_period(date(2030, 3, 1))
        shares = Value.search(
            [
                (
                    "indicator_id",
                    "=",
                    self.env.ref("concierge_base.indicator_public_funding_share").id,
                ),
                ("period", "=", date(2030, 3, 1)),
            ]
        )
        self.assertFalse(shares)
        # nor a month whose credit notes exceed its revenue
        refund = date(2030, 5, 1)
        self._revenue(self.sales_account, 300.0, refund)
        self.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": self.misc_journal.id,
                "date": refund,
                "line_ids": [
                    Command.create(
                        {"account_id": self.sales_account.id, "debit": 1000.0}
                    ),
                    Command.create(
                        {"account_id": self.counterpart.id, "credit": 1000.0}
                    ),
                ],
            }
        ).action_post()
        totals = self.env["concierge.funding.mix.compute"]._get_mix_totals(
            refund, date(2030, 5, 31)
        )
        self.assertAlmostEqual(totals["market_sales"], -700.0, places=2)
        Value._recompute_period(refund)
        shares = Value.search(
            [
                (
                    "indicator_id.code",
                    "in",
                    ("public_funding_share", "private_funding_share"),
                ),
                ("period", "=", refund),
            ]
        )
        self.assertFalse(shares)
