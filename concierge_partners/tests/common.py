# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import Command, fields

from odoo.addons.concierge_base.tests.common import ConciergeCase


class CommissionCase(ConciergeCase):
    """Providers, products, agreements and invoice helpers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.category = cls.env["concierge.service.category"].create(
            {"name": "Pressing test", "code": "PRT"}
        )
        cls.other_category = cls.env["concierge.service.category"].create(
            {"name": "Cordonnerie test", "code": "CDT"}
        )
        cls.provider = cls.env["res.partner"].create(
            {
                "name": "Pressing Dupont",
                "is_company": True,
                "concierge_is_provider": True,
                "concierge_provider_kind": "shop",
            }
        )
        cls.producer = cls.env["res.partner"].create(
            {
                "name": "Ferme Martin",
                "is_company": True,
                "concierge_is_provider": True,
                "concierge_provider_kind": "producer",
            }
        )
        cls.customer = cls.env["res.partner"].create({"name": "Habitante"})
        cls.product = cls._create_product("Chemise", 10.0, cls.provider, cls.category)
        cls.product_b = cls._create_product(
            "Talons", 20.0, cls.provider, cls.other_category
        )
        cls.basket = cls._create_product("Panier", 15.0, cls.producer, cls.category)
        cls.no_provider = cls._create_product("Colis", 5.0, False, cls.category)
        cls.Agreement = cls.env["concierge.commission.agreement"]
        cls.Line = cls.env["concierge.commission.line"]
        cls.Settlement = cls.env["concierge.commission.settlement"]
        cls.date = fields.Date.to_date("2026-03-10")

    @classmethod
    def _create_product(cls, name, price, provider, category):
        return cls.env["product.product"].create(
            {
                "name": name,
                "type": "service",
                "list_price": price,
                "concierge_provider_id": provider and provider.id,
                "concierge_category_id": category.id,
                "taxes_id": [Command.clear()],
            }
        )

    @classmethod
    def _create_agreement(cls, provider=None, **kwargs):
        rules = kwargs.pop("rules", None) or [{"scope": "all", "percent": 10.0}]
        vals = {
            "name": "Accord test",
            "provider_id": (provider or cls.provider).id,
            "commission_model": "referral",
            "basis": "invoiced",
            "settlement_period": "monthly",
            "date_start": "2026-01-01",
            "rule_ids": [Command.create(rule) for rule in rules],
        }
        vals.update(kwargs)
        return cls.Agreement.create(vals)

    @classmethod
    def _invoice(cls, lines, date=None, move_type="out_invoice", post=True):
        move = cls.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": cls.customer.id,
                "invoice_date": date or cls.date,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "quantity": quantity,
                            "price_unit": price,
                            "tax_ids": [Command.clear()],
                        }
                    )
                    for product, quantity, price in lines
                ],
            }
        )
        if post:
            move.action_post()
        return move

    @classmethod
    def _pay(cls, move, amount, date=None):
        return (
            cls.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=move.ids)
            .create({"amount": amount, "payment_date": date or cls.date})
            ._create_payments()
        )

    @classmethod
    def _settle(cls, date=None, providers=None, period="monthly"):
        wizard = cls.env["concierge.commission.settle.wizard"].create(
            {
                "date": date or cls.date,
                "settlement_period": period,
                # Only the test's providers: the demo data has its own.
                "provider_ids": [
                    Command.set((providers or cls.provider | cls.producer).ids)
                ],
            }
        )
        return wizard._settle()
