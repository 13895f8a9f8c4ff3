# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import Command, api, fields, models


class PosConfig(models.Model):
    _inherit = "pos.config"

    concierge_site_id = fields.Many2one(
        "concierge.site",
        string="Conciergerie site",
        index="btree_not_null",
        check_company=True,
        help="The site this till sells at: its sales count for the site "
        "(commissions, local spend, market sales in the funding mix) and "
        "producers' goods in consignment there are sold from their stock.",
    )

    def _concierge_catalogue_products(self):
        """The conciergerie's catalogue sold at this till: saleable products
        of a service category, of the till's company or shared."""
        self.ensure_one()
        return self.env["product.template"].search(
            [
                ("concierge_category_id", "!=", False),
                ("sale_ok", "=", True),
                ("company_id", "in", [False, self.company_id.id]),
            ]
        )

    def _concierge_request_vals(self, partner, lines, services):
        """Values of the request taken at this till for ``partner``: the
        ``lines`` of the till's order (dicts of ``product_id``, ``qty``,
        ``note``) whose product is among ``services``, at the till's site."""
        self.ensure_one()
        return {
            "partner_id": partner.id,
            "company_id": self.company_id.id,
            "site_id": self.concierge_site_id.id or False,
            "channel": "desk",
            "line_ids": [
                Command.create(
                    {
                        "product_id": line["product_id"],
                        "quantity": line.get("qty") or 1.0,
                        **({"name": line["note"]} if line.get("note") else {}),
                    }
                )
                for line in lines
                if line["product_id"] in services.ids
            ],
        }

    def action_concierge_load_catalogue(self):
        """Show the conciergerie's catalogue at the till, by service
        category: each service category gets its till category, its products
        are made available at the till in it, and the till shows only those
        categories. Running it again adds what is new."""
        for config in self:
            templates = config._concierge_catalogue_products()
            categories = templates.concierge_category_id
            categories._concierge_pos_categories()
            for category in categories:
                templates.filtered(
                    lambda t, c=category: t.concierge_category_id == c
                ).write(
                    {
                        "available_in_pos": True,
                        "pos_categ_ids": [Command.link(category.pos_category_id.id)],
                    }
                )
            config.with_context(bypass_categories_forbidden_change=True).write(
                {
                    "limit_categories": True,
                    "iface_available_categ_ids": [
                        Command.link(category.id)
                        for category in categories.pos_category_id
                    ],
                }
            )
        return True

    # ------------------------------------------------------------------
    # Demo data
    # ------------------------------------------------------------------
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
        env = self.env
        ref = env.ref
        honey_agreement = ref("concierge_partners.agreement_honey", False)
        site = ref("concierge_base.site_village_shop")
        if self.search_count([("concierge_site_id", "=", site.id)], limit=1):
            return True  # loaded already (module update)
        if not honey_agreement or not env["account.journal"].search_count(
            [
                *env["account.journal"]._check_company_domain(company),
                ("type", "=", "bank"),
            ],
            limit=1,
        ):
            return True
        # No XML id: its sessions and certified orders stay when the module
        # is uninstalled, as in a real database.
        config = self.create(
            {
                "name": "Caisse de l'épicerie de Vaugneray",
                "company_id": company.id,
                "concierge_site_id": site.id,
            }
        )
        config.action_concierge_load_catalogue()
        session = env["pos.session"].create(
            {"user_id": ref("base.user_admin").id, "config_id": config.id}
        )
        session.set_opening_control(0, None)
        honey = env["product.product"].search(
            [
                ("concierge_provider_id", "=", honey_agreement.provider_id.id),
                ("is_storable", "=", True),
            ],
            limit=1,
        )
        basket = ref("concierge_services.product_vegetable_basket").product_variant_id
        shirt = ref("concierge_services.product_shirt_cleaning").product_variant_id
        Order = env["pos.order"]

        def sell(lines, partner=None):
            data = Order.sync_from_ui([session._concierge_ui_order(lines, partner)])
            return Order.browse(data["pos.order"][0]["id"])

        sell(
            [(basket, 1), (honey, 2)], ref("concierge_base.partner_inhabitant_martine")
        )
        # Yves left three shirts at the desk this week: ready, he pays his
        # request's order at the till and takes them back.
        yves = ref("concierge_base.partner_inhabitant_yves")
        request = env["concierge.service.request"].create(
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
        sell([(shirt, 3, sale_line)], yves)
        sophie = ref("concierge_base.partner_employee_sophie")
        jar = sell([(honey, 2)], sophie)
        # a jar brought back: refunded, back in the beekeeper's stock
        sell([(honey, -1, jar.lines)], sophie)
        sell([(basket, 2), (honey, 1)])
        session.action_pos_session_validate()
        return True
