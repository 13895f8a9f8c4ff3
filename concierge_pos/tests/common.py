# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import Command, fields

from odoo.addons.concierge_partners.tests.common import CommissionCase


class PosCase(CommissionCase):
    """A till at the test site, a producer's honey in consignment there and
    a provider's service, sold through ``pos.order.sync_from_ui`` as the
    till does."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.honey = cls.env["product.product"].create(
            {
                "name": "Miel test",
                "type": "consu",
                "is_storable": True,
                "list_price": 9.0,
                "available_in_pos": True,
                "concierge_provider_id": cls.producer.id,
                "concierge_category_id": cls.category.id,
                "taxes_id": [],
            }
        )
        cls.product.available_in_pos = True
        cls.honey_agreement = cls._create_agreement(
            provider=cls.producer,
            commission_model="consignment",
            consignment_site_id=cls.site.id,
            rules=[{"scope": "all", "percent": 25.0}],
        )
        cls.service_agreement = cls._create_agreement()
        cls.config = cls.env["pos.config"].create(
            {"name": "Caisse test", "concierge_site_id": cls.site.id}
        )
        cls.location = cls.site._concierge_consignment_location()
        cls.today = fields.Date.context_today(cls.env.user)

    @classmethod
    def _counter_service(cls):
        """A provider's service taken into custody (a coat to clean) and a
        beneficiary of the site who leaves her coat at the desk."""
        cls.cleaning = cls.env["product.product"].create(
            {
                "name": "Nettoyage manteau",
                "type": "service",
                "list_price": 18.0,
                "available_in_pos": True,
                "concierge_category_id": cls.category.id,
                "concierge_provider_id": cls.provider.id,
                "concierge_custody": True,
                "taxes_id": [Command.clear()],
            }
        )
        cls.beneficiary = cls.env["res.partner"].create(
            {
                "name": "Odile Comptoir",
                "phone": "+33478450099",
                "concierge_beneficiary_type": "inhabitant",
                "concierge_site_id": cls.site.id,
            }
        )

    @classmethod
    def _cash_till(cls):
        """The admin as the cashier of the till (a concierge of the
        company), paid in cash, for the tours."""
        cashier = cls.env.ref("base.user_admin")
        cashier.groups_id |= cls.env.ref("concierge_base.group_concierge_user")
        cashier.company_ids |= cls.company
        journal = cls.env["account.journal"].create(
            {"name": "Caisse espèces (test)", "type": "cash", "code": "TCSH"}
        )
        cash = cls.env["pos.payment.method"].create(
            {"name": "Espèces", "journal_id": journal.id, "is_cash_count": True}
        )
        cls.config.payment_method_ids = [Command.set(cash.ids)]

    def _ready_request(self, partner=None, product=None):
        """A request of the beneficiary (``partner``) whose coat (the
        custody service ``product``) is ready at the desk."""
        request = self.env["concierge.service.request"].create(
            {
                "partner_id": (partner or self.beneficiary).id,
                "site_id": self.site.id,
                "line_ids": [
                    Command.create({"product_id": (product or self.cleaning).id})
                ],
            }
        )
        request.action_confirm()
        request.action_send_to_provider()
        request.action_ready()
        self.assertEqual(request.custody_item_ids.state, "ready")
        return request

    @classmethod
    def _receive(cls, quantity, producer=None):
        """Goods of ``producer`` (the test's by default) in consignment at
        the site."""
        cls.env["stock.quant"]._update_available_quantity(
            cls.honey, cls.location, quantity, owner_id=producer or cls.producer
        )

    def _stock(self, owner, location=None):
        """Quantity of honey owned by ``owner`` (False: the shop) in
        ``location`` (the site's consignment stock by default)."""
        quants = self.env["stock.quant"].search(
            [
                ("product_id", "=", self.honey.id),
                ("location_id", "=", (location or self.location).id),
                ("owner_id", "=", owner.id if owner else False),
            ]
        )
        return sum(quants.mapped("quantity"))

    def _open_session(self, config=None):
        config = config or self.config
        config.open_ui()
        session = config.current_session_id
        session.set_opening_control(0, None)
        return session

    def _sell(self, session, lines, partner=None, to_invoice=False):
        data = self.env["pos.order"].sync_from_ui(
            [session._concierge_ui_order(lines, partner, to_invoice=to_invoice)]
        )
        return self.env["pos.order"].browse(data["pos.order"][0]["id"])

    def _close(self, session):
        session.action_pos_session_validate()
        self.assertEqual(session.state, "closed")
        return session
