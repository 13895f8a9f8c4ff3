# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import Command, fields, models


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
