# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""A month with known figures: March 2026 of a French association created for
the test (no demo data), booked through the suite's own flows in every source
of the funding mix, at two sites and without a site."""

import base64
import io
from datetime import date, datetime
from unittest.mock import patch

import openpyxl
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.concierge_base.tests.common import (
    ConciergeCommon,
    FrenchCompanyMixin,
)

MONTH = (date(2026, 3, 1), date(2026, 3, 31))
QUARTER = (date(2026, 1, 1), date(2026, 3, 31))

# what the month books, source by source: (company, site A, site B)
EXPECTED = {
    # desk sale at A 25 + a request without site 10 + a referral sale at B 40
    # + consignment honey sold at A 36 (own name)
    "market_sales": (111.0, 61.0, 40.0),
    # referral commission 4 (B) + mandate commission 6 (A); the mandate sale
    # itself (30) is the producer's, on 467
    "commissions": (10.0, 6.0, 4.0),
    # the March fee 300 + 3 x 5 and February's overage 1 x 12, at B's desk
    "subscriptions": (327.0, 0.0, 327.0),
    # 6,000 received from the commune, for A and B
    "public_grants": (6000.0, 3000.0, 3000.0),
    # 2,000 received from the foundation, for A
    "private_grants": (2000.0, 2000.0, 0.0),
    # 6 h at A and 2 h at B, at 15 an hour
    "volunteer_time": (120.0, 90.0, 30.0),
}
TOTAL = sum(company for company, _a, _b in EXPECTED.values())


@tagged("post_install", "-at_install")
class TestKnownMonth(FrenchCompanyMixin, ConciergeCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls._french_company("Conciergerie du mois connu")
        cls.env = cls.env(
            context=dict(
                cls.env.context, allowed_company_ids=company.ids, tracking_disable=True
            )
        )
        cls.company = company.with_env(cls.env)
        cls.company.concierge_volunteer_hourly_rate = 15.0
        cls.Mix = cls.env["concierge.funding.mix"]
        cls.MixCompute = cls.env["concierge.funding.mix.compute"]
        Site = cls.env["concierge.site"]
        cls.site_a = Site.create(
            {"name": "Vaugneray (test)", "code": "TVAU", "site_type": "shop"}
        )
        cls.site_b = Site.create(
            {"name": "Yzeron (test)", "code": "TYZE", "site_type": "company_desk"}
        )
        cls._people()
        cls._catalogue()
        cls._book_the_quarter()

    # ------------------------------------------------------------------
    # the people and what they buy
    # ------------------------------------------------------------------
    @classmethod
    def _people(cls):
        Partner = cls.env["res.partner"]
        cls.jeanne = Partner.create(
            {
                "name": "Jeanne (test)",
                "concierge_beneficiary_type": "inhabitant",
                "concierge_site_id": cls.site_a.id,
                "concierge_vulnerable": True,
                "concierge_consent_date": date(2026, 1, 5),
            }
        )
        cls.paul = Partner.create(
            {
                "name": "Paul (test)",
                "concierge_beneficiary_type": "inhabitant",
                "concierge_site_id": cls.site_b.id,
            }
        )
        # a new sender of the mail alias: no home site, request without site
        cls.nadia = Partner.create(
            {"name": "Nadia (test)", "concierge_beneficiary_type": "inhabitant"}
        )
        cls.client = Partner.create(
            {
                "name": "Clinique (test)",
                "is_company": True,
                "concierge_beneficiary_type": "company",
            }
        )
        cls.employees = Partner.create(
            [
                {
                    "name": f"Salarié {index} (test)",
                    "concierge_beneficiary_type": "employee",
                    "concierge_employer_id": cls.client.id,
                    "concierge_site_id": cls.site_b.id,
                }
                for index in range(3)
            ]
        )
        cls.commune = Partner.create(
            {
                "name": "Commune (test)",
                "is_company": True,
                "concierge_funder_type": "commune",
            }
        )
        cls.foundation = Partner.create(
            {
                "name": "Fondation (test)",
                "is_company": True,
                "concierge_funder_type": "foundation",
            }
        )
        cls.cobbler, cls.farm, cls.beekeeper = Partner.create(
            [
                {
                    "name": name,
                    "is_company": True,
                    "concierge_is_provider": True,
                    "concierge_provider_kind": kind,
                }
                for name, kind in (
                    ("Cordonnerie (test)", "craftsman"),
                    ("Ferme (test)", "producer"),
                    ("Rucher (test)", "producer"),
                )
            ]
        )
        cls.alice, cls.bruno = Partner.create(
            [
                {"name": "Alice (test)", "concierge_is_volunteer": True},
                {"name": "Bruno (test)", "concierge_is_volunteer": True},
            ]
        )

    @classmethod
    def _catalogue(cls):
        Category = cls.env["concierge.service.category"]
        cls.help_category = Category.create({"name": "Démarches (test)", "code": "TKD"})
        cls.repair_category = Category.create(
            {"name": "Cordonnerie (test)", "code": "TKC"}
        )
        cls.food_category = Category.create({"name": "Épicerie (test)", "code": "TKE"})
        cls.parcel_category = Category.create({"name": "Colis (test)", "code": "TKP"})
        Product = cls.env["product.product"]

        def service(name, price, category, provider=False):
            return Product.create(
                {
                    "name": name,
                    "type": "service",
                    "list_price": price,
                    "concierge_category_id": category.id,
                    "concierge_provider_id": provider and provider.id,
                    "taxes_id": [Command.clear()],
                }
            )

        cls.paperwork = service("Aide aux démarches (test)", 25.0, cls.help_category)
        cls.letter = service("Courrier (test)", 10.0, cls.help_category)
        cls.resole = service(
            "Ressemelage (test)", 40.0, cls.repair_category, cls.cobbler
        )
        cls.basket = service("Panier (test)", 15.0, cls.food_category, cls.farm)
        cls.parcel = service("Réception de colis (test)", 3.0, cls.parcel_category)
        cls.honey = Product.create(
            {
                "name": "Miel (test)",
                "type": "consu",
                "is_storable": True,
                "list_price": 9.0,
                "concierge_provider_id": cls.beekeeper.id,
                "concierge_category_id": cls.food_category.id,
                "taxes_id": [Command.clear()],
            }
        )
        Agreement = cls.env["concierge.commission.agreement"]

        def agreement(provider, model, percent, **vals):
            return Agreement.create(
                {
                    "name": f"Accord {provider.name}",
                    "provider_id": provider.id,
                    "commission_model": model,
                    "basis": "invoiced",
                    "settlement_period": "monthly",
                    "date_start": "2026-01-01",
                    "rule_ids": [Command.create({"scope": "all", "percent": percent})],
                    **vals,
                }
            )

        cls.referral = agreement(cls.cobbler, "referral", 10.0)
        cls.mandate = agreement(cls.farm, "mandate", 20.0)
        cls.consignment = agreement(
            cls.beekeeper, "consignment", 25.0, consignment_site_id=cls.site_a.id
        )
        cls.plan = cls.env["concierge.b2b.plan"].create(
            {
                "name": "Essentiel (test)",
                "fixed_fee": 300.0,
                "fee_per_employee": 5.0,
                "included_requests": 2,
                "overage_price": 12.0,
                "category_ids": [Command.set(cls.parcel_category.ids)],
            }
        )

    # ------------------------------------------------------------------
    # the quarter, as the desk lives it
    # ------------------------------------------------------------------
    @classmethod
    def _request(cls, partner, product, site=None, invoice=True):
        """A request taken, done and (when it is paid by its beneficiary)
        invoiced on the frozen day."""
        request = cls.env["concierge.service.request"].create(
            {
                "partner_id": partner.id,
                "site_id": site.id if site else False,
                "line_ids": [Command.create({"product_id": product.id})],
            }
        )
        request.action_confirm()
        request.action_ready()
        request.line_ids.action_deliver()
        request.action_done()
        if invoice and request.sale_order_id:
            action = request.action_create_invoice()
            cls.env["account.move"].browse(action["res_id"]).action_post()
        return request

    @classmethod
    def _invoice(cls, partner, product, quantity, site, day):
        move = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_date": day,
                "concierge_site_id": site.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "quantity": quantity,
                            "price_unit": product.lst_price,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        move.action_post()
        return move

    @classmethod
    def _grant(cls, funder, amount, sites, day):
        """A signed agreement whose first installment is paid to the bank."""
        agreement = cls.env["concierge.funding.agreement"].create(
            {
                "name": f"Soutien {funder.name}",
                "funder_id": funder.id,
                "amount": amount * 2,
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 12, 31),
                "phase": "test",
                "site_ids": [Command.set(sites.ids)],
                "installment_ids": [
                    Command.create(
                        {"name": "Acompte", "date_due": day, "amount_expected": amount}
                    ),
                    Command.create(
                        {
                            "name": "Solde",
                            "date_due": date(2026, 12, 1),
                            "amount_expected": amount,
                        }
                    ),
                ],
            }
        )
        agreement.action_sign()
        Account = cls.env["account.account"]
        bank = cls.env["account.journal"].search(
            [("company_id", "=", cls.company.id), ("type", "=", "bank")], limit=1
        )
        grant_account = Account.search(
            [*Account._check_company_domain(cls.company), ("code", "=", "741000")]
        )
        move = cls.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": bank.id,
                "date": day,
                "line_ids": [
                    Command.create(
                        {
                            "account_id": bank.default_account_id.id,
                            "partner_id": funder.id,
                            "debit": amount,
                            "name": "Versement de la subvention",
                        }
                    ),
                    Command.create(
                        {
                            "account_id": grant_account.id,
                            "partner_id": funder.id,
                            "credit": amount,
                            "name": "Versement de la subvention",
                        }
                    ),
                ],
            }
        )
        move.action_post()
        first = agreement.installment_ids.sorted("date_due")[0]
        first.move_line_ids = [
            Command.link(
                move.line_ids.filtered(
                    lambda line: line.account_id == bank.default_account_id
                ).id
            )
        ]
        return agreement

    @classmethod
    def _bill(cls, day):
        """The contract's invoice of the month, validated by the accountant."""
        invoices = cls.contract._recurring_create_invoice(day)
        invoices.filtered(lambda move: move.state == "draft").action_post()
        return invoices

    @classmethod
    def _book_the_quarter(cls):
        Shift = cls.env["concierge.volunteer.shift"]
        Attendance = cls.env["concierge.volunteer.attendance"]
        Mission = cls.env["concierge.volunteer.mission"]
        with freeze_time("2026-02-01 08:00:00"):
            cls.contract = cls.env["contract.contract"].create(
                {
                    "name": "Contrat Clinique (test)",
                    "partner_id": cls.client.id,
                    "concierge_plan_id": cls.plan.id,
                    "concierge_site_id": cls.site_b.id,
                    "line_recurrence": False,
                    "recurring_rule_type": "monthlylastday",
                    "recurring_invoicing_type": "pre-paid",
                    "date_start": date(2026, 2, 1),
                }
            )
            cls._bill(date(2026, 2, 1))
        # February: three employer-paid parcels, one beyond the quota
        for index, employee in enumerate(cls.employees):
            with freeze_time(f"2026-02-{10 + index} 10:00:00"):
                cls._request(employee, cls.parcel, cls.site_b)
        # March
        with freeze_time("2026-03-02 09:00:00"):
            cls.march_invoice = cls._bill(date(2026, 3, 1))
            receipt = cls.env["stock.picking"].create(
                cls.consignment._prepare_consignment_receipt_vals({cls.honey: 10})
            )
            receipt.action_confirm()
            receipt.move_ids.quantity = 10
            receipt.move_ids.picked = True
            receipt.button_validate()
        with freeze_time("2026-03-05 10:00:00"):
            cls.desk_request = cls._request(cls.jeanne, cls.paperwork, cls.site_a)
        with freeze_time("2026-03-06 10:00:00"):
            # Jeanne again, at the other site: one person served
            cls._request(cls.jeanne, cls.parcel, cls.site_b, invoice=False)
        with freeze_time("2026-03-09 11:00:00"):
            cls.no_site_request = cls._request(cls.nadia, cls.letter)
        with freeze_time("2026-03-10 15:00:00"):
            cls._request(cls.paul, cls.resole, cls.site_b)
        with freeze_time("2026-03-12 10:00:00"):
            cls._invoice(cls.jeanne, cls.basket, 2, cls.site_a, date(2026, 3, 12))
            cls.consignment._sell_consignment(
                cls.paul, {cls.honey: 4}, site=cls.site_a, date=date(2026, 3, 12)
            )
        with freeze_time("2026-03-16 10:00:00"):
            # an employer-paid parcel within the quota: no invoice
            cls._request(cls.employees[0], cls.parcel, cls.site_b)
        cls._grant(cls.commune, 6000.0, cls.site_a | cls.site_b, date(2026, 3, 20))
        cls._grant(cls.foundation, 2000.0, cls.site_a, date(2026, 3, 25))
        desk = Mission.create(
            {
                "name": "Permanence (test)",
                "mission_type": "desk",
                "site_id": cls.site_a.id,
            }
        )
        delivery = Mission.create(
            {
                "name": "Livraison (test)",
                "mission_type": "delivery",
                "site_id": cls.site_b.id,
            }
        )
        for mission, start, hours, volunteers in (
            (desk, datetime(2026, 3, 14, 9), 3, cls.alice | cls.bruno),
            (delivery, datetime(2026, 3, 21, 14), 2, cls.bruno),
        ):
            shift = Shift.create(
                {
                    "mission_id": mission.id,
                    "site_id": mission.site_id.id,
                    "date_start": start,
                    "date_end": start.replace(hour=start.hour + hours),
                    "capacity": 2,
                }
            )
            Attendance.create(
                [
                    {
                        "shift_id": shift.id,
                        "partner_id": partner.id,
                        "state": "attended",
                    }
                    for partner in volunteers
                ]
            )
        # April: the month is settled, valued and its indicators computed
        with freeze_time("2026-04-02 09:00:00"):
            cls.settlements = cls.env["concierge.commission.settlement"].browse(
                cls.env["concierge.commission.settlement"].settle_period(
                    date(2026, 3, 15),
                    provider_ids=(cls.cobbler | cls.farm | cls.beekeeper).ids,
                    create_documents=True,
                )
            )
            cls.valuation = cls.env["concierge.volunteer.valuation"].create(
                {"date_from": MONTH[0], "date_to": MONTH[1]}
            )
            cls.valuation.action_post()
            cls.env["concierge.indicator.value"]._recompute_periods(
                [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)]
            )

    # ------------------------------------------------------------------
    # the funding mix
    # ------------------------------------------------------------------
    def _pivot(self, sites=None):
        """The amounts of the pivot the funding mix opens, by source."""
        mix = self.Mix.create(
            {
                "date_from": MONTH[0],
                "date_to": MONTH[1],
                "site_ids": [Command.set(sites.ids if sites else [])],
            }
        )
        action = mix.action_show()
        groups = self.env[action["res_model"]]._read_group(
            action["domain"], ["category"], ["amount:sum"]
        )
        return mix, dict(groups)

    def assertSources(self, amounts, column):
        for source, figures in EXPECTED.items():
            self.assertAlmostEqual(
                amounts.get(source, 0.0), figures[column], places=2, msg=source
            )
        self.assertFalse(set(amounts) - set(EXPECTED), "no other source")

    def test_accounting_of_the_month(self):
        """The documents the flows made, read as the accountant would."""
        by_model = {s.commission_model: s for s in self.settlements}
        self.assertEqual(set(by_model), {"referral", "mandate", "consignment"})
        self.assertEqual(by_model["referral"].move_id.move_type, "out_invoice")
        self.assertEqual(by_model["referral"].move_id.amount_untaxed, 4.0)
        self.assertEqual(by_model["mandate"].collected_amount, 30.0)
        self.assertEqual(by_model["mandate"].commission_amount, 6.0)
        self.assertEqual(by_model["consignment"].move_id.amount_total, 27.0)
        for settlement in self.settlements:
            # earned in March, booked on its last day
            self.assertEqual(settlement.move_id.date, MONTH[1])
        third_party = self.company._concierge_third_party_account()
        self.assertEqual(
            sum(
                self.env["account.move.line"]
                .search([("account_id", "=", third_party.id)])
                .mapped("balance")
            ),
            0.0,
            "the producer's sales collected on 467 are cleared by the bill",
        )
        self.assertEqual(self.valuation.amount_total, 120.0)
        self.assertEqual(self.march_invoice.amount_untaxed, 315.0 + 12.0)
        self.assertEqual(self.desk_request.site_id, self.site_a)
        self.assertFalse(self.no_site_request.site_id)

    def test_funding_mix_of_the_company(self):
        mix, amounts = self._pivot()
        self.assertSources(amounts, 0)
        self.assertAlmostEqual(mix.amount_total, TOTAL, places=2)
        self.assertAlmostEqual(
            self.MixCompute._get_mix_totals(*MONTH)["public_grants"], 6000.0, places=2
        )
        mix.action_export_xlsx()
        workbook = openpyxl.load_workbook(io.BytesIO(base64.b64decode(mix.xlsx_file)))
        labels = dict(self.MixCompute._source_categories())
        rows = {
            row[0]: row[1]
            for row in workbook["Funding mix"].iter_rows(min_row=5, values_only=True)
            if row[0]
        }
        for source, figures in EXPECTED.items():
            self.assertAlmostEqual(rows[labels[source]], figures[0], places=2)
        self.assertAlmostEqual(rows["Total"], TOTAL, places=2)

    def test_funding_mix_of_each_site(self):
        _mix, amounts = self._pivot(self.site_a)
        self.assertSources(amounts, 1)
        _mix, amounts = self._pivot(self.site_b)
        self.assertSources(amounts, 2)
        # the request without site counts for the company only
        _mix, both = self._pivot(self.site_a | self.site_b)
        self.assertAlmostEqual(
            both["market_sales"], EXPECTED["market_sales"][0] - 10.0, places=2
        )

    def _indicator(self, code):
        return self.env["concierge.indicator"].search([("code", "=", code)])

    def test_funding_share_indicators(self):
        public = self._indicator("public_funding_share")._aggregate(*MONTH)
        private = self._indicator("private_funding_share")._aggregate(*MONTH)
        self.assertAlmostEqual(public, 100.0 * 6000.0 / TOTAL, places=2)
        self.assertAlmostEqual(private, 100.0 * 2000.0 / TOTAL, places=2)
        # each site's share of its own revenue and grants, stored per site
        values = self.env["concierge.indicator.value"].search(
            [
                (
                    "indicator_id.code",
                    "in",
                    ("public_funding_share", "private_funding_share"),
                ),
                ("period", "=", MONTH[0]),
                ("company_id", "=", self.company.id),
            ]
        )
        found = {
            (v.indicator_id.code, v.scope, v.site_id.id or False): v.value
            for v in values
        }
        for column, site in ((1, self.site_a), (2, self.site_b)):
            site_total = sum(figures[column] for figures in EXPECTED.values())
            for code, source in (
                ("public_funding_share", "public_grants"),
                ("private_funding_share", "private_grants"),
            ):
                expected = 100.0 * EXPECTED[source][column] / site_total
                with self.subTest(site=site.name, code=code):
                    if expected:
                        self.assertAlmostEqual(
                            found[(code, "site", site.id)], expected, places=2
                        )
                    else:
                        self.assertEqual(found[(code, "site", site.id)], 0.0)
                    self.assertAlmostEqual(
                        self._indicator(code)._aggregate(*MONTH, sites=site),
                        expected,
                        places=2,
                    )
        # the request without site is market sales only: no grant share
        self.assertEqual(found[("public_funding_share", "no_site", False)], 0.0)
        self.assertAlmostEqual(
            found[("public_funding_share", "company", False)], public, places=2
        )
        # a quarter's share is the quarter's grants in % of the quarter's
        # revenue and grants, not the average of three monthly shares
        share = self._indicator("public_funding_share")
        self.assertEqual(share.aggregation, "ratio")
        quarter = self.MixCompute._get_mix_totals(*QUARTER)
        self.assertAlmostEqual(
            share._aggregate(*QUARTER),
            100.0 * quarter["public_grants"] / sum(quarter.values()),
            places=2,
        )
        monthly = share._get_values(*QUARTER)
        self.assertGreater(len(monthly), 1, "January or February has revenue")
        self.assertNotAlmostEqual(
            share._aggregate(*QUARTER),
            share._aggregate(*QUARTER, aggregation="avg"),
            places=2,
        )
        # the commissions earned, consignment's 9 included (in the funding
        # mix it is inside the market sale of 36 less the share bought, 27)
        self.assertAlmostEqual(
            self._indicator("commission_revenue")._aggregate(*MONTH), 19.0, places=2
        )
        # what the sales brought to local providers: the referral sale and the
        # mandate sale, theirs, and the beekeeper's share
        self.assertAlmostEqual(
            self._indicator("local_spend")._aggregate(*MONTH), 40 + 30 + 27, places=2
        )
        self.assertAlmostEqual(
            self._indicator("volunteer_time_value")._aggregate(*MONTH), 120.0, places=2
        )

    def test_funding_mix_indicators(self):
        """The dashboard's funding mix by source: the indicators of the
        month, for the company and for each site, to the cent, and what
        belongs to no site apart."""
        site_of = {0: False, 1: self.site_a.id, 2: self.site_b.id}
        values = self.env["concierge.indicator.value"].search(
            [
                ("indicator_id.code", "like", "funding_mix_"),
                ("period", "=", MONTH[0]),
                ("company_id", "=", self.company.id),
            ]
        )
        found = {
            (v.indicator_id.code, v.scope, v.site_id.id or False): v.value
            for v in values
        }
        for source, figures in EXPECTED.items():
            code = f"funding_mix_{source}"
            with self.subTest(source=source):
                self.assertAlmostEqual(
                    found.get((code, "company", False), 0.0), figures[0], places=2
                )
                for column in (1, 2):
                    self.assertAlmostEqual(
                        found.get((code, "site", site_of[column]), 0.0),
                        figures[column],
                        places=2,
                    )
                no_site = figures[0] - figures[1] - figures[2]
                self.assertAlmostEqual(
                    found.get((code, "no_site", False), 0.0), no_site, places=2
                )
        # only the request without site (10) belongs to no site
        self.assertEqual(
            {key for key in found if key[1] == "no_site"},
            {("funding_mix_market_sales", "no_site", False)},
        )
        # a quarter adds up its months: the funding mix of the quarter
        for source in ("market_sales", "subscriptions"):
            indicator = self._indicator(f"funding_mix_{source}")
            for sites in (None, self.site_b):
                self.assertAlmostEqual(
                    indicator._aggregate(*QUARTER, sites=sites) or 0.0,
                    self.MixCompute._get_mix_totals(*QUARTER, sites=sites)[source],
                    places=2,
                )

    def test_people_served_month_and_quarter(self):
        served = self._indicator("beneficiaries_served")
        # March: Jeanne (A and B), Paul (B), Nadia (no site), employee 0 (B)
        self.assertEqual(served._aggregate(*MONTH), 4)
        self.assertEqual(served._aggregate(*MONTH, sites=self.site_a), 1)
        self.assertEqual(served._aggregate(*MONTH, sites=self.site_b), 3)
        values = self.env["concierge.indicator.value"].search(
            [("indicator_id", "=", served.id), ("period", "=", MONTH[0])]
        )
        by_scope = {(v.scope, v.site_id): v.value for v in values}
        self.assertEqual(
            by_scope,
            {
                ("company", self.env["concierge.site"]): 4,
                ("no_site", self.env["concierge.site"]): 1,
                ("site", self.site_a): 1,
                ("site", self.site_b): 3,
            },
        )
        # the quarter: the three employees of February, employee 0 once
        self.assertEqual(served._aggregate(*QUARTER), 6)
        self.assertEqual(served._aggregate(*QUARTER, sites=self.site_b), 5)
        vulnerable = self._indicator("vulnerable_served")
        self.assertEqual(vulnerable._aggregate(*MONTH), 1)
        self.assertEqual(vulnerable._aggregate(*QUARTER), 1)
        self.assertEqual(vulnerable._aggregate(*QUARTER, sites=self.site_b), 1)
        volunteers = self._indicator("active_volunteers")
        self.assertEqual(volunteers._aggregate(*QUARTER), 2)
        self.assertAlmostEqual(
            self._indicator("volunteer_hours")._aggregate(*QUARTER), 8.0, places=2
        )

    def test_figures_over_a_period(self):
        """Reporting > Figures over a period: what a manager (or an outside
        client calling ``action_compute``) reads for the quarter is each
        indicator made by its own rule, for the company and for a site."""
        Figures = self.env["concierge.indicator.figures"]

        def figures(**vals):
            wizard = Figures.create(vals)
            action = wizard.action_compute()
            self.assertEqual(action["res_id"], wizard.id)
            return wizard, {
                line.indicator_id.code: line.value for line in wizard.line_ids
            }

        Mix = type(self.MixCompute)
        with (
            patch.object(
                Mix, "_get_mix_totals", autospec=True, side_effect=Mix._get_mix_totals
            ) as whole,
            patch.object(
                Mix,
                "_get_mix_totals_per_site",
                autospec=True,
                side_effect=Mix._get_mix_totals_per_site,
            ) as per_site,
        ):
            wizard, quarter = figures(
                period_kind="quarter", period_day=date(2026, 2, 14)
            )
        # the two shares of the quarter read its funding mix once
        self.assertEqual((whole.call_count, per_site.call_count), (1, 1))
        self.assertEqual((wizard.date_from, wizard.date_to), QUARTER)
        self.assertEqual(quarter["beneficiaries_served"], 6)
        self.assertEqual(quarter["vulnerable_served"], 1)
        self.assertEqual(quarter["active_volunteers"], 2)
        self.assertAlmostEqual(quarter["volunteer_hours"], 8.0, places=2)
        mix = self.MixCompute._get_mix_totals(*QUARTER)
        self.assertAlmostEqual(
            quarter["funding_mix_market_sales"], mix["market_sales"], places=2
        )
        self.assertAlmostEqual(
            quarter["public_funding_share"],
            100.0 * mix["public_grants"] / sum(mix.values()),
            places=2,
        )
        _wizard, site_b = figures(
            period_kind="quarter",
            period_day=date(2026, 3, 31),
            site_ids=[Command.set(self.site_b.ids)],
        )
        self.assertEqual(site_b["beneficiaries_served"], 5)
        wizard, month = figures(period_kind="month", period_day=date(2026, 3, 9))
        self.assertEqual((wizard.date_from, wizard.date_to), MONTH)
        self.assertEqual(month["beneficiaries_served"], 4)
        wizard, year = figures(period_kind="year", period_day=date(2026, 3, 9))
        self.assertEqual(
            (wizard.date_from, wizard.date_to), (date(2026, 1, 1), date(2026, 12, 31))
        )
        self.assertEqual(year["beneficiaries_served"], 6)
        with self.assertRaisesRegex(UserError, "ends before it starts"):
            Figures.create(
                {
                    "period_kind": "custom",
                    "date_from": date(2026, 3, 1),
                    "date_to": date(2026, 2, 1),
                }
            ).action_compute()
