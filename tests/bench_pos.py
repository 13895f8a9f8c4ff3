# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Benchmark of concierge_pos, run on demand:

    python3 tools/suite.py bench tests/bench_pos.py --addons concierge_pos

A till at a site where a producer's honey is in consignment, stock updated
at the session's closing. Sessions of BENCH_ORDERS orders (500 by default,
and a tenth of it), each with a jar of consignment honey and a provider's
service (two commission lines an order), are sold through
``pos.order.sync_from_ui`` and closed; the reference is the same session at
a till of no site selling the shop's own goods (no provider, no
consignment) in the same run. Prints seconds and queries of each step side
by side; the bridge's share of the closing is the difference, which must
not grow with the number of lines. Everything is rolled back at the end.
"""

import os
import time

from odoo import Command

ORDERS = int(os.environ.get("BENCH_ORDERS", 500))


class Step:
    def __init__(self, env):
        self.env = env

    def __enter__(self):
        self.env.flush_all()
        self.queries = self.env.cr.sql_log_count
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.env.flush_all()
        self.seconds = time.perf_counter() - self.start
        self.count = self.env.cr.sql_log_count - self.queries


def run(env):
    # the cashier: a user of the till (the shell's superuser may not open one)
    env = env(
        user=env.ref("base.user_admin").id,
        context=dict(env.context, tracking_disable=True, tz="Europe/Paris"),
    )
    company = env.company
    company.point_of_sale_update_stock_quantities = "closing"
    category = env["concierge.service.category"].create({"name": "Bench produce"})
    producer, provider = env["res.partner"].create(
        [
            {
                "name": "Bench beekeeper",
                "is_company": True,
                "concierge_is_provider": True,
                "concierge_provider_kind": "producer",
            },
            {
                "name": "Bench pressing",
                "is_company": True,
                "concierge_is_provider": True,
                "concierge_provider_kind": "shop",
            },
        ]
    )
    site = env["concierge.site"].create({"name": "Bench shop", "site_type": "shop"})
    common = {"taxes_id": [Command.clear()], "available_in_pos": True}
    honey, service, jam, ironing = env["product.product"].create(
        [
            {
                **common,
                "name": "Bench honey",
                "is_storable": True,
                "list_price": 9.0,
                "concierge_provider_id": producer.id,
                "concierge_category_id": category.id,
            },
            {
                **common,
                "name": "Bench shirt",
                "type": "service",
                "list_price": 4.5,
                "concierge_provider_id": provider.id,
                "concierge_category_id": category.id,
            },
            {**common, "name": "Bench jam", "is_storable": True, "list_price": 9.0},
            {**common, "name": "Bench ironing", "type": "service", "list_price": 4.5},
        ]
    )
    env["concierge.commission.agreement"].create(
        [
            {
                "name": "Bench consignment",
                "provider_id": producer.id,
                "commission_model": "consignment",
                "consignment_site_id": site.id,
                "date_start": "2020-01-01",
                "rule_ids": [Command.create({"scope": "all", "percent": 25.0})],
            },
            {
                "name": "Bench referral",
                "provider_id": provider.id,
                "commission_model": "referral",
                "date_start": "2020-01-01",
                "rule_ids": [Command.create({"scope": "all", "percent": 10.0})],
            },
        ]
    )
    location = site._concierge_consignment_location()
    Quant = env["stock.quant"]
    Quant._update_available_quantity(honey, location, 2 * ORDERS, owner_id=producer)
    stock = location.location_id
    Quant._update_available_quantity(jam, stock, 2 * ORDERS)
    # one at a time: Odoo checks the cash journal of one till per create
    till = env["pos.config"].create(
        {"name": "Bench till", "concierge_site_id": site.id}
    )
    reference = env["pos.config"].create({"name": "Bench reference till"})
    Order = env["pos.order"]
    Line = env["concierge.commission.line"]
    print(f"orders={ORDERS} (and {ORDERS // 10}), two lines an order, stock at closing")
    header = f"{'step':<44} {'concierge_pos':>22} {'reference':>22}"
    print(header)
    rows = []
    # a first session of one order at each till, not measured: caches,
    # sequences and the accounts of a first closing
    for size in (1, ORDERS // 10, ORDERS):
        results = []
        for config, products in ((till, (honey, service)), (reference, (jam, ironing))):
            session = env["pos.session"].create(
                {"user_id": env.uid, "config_id": config.id}
            )
            session.set_opening_control(0, None)
            data = [
                session._concierge_ui_order([(product, 1) for product in products])
                for _i in range(size)
            ]
            with Step(env) as sell:
                Order.sync_from_ui(data)
            with Step(env) as close:
                session.action_pos_session_validate()
            assert session.state == "closed"
            results.append((session, sell, close))
        (session, sell, close), (_ref, ref_sell, ref_close) = results
        if size == 1:
            continue
        lines = Line.search([("pos_order_id.session_id", "=", session.id)])
        assert len(lines) == 2 * size and lines.move_id == session.move_id
        for label, ours, ref in (
            (f"sell {size} orders (sync_from_ui)", sell, ref_sell),
            (f"close the session of {size} orders", close, ref_close),
        ):
            print(
                f"{label:<44} {ours.seconds:7.2f} s {ours.count:7d} q"
                f"   {ref.seconds:7.2f} s {ref.count:7d} q"
            )
        rows.append((size, close.count - ref_close.count))
    left = honey.with_context(owner_id=producer.id, location=location.id)
    print(f"producer's honey left: {left.qty_available:.0f} of {2 * ORDERS}")
    for size, extra in rows:
        print(f"queries of the closing beyond the reference, {size:4d} orders: {extra}")
    env.cr.rollback()


run(env)  # noqa: F821
