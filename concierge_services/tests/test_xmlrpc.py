# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import xmlrpc.client

import odoo
from odoo.tests import HOST, HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestXmlRpc(HttpCase):
    def test_outside_client_takes_a_request_to_hand_back(self):
        site = self.env["concierge.site"].create(
            {"name": "Comptoir XML-RPC", "code": "RPC", "site_type": "shop"}
        )
        category = self.env["concierge.service.category"].create(
            {"name": "RPC", "code": "TRPC"}
        )
        provider = self.env["res.partner"].create(
            {"name": "Retoucherie RPC", "is_company": True}
        )
        product = self.env["product.product"].create(
            {
                "name": "Retouche RPC",
                "type": "service",
                "list_price": 15.0,
                "concierge_category_id": category.id,
                "concierge_provider_id": provider.id,
                "concierge_custody": True,
            }
        )
        new_test_user(
            self.env,
            login="rpc_concierge",
            password="rpc_concierge_pw",
            groups="concierge_base.group_concierge_user",
        )
        port = odoo.tools.config["http_port"]
        common = xmlrpc.client.ServerProxy(f"http://{HOST}:{port}/xmlrpc/2/common")
        uid = common.authenticate(
            self.env.cr.dbname, "rpc_concierge", "rpc_concierge_pw", {}
        )
        self.assertTrue(uid)
        models = xmlrpc.client.ServerProxy(f"http://{HOST}:{port}/xmlrpc/2/object")

        def call(model, method, *args, **kwargs):
            return models.execute_kw(
                self.env.cr.dbname,
                uid,
                "rpc_concierge_pw",
                model,
                method,
                list(args),
                kwargs,
            )

        partner_id = call(
            "res.partner",
            "create",
            {"name": "Client RPC", "concierge_beneficiary_type": "inhabitant"},
        )
        request_id = call(
            "concierge.service.request",
            "create",
            {
                "partner_id": partner_id,
                "site_id": site.id,
                "channel": "phone",
                "line_ids": [[0, 0, {"product_id": product.id, "quantity": 1}]],
            },
        )
        call("concierge.service.request", "action_confirm", [request_id])
        call("concierge.service.request", "action_send_to_provider", [request_id])
        call("concierge.service.request", "action_ready", [request_id])
        call("concierge.service.request", "action_hand_back", [request_id])
        [data] = call(
            "concierge.service.request",
            "read",
            [request_id],
            fields=["state", "sale_order_id", "custody_item_ids"],
        )
        self.assertEqual(data["state"], "done")
        [order] = call(
            "sale.order",
            "read",
            [data["sale_order_id"][0]],
            fields=["state", "partner_id", "concierge_request_id"],
        )
        self.assertEqual(order["state"], "sale")
        self.assertEqual(order["partner_id"][0], partner_id)
        self.assertEqual(order["concierge_request_id"][0], request_id)
        moves = call(
            "stock.move",
            "search_read",
            [("concierge_custody_item_id", "in", data["custody_item_ids"])],
            fields=["state", "location_id", "location_dest_id", "restrict_partner_id"],
            order="id",
        )
        self.assertEqual(len(moves), 4)
        self.assertEqual({m["state"] for m in moves}, {"done"})
        self.assertEqual({m["restrict_partner_id"][0] for m in moves}, {partner_id})
        lines = call(
            "stock.move.line",
            "search_read",
            [("move_id", "in", [m["id"] for m in moves])],
            fields=["owner_id"],
        )
        self.assertEqual({line["owner_id"][0] for line in lines}, {partner_id})
        site.invalidate_recordset()
        self.assertEqual(
            moves[0]["location_dest_id"][0], site.concierge_custody_location_id.id
        )
        at_provider = self.env["stock.location"].browse(moves[1]["location_dest_id"][0])
        self.assertEqual(at_provider.concierge_provider_id, provider)
