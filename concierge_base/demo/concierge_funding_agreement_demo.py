# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Demo data built in Python, called by ``demo/concierge_funding_demo.xml``
and ``demo/concierge_funding_report_demo.xml``."""

from odoo import Command, api, fields, models

# the funders of the demo agreements, created without an XML id
DEMO_FUNDERS = [
    {
        "name": "Commune de Vaugneray",
        "concierge_funder_type": "commune",
        "street": "Place de la Mairie",
        "zip": "69670",
        "city": "Vaugneray",
        "email": "mairie@vaugneray.example.com",
    },
    {
        "name": "Région Auvergne-Rhône-Alpes",
        "concierge_funder_type": "region",
        "street": "1 esplanade François Mitterrand",
        "zip": "69002",
        "city": "Lyon",
    },
    {
        "name": "Fondation Solidarités de proximité",
        "concierge_funder_type": "foundation",
        "city": "Lyon",
    },
]
# the budget of the commune's test phase: (nature, name, amount)
DEMO_BUDGET = [
    ("60", "Fournitures et petit équipement", 800.0),
    ("61", "Loyer et assurance du local", 3600.0),
    ("62", "Téléphone, affranchissement, déplacements", 1000.0),
    ("64", "Coordinatrice à mi-temps", 6600.0),
    ("74", "Subvention de la commune", 12000.0),
]
# the expenses of the commune's test phase: (account, name, amount, month)
DEMO_EXPENSES = [
    ("606300", "Fournitures d'entretien et de petit équipement", 640.0, 3),
    ("613200", "Locations immobilières", 3000.0, 10),
    ("616000", "Primes d'assurances", 420.0, 2),
    ("626000", "Frais postaux et de télécommunications", 380.0, 9),
    ("625100", "Voyages et déplacements", 512.4, 6),
    ("641000", "Rémunérations du personnel", 5000.0, 10),
    ("645000", "Charges de sécurité sociale et de prévoyance", 1450.0, 10),
]
DEMO_REPORT_COMMENTARY = (
    "La phase de test a ouvert l'épicerie-conciergerie quatre demi-journées "
    "par semaine. Le loyer et l'assurance du local sont affectés en totalité "
    "à l'action ; la coordinatrice y consacre un mi-temps, arrivée en mars "
    "au lieu de janvier, d'où l'écart sur les charges de personnel."
)


class ConciergeFundingAgreement(models.Model):
    _inherit = "concierge.funding.agreement"

    # ------------------------------------------------------------------
    # demo/concierge_funding_demo.xml: grants received, sales of the year
    # ------------------------------------------------------------------
    @api.model
    def _demo_post_accounting(self):
        """Demo data only: sign the demo agreements, post the grants
        received and the sales of the year, compute the past months."""
        company = self.env.ref("base.main_company")
        self = self.with_company(company)
        if not company.chart_template:
            self.env["account.chart.template"].try_loading("generic_coa", company)
        books = self._demo_books(company)
        if not books:
            return True
        agreements = self._demo_sign_agreements()
        self._demo_post_grants(books, *agreements)
        self._demo_post_shop_sales(books)
        self._demo_recompute_past_months(company)
        return True

    @api.model
    def _demo_journals(self, company):
        """The first miscellaneous and bank journals of ``company``."""
        Journal = self.env["account.journal"]
        return tuple(
            Journal.search(
                [("type", "=", kind), ("company_id", "=", company.id)], limit=1
            )
            for kind in ("general", "bank")
        )

    @api.model
    def _demo_books(self, company):
        """{income, grant_income, misc, bank} of the demo entries, or None
        when the chart lacks the income account or a journal."""
        Account = self.env["account.account"]
        company_domain = Account._check_company_domain(company)
        # the French chart's services sold (706) and operating grants (74)
        income = Account.search(
            [*company_domain, ("code", "=like", "706%")], limit=1
        ) or Account.search([*company_domain, ("account_type", "=", "income")], limit=1)
        misc, bank = self._demo_journals(company)
        if not (income and misc and bank):
            return None
        if not income.concierge_source_category:
            income.concierge_source_category = "market_sales"
        grant_income = Account.search(
            [*company_domain, ("code", "=like", "741%")], limit=1
        ) or Account.create(
            {
                "code": "740100",
                "name": "Subventions d'exploitation",
                "account_type": "income_other",
                "company_ids": [Command.set(company.ids)],
            }
        )
        return {
            "income": income,
            "grant_income": grant_income,
            "misc": misc,
            "bank": bank,
        }

    @api.model
    def _demo_sign_agreements(self):
        """The commune's, region's and foundation's agreements, signed with
        their funders. The funders get accounting entries: they are created
        here, without an XML id, so that uninstalling the module leaves them
        as contacts."""
        agreements = (
            self.env.ref("concierge_base.funding_agreement_commune_test")
            | self.env.ref("concierge_base.funding_agreement_region_launch")
            | self.env.ref("concierge_base.funding_agreement_foundation")
        )
        france = self.env.ref("base.fr")
        funders = self.env["res.partner"].create(
            [dict(vals, is_company=True, country_id=france.id) for vals in DEMO_FUNDERS]
        )
        for agreement, funder in zip(agreements, funders, strict=True):
            agreement.funder_id = funder
        agreements.action_sign()
        return agreements

    @api.model
    def _demo_entry(self, books, date, accounts, amount, partner=None, analytic=False):
        """Post an entry of ``amount`` in the miscellaneous journal from the
        first of ``accounts`` (debit) to the second (credit); return its debit
        line. ``partner`` on both lines, ``analytic`` the distribution of the
        credit line."""
        debit_account, credit_account = accounts
        line = {
            "partner_id": partner.id if partner else False,
            "name": self.env._("Demo"),
        }
        move = self.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": books["misc"].id,
                "date": date,
                "line_ids": [
                    Command.create(
                        dict(line, account_id=debit_account.id, debit=amount)
                    ),
                    Command.create(
                        dict(
                            line,
                            account_id=credit_account.id,
                            credit=amount,
                            analytic_distribution=analytic,
                        )
                    ),
                ],
            }
        )
        move.action_post()
        return move.line_ids.filtered(lambda line: line.debit)

    @api.model
    def _demo_pay(self, books, partner, amount, date, claim):
        """A customer payment of ``amount`` on the bank, reconciled with the
        receivable line ``claim``."""
        payment = self.env["account.payment"].create(
            {
                "payment_type": "inbound",
                "partner_type": "customer",
                "partner_id": partner.id,
                "amount": amount,
                "date": date,
                "journal_id": books["bank"].id,
            }
        )
        payment.action_post()
        lines = payment.move_id.line_ids.filtered(
            lambda line: line.account_id == claim.account_id
        )
        (lines | claim).reconcile()
        return True

    @api.model
    def _demo_post_grants(self, books, commune, region, foundation):
        """The grants claimed and received this year on the agreements."""
        year = fields.Date.context_today(self).year
        day = fields.Date.to_date
        # the commune's first installment: claimed, then paid
        self._demo_claim_grant(
            books,
            commune.installment_ids.sorted("date_due")[0],
            (day(f"{year}-02-01"), 6000.0),
            (day(f"{year}-02-20"), 6000.0),
        )
        # the region's advance, received straight on the bank account
        receipt = self._demo_entry(
            books,
            day(f"{year}-10-10"),
            (books["bank"].default_account_id, books["grant_income"]),
            15000.0,
            partner=region.funder_id,
        )
        region.installment_ids.sorted("date_due")[0].move_line_ids = receipt
        # the foundation paid 3,000 of its 5,000
        self._demo_claim_grant(
            books,
            foundation.installment_ids,
            (day(f"{year}-07-01"), 5000.0),
            (day(f"{year}-07-15"), 3000.0),
        )
        return True

    @api.model
    def _demo_claim_grant(self, books, installments, claimed, paid):
        """The grant of ``installments`` claimed from their funder, then
        (partly) paid: ``claimed`` and ``paid`` are (date, amount)."""
        funder = installments.agreement_id.funder_id
        claim = self._demo_entry(
            books,
            claimed[0],
            (funder.property_account_receivable_id, books["grant_income"]),
            claimed[1],
            partner=funder,
        )
        installments.move_line_ids = claim
        self._demo_pay(books, funder, paid[1], paid[0], claim)
        return True

    @api.model
    def _demo_post_shop_sales(self, books):
        """Counter sales of the village shop, from January to October, on the
        shop's analytic account: they count for it in the funding mix."""
        year = fields.Date.context_today(self).year
        cash = books["bank"].default_account_id
        shop = self.env.ref("concierge_base.site_village_shop")
        for month in range(1, 11):
            self._demo_entry(
                books,
                fields.Date.to_date(f"{year}-{month:02d}-15"),
                (cash, books["income"]),
                900.0 + 40 * month,
                analytic=shop._concierge_analytic_distribution(),
            )
        return True

    @api.model
    def _demo_recompute_past_months(self, company):
        """The indicators of the past months of the year."""
        today = fields.Date.context_today(self)
        months = [
            fields.Date.to_date(f"{today.year}-{month:02d}-01")
            for month in range(1, today.month)
        ]
        self.env["concierge.indicator.value"].with_company(company)._recompute_periods(
            months, companies=company
        )
        return True

    # ------------------------------------------------------------------
    # demo/concierge_funding_report_demo.xml: the commune's financial report
    # ------------------------------------------------------------------
    @api.model
    def _demo_funding_report(self):
        """Demo data only: the budget and the expenses of the commune's test
        phase on its analytic account, the second installment booked as a
        grant receivable, and the draft financial report of its deadline."""
        company = self.env.ref("base.main_company")
        self = self.with_company(company)
        agreement = self.env.ref(
            "concierge_base.funding_agreement_commune_test", raise_if_not_found=False
        )
        deadline = self.env.ref(
            "concierge_base.funding_deadline_commune_final", raise_if_not_found=False
        )
        misc, bank = self._demo_journals(company)
        if not (agreement and deadline and misc and bank) or agreement.state != (
            "signed"
        ):
            return True
        analytic = {str(agreement.analytic_account_id.id): 100.0}
        agreement._demo_book_grants_on_action(analytic)
        agreement._demo_budget()
        self._demo_post_expenses(company, misc, bank.default_account_id, analytic)
        report = agreement._create_reports(deadline)
        report.commentary = DEMO_REPORT_COMMENTARY
        return True

    def _demo_book_grants_on_action(self, analytic):
        """The grant received on the first installment is income of the
        action; the second one is claimed from the commune (441 / 74), booked
        on the day the agreement starts."""
        self.ensure_one()
        grant_lines = self.installment_ids.move_line_ids.move_id.line_ids
        grant_lines.filtered(
            lambda line: (line.account_id.code or "").startswith("74")
        ).analytic_distribution = analytic
        self.date_signed = self.date_start
        self.installment_ids._post_accruals()
        return True

    def _demo_budget(self):
        """The budget of the action and the indicators it reports."""
        self.ensure_one()
        self.budget_line_ids = [
            Command.create({"nature": nature, "name": name, "amount": amount})
            for nature, name, amount in DEMO_BUDGET
        ]
        self.indicator_ids = [
            Command.link(self.env.ref("concierge_base.indicator_jobs_fte").id),
            Command.link(
                self.env.ref("concierge_base.indicator_public_funding_share").id
            ),
        ]
        return True

    @api.model
    def _demo_expense_account(self, company, code, name):
        """The first account of the chart in the class of ``code`` (its
        first three digits), created when the chart has none."""
        Account = self.env["account.account"]
        found = Account.search(
            [("code", "=like", f"{code[:3]}%"), ("company_ids", "in", company.ids)],
            order="code",
            limit=1,
        )
        return found or Account.create(
            {
                "code": code,
                "name": name,
                "account_type": "expense",
                "company_ids": [Command.set(company.ids)],
            }
        )

    @api.model
    def _demo_post_expenses(self, company, misc, cash, analytic):
        """The expenses of the action this year, paid cash, posted."""
        year = fields.Date.context_today(self).year
        moves = self.env["account.move"].create(
            [
                {
                    "move_type": "entry",
                    "journal_id": misc.id,
                    "date": fields.Date.to_date(f"{year}-{month:02d}-28"),
                    "ref": name,
                    "line_ids": [
                        Command.create(
                            {
                                "account_id": self._demo_expense_account(
                                    company, code, name
                                ).id,
                                "name": name,
                                "debit": amount,
                                "analytic_distribution": analytic,
                            }
                        ),
                        Command.create(
                            {"account_id": cash.id, "name": name, "credit": amount}
                        ),
                    ],
                }
                for code, name, amount, month in DEMO_EXPENSES
            ]
        )
        moves.action_post()
        return True
