# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Demo data built in Python, called by ``demo/pos_demo.xml``."""

from odoo import Command, api, models


class PosConfig(models.Model):
    _inherit = "pos.config"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _demo_concierge_pos(self):
        """Demo data only (demo/pos_demo.xml): the till of the Vaugneray
        village shop (site concierge_base.site_village_shop) with the
        conciergerie's catalogue, and its session of this morning, closed:
        local produce, the beekeeper's honey in consignment (one jar brought
        back and refunded) and a pressing request paid at the counter, its
        shirts handed back.
        Orders get no XML id, as in a real database."""
        company = self.env.ref("base.main_company")
        self = self.with_company(company)
        honey_agreement = self.env.ref("concierge_partners.agreement_honey", False)
        site = self.env.ref("concierge_base.site_village_shop")
        if self.search_count([("concierge_site_id", "=", site.id)], limit=1):
            return True  # loaded already (module update)
        if not honey_agreement or not self._demo_has_bank_journal(company):
            return True
        session = self._demo_open_till(company, site)
        honey = self.env["product.product"].search(
            [
                ("concierge_provider_id", "=", honey_agreement.provider_id.id),
                ("is_storable", "=", True),
            ],
            limit=1,
        )
        session._demo_sell_morning(site, honey)
        # as a cashier closes it: the closing time is written, which Odoo
        # reads when the till opens again
        session.action_pos_session_closing_control()
        return True

    @api.model
    def _demo_has_bank_journal(self, company):
        """Whether ``company`` has a bank journal to pay at the till."""
        Journal = self.env["account.journal"]
        return bool(
            Journal.search_count(
                [*Journal._check_company_domain(company), ("type", "=", "bank")],
                limit=1,
            )
        )

    @api.model
    def _demo_open_till(self, company, site):
        """The till of ``site`` with the conciergerie's catalogue, and its
        session, opened. No XML id: its sessions and certified orders stay
        when the module is uninstalled, as in a real database."""
        config = self.create(
            {
                "name": "Caisse de l'épicerie de Vaugneray",
                "company_id": company.id,
                "concierge_site_id": site.id,
            }
        )
        config.action_concierge_load_catalogue()
        session = self.env["pos.session"].create(
            {"user_id": self.env.ref("base.user_admin").id, "config_id": config.id}
        )
        session.set_opening_control(0, None)
        return session


class PosSession(models.Model):
    _inherit = "pos.session"  # pylint: disable=consider-merging-classes-inherited

    def _demo_sell(self, lines, partner=None):
        """An order of this session paid at the till; ``lines`` as
        :meth:`_concierge_ui_order` takes them."""
        self.ensure_one()
        Order = self.env["pos.order"]
        data = Order.sync_from_ui([self._concierge_ui_order(lines, partner)])
        return Order.browse(data["pos.order"][0]["id"])

    def _demo_sell_morning(self, site, honey):
        """The orders of the morning: local produce and honey, a request paid
        and handed back, a jar brought back and refunded."""
        ref = self.env.ref
        basket = ref("concierge_services.product_vegetable_basket").product_variant_id
        shirt = ref("concierge_services.product_shirt_cleaning").product_variant_id
        self._demo_sell(
            [(basket, 1), (honey, 2)], ref("concierge_base.partner_inhabitant_martine")
        )
        self._demo_hand_back_shirts(site, shirt)
        sophie = ref("concierge_base.partner_employee_sophie")
        jar = self._demo_sell([(honey, 2)], sophie)
        # a jar brought back: refunded, back in the beekeeper's stock
        self._demo_sell([(honey, -1, jar.lines)], sophie)
        self._demo_sell([(basket, 2), (honey, 1)])
        return True

    def _demo_hand_back_shirts(self, site, shirt):
        """Yves left three shirts at the desk this week: ready, he pays his
        request's order at the till and takes them back."""
        yves = self.env.ref("concierge_base.partner_inhabitant_yves")
        request = self.env["concierge.service.request"].create(
            {
                "partner_id": yves.id,
                "site_id": site.id,
                "channel": "desk",
                "line_ids": [Command.create({"product_id": shirt.id, "quantity": 3})],
            }
        )
        request.action_confirm()
        request.action_send_to_provider()
        request.action_ready()
        sale_line = request.sale_order_id.order_line[:1]
        self._demo_sell([(shirt, 3, sale_line)], yves)
        return True
