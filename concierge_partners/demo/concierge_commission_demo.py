# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Demo data built in Python, called by ``demo/concierge_commission_demo.xml``."""

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.tools import date_utils

# the providers trading with the conciergerie; ``charter_months``: their
# charter was signed that many months before the settled month; ``category``:
# the XML id of their service category
DEMO_PROVIDERS = [
    {
        "name": "Pressing des Monts du Lyonnais",
        "concierge_provider_kind": "shop",
        "concierge_siret": "73282932000074",
        "city": "Brindas",
        "charter_months": 8,
        "category": "concierge_services.category_pressing",
    },
    {
        "name": "Atelier Vélo Solidaire",
        "concierge_provider_kind": "ess_company",
        "concierge_ess": True,
        "city": "Vaugneray",
        "charter_months": 5,
    },
    {
        "name": "Julie Couture à domicile",
        "concierge_provider_kind": "self_employed",
        "city": "Yzeron",
    },
    {
        "name": "Rucher des Monts",
        "concierge_provider_kind": "producer",
        "city": "Grézieu-la-Varenne",
        "charter_months": 3,
        "category": "concierge_services.category_local_produce",
    },
]
# one product of each provider (in the order above), without taxes
DEMO_PRODUCTS = [
    {
        "name": "Repassage chemise (prestataire)",
        "type": "service",
        "list_price": 3.5,
        "category": "concierge_services.category_pressing",
    },
    {"name": "Révision vélo", "type": "service", "list_price": 45.0},
    {"name": "Ourlet de pantalon", "type": "service", "list_price": 12.0},
    {
        "name": "Miel toutes fleurs 500 g (dépôt-vente)",
        "type": "consu",
        "is_storable": True,
        "list_price": 9.0,
        "category": "concierge_services.category_local_produce",
    },
]


class ConciergeCommissionAgreement(models.Model):
    _inherit = "concierge.commission.agreement"

    @api.model
    def _demo_commissions(self):
        """Demo data only (demo/concierge_commission_demo.xml): the providers
        that trade with the conciergerie, their products and agreements, the
        customer invoices of a settled month (two months ago) and of an open
        month (last month), the beekeeper's honey in consignment at the
        village shop with part of it sold there, and the settlements of the
        settled month with their invoices and vendor bills.

        Providers, products and documents get no XML id: posted invoices,
        stock moves and settlements refer to them, so uninstalling the module
        leaves them as any real database would. The agreements get XML ids
        (not updated) so that tests and scripts find the demo; uninstalling
        deletes them with their commission lines."""
        company = self.env.ref("base.main_company")
        self = self.with_company(company)
        if not self._demo_has_sale_journal(company):
            return True
        today = fields.Date.context_today(self)
        settled = date_utils.start_of(today - relativedelta(months=2), "month")
        opened = date_utils.start_of(today - relativedelta(months=1), "month")
        providers = self._demo_create_providers(settled)
        products = self._demo_create_provider_products(providers)
        agreements = self._demo_create_agreements(
            providers, date_utils.start_of(settled, "year")
        )
        honey_agreement, honey = agreements[3], products[3]
        honey_agreement._demo_receive_consignment({honey: 24})
        self._demo_post_customer_invoices(products, settled, opened)
        honey_agreement._demo_sell_consignment(honey, settled, opened)
        # the settled month is invoiced: its commissions are revenue of
        # that month
        self.env["concierge.commission.settlement"].settle_period(
            settled, "monthly", [], confirm=True, create_documents=True
        )
        return True

    @api.model
    def _demo_has_sale_journal(self, company):
        """Whether ``company`` has a sales journal to invoice in."""
        Journal = self.env["account.journal"]
        return bool(
            Journal.search_count(
                [*Journal._check_company_domain(company), ("type", "=", "sale")],
                limit=1,
            )
        )

    @api.model
    def _demo_create_providers(self, settled):
        """The providers of :data:`DEMO_PROVIDERS`, in France."""
        france = self.env.ref("base.fr")
        vals_list = []
        for spec in DEMO_PROVIDERS:
            vals = dict(spec, is_company=True, concierge_is_provider=True)
            vals["country_id"] = france.id
            months = vals.pop("charter_months", None)
            if months:
                charter = settled - relativedelta(months=months)
                vals["concierge_charter_date"] = charter
            category = vals.pop("category", None)
            if category:
                ids = self.env.ref(category).ids
                vals["concierge_category_ids"] = [Command.set(ids)]
            vals_list.append(vals)
        return self.env["res.partner"].create(vals_list)

    @api.model
    def _demo_create_provider_products(self, providers):
        """The pressing's cleaning services, and one product of each provider
        (:data:`DEMO_PRODUCTS`)."""
        ref = self.env.ref
        (
            ref("concierge_services.product_shirt_cleaning")
            | ref("concierge_services.product_suit_cleaning")
        ).concierge_provider_id = providers[0]
        vals_list = []
        for spec, provider in zip(DEMO_PRODUCTS, providers, strict=True):
            vals = dict(spec, concierge_provider_id=provider.id)
            vals["taxes_id"] = [Command.clear()]
            category = vals.pop("category", None)
            if category:
                vals["concierge_category_id"] = ref(category).id
            vals_list.append(vals)
        return self.env["product.product"].create(vals_list)

    @api.model
    def _demo_agreement_vals(self, providers):
        """{XML id: values} of the agreements with the providers."""
        pressing, workshop, seamstress, beekeeper = providers
        fixed = {"scope": "all", "compute_type": "fixed", "fixed_amount": 5.0}
        return {
            "agreement_pressing": {
                "name": "Pressing - apport d'affaires",
                "provider_id": pressing.id,
                "commission_model": "referral",
                "rule_ids": [Command.create({"scope": "all", "percent": 10.0})],
            },
            "agreement_bike": {
                "name": "Atelier vélo - mandat",
                "provider_id": workshop.id,
                "commission_model": "mandate",
                "basis": "paid",
                "rule_ids": [Command.create(fixed)],
            },
            "agreement_couture": {
                "name": "Couture - revente",
                "provider_id": seamstress.id,
                "commission_model": "resale",
                "rule_ids": [Command.create(self._demo_tiered_rule_vals())],
            },
            "agreement_honey": {
                "name": "Rucher - dépôt-vente",
                "provider_id": beekeeper.id,
                "commission_model": "consignment",
                "consignment_site_id": self.env.ref(
                    "concierge_base.site_village_shop"
                ).id,
                "rule_ids": [Command.create({"scope": "all", "percent": 25.0})],
            },
        }

    @api.model
    def _demo_tiered_rule_vals(self):
        """20 % up to 500, 15 % above."""
        return {
            "scope": "all",
            "compute_type": "tiers",
            "tier_ids": [
                Command.create({"amount_from": 0, "amount_to": 500, "percent": 20.0}),
                Command.create({"amount_from": 500, "percent": 15.0}),
            ],
        }

    @api.model
    def _demo_create_agreements(self, providers, start):
        """The agreements of the providers from ``start``, with XML ids (not
        updated)."""
        company = self.env.company
        agreement_vals = self._demo_agreement_vals(providers)
        agreements = self.create(
            [
                dict(vals, company_id=company.id, date_start=start)
                for vals in agreement_vals.values()
            ]
        )
        self.env["ir.model.data"]._update_xmlids(
            [
                {
                    "xml_id": f"concierge_partners.{name}",
                    "record": agreement,
                    "noupdate": True,
                }
                for name, agreement in zip(agreement_vals, agreements, strict=True)
            ]
        )
        return agreements

    def _demo_receive_consignment(self, quantities):
        """The producer leaves ``quantities`` ({product: quantity}) at the
        consignment site: the receipt is validated."""
        self.ensure_one()
        receipt = self.env["stock.picking"].create(
            self._prepare_consignment_receipt_vals(quantities)
        )
        receipt.action_confirm()
        for move in receipt.move_ids:
            move.quantity = quantities[move.product_id]
        receipt.move_ids.picked = True
        receipt.button_validate()
        return True

    def _demo_sell_consignment(self, product, settled, opened):
        """Honey sold at the village shop in both months."""
        self.ensure_one()
        ref = self.env.ref
        self._sell_consignment(
            ref("concierge_base.partner_inhabitant_martine"),
            {product: 4},
            date=settled.replace(day=8),
        )
        self._sell_consignment(
            ref("concierge_base.partner_employee_sophie"),
            {product: 6},
            date=opened.replace(day=12),
        )
        return True

    @api.model
    def _demo_invoice_vals(self, partner, day, lines, move_type="out_invoice"):
        """A customer invoice of ``lines`` [(product, quantity)] at the
        products' prices, without taxes."""
        return {
            "move_type": move_type,
            "partner_id": partner.id,
            "company_id": self.env.company.id,
            "invoice_date": day,
            "invoice_line_ids": [
                Command.create(
                    {
                        "product_id": product.id,
                        "quantity": quantity,
                        "price_unit": product.lst_price,
                        "tax_ids": [Command.clear()],
                    }
                )
                for product, quantity in lines
            ],
        }

    @api.model
    def _demo_post_customer_invoices(self, products, settled, opened):
        """The customer invoices of both months, posted; the bike repair
        (mandate on a paid basis) is paid in the open month."""
        ref = self.env.ref
        shirt, bike_repair, hem, _honey = products
        martine = ref("concierge_base.partner_inhabitant_martine")
        yves = ref("concierge_base.partner_inhabitant_yves")
        karim = ref("concierge_base.partner_employee_karim")
        sophie = ref("concierge_base.partner_employee_sophie")
        invoice = self._demo_invoice_vals
        invoices = self.env["account.move"].create(
            [
                invoice(martine, settled.replace(day=8), [(shirt, 10)]),
                invoice(karim, settled.replace(day=20), [(hem, 3)]),
                # the shirts of the business park's staff, ironed each week
                invoice(karim, settled.replace(day=27), [(shirt, 200)]),
                invoice(yves, opened.replace(day=5), [(shirt, 6), (hem, 2)]),
                invoice(sophie, opened.replace(day=12), [(bike_repair, 1)]),
                invoice(yves, opened.replace(day=15), [(shirt, 1)], "out_refund"),
            ]
        )
        invoices.action_post()
        self.env["account.payment.register"].with_context(
            active_model="account.move",
            active_ids=invoices.filtered(lambda move: move.partner_id == sophie).ids,
        ).create({"payment_date": opened.replace(day=18)})._create_payments()
        return True
