# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Benchmark of concierge_services, run on demand:

    python3 tools/suite.py bench tests/bench_services.py --addons concierge_services

Creates 10,000 requests of 3 lines each in batches, prints the seconds and
queries per request, then times the ``search_read`` of the request list (the
fields of the list view) on those requests, server side. Everything is rolled
back at the end.
"""

import statistics
import time

from odoo import Command

REQUESTS = 10_000
BATCH = 500
LIST_FIELDS = [
    "priority",
    "name",
    "partner_id",
    "site_id",
    "channel",
    "user_id",
    "request_date",
    "deadline",
    "amount_total",
    "invoice_status",
    "is_late",
    "currency_id",
    "state",
    "company_id",
]


def _setup(env):
    site = env["concierge.site"].create(
        {
            "name": "Comptoir du banc d'essai",
            "code": "BENCH",
            "site_type": "shop",
            "opening_ids": [
                Command.create({"dayofweek": day, "hour_from": 9, "hour_to": 18})
                for day in ("0", "2", "4")
            ],
        }
    )
    category = env["concierge.service.category"].create(
        {"name": "Banc d'essai", "code": "BENCH"}
    )
    products = env["product.product"].create(
        [
            {
                "name": f"Service d'essai {index}",
                "type": "service",
                "list_price": 5.0 * index,
                "concierge_category_id": category.id,
                "concierge_lead_days": index,
            }
            for index in (1, 2, 3)
        ]
    )
    partners = env["res.partner"].create(
        [
            {
                "name": f"Bénéficiaire {index:04d}",
                "concierge_beneficiary_type": "inhabitant",
                "concierge_site_id": site.id,
            }
            for index in range(500)
        ]
    )
    return site, products, partners


def run(env):
    env = env(context=dict(env.context, tracking_disable=True))
    site, products, partners = _setup(env)
    Request = env["concierge.service.request"]
    env.flush_all()

    start, queries = time.perf_counter(), env.cr.sql_log_count
    for offset in range(0, REQUESTS, BATCH):
        Request.create(
            [
                {
                    "partner_id": partners[index % len(partners)].id,
                    "site_id": site.id,
                    "channel": "desk",
                    "line_ids": [
                        Command.create({"product_id": product.id, "quantity": 1 + n})
                        for n, product in enumerate(products)
                    ],
                }
                for index in range(offset, offset + BATCH)
            ]
        )
        env.flush_all()
        env.invalidate_all()
    seconds = time.perf_counter() - start
    queries = env.cr.sql_log_count - queries
    print(
        f"create: {REQUESTS} requests of 3 lines in batches of {BATCH}: "
        f"{seconds:.1f} s, {seconds / REQUESTS * 1000:.2f} ms and "
        f"{queries / REQUESTS:.1f} queries per request"
    )

    domain = [("site_id", "=", site.id)]
    timings = []
    for _attempt in range(7):
        env.invalidate_all()
        start = time.perf_counter()
        rows = Request.search_read(domain, LIST_FIELDS, limit=80)
        timings.append((time.perf_counter() - start) * 1000)
    total = Request.search_count(domain)
    median = statistics.median(timings)
    print(
        f"search_read of the request list (80 of {total} requests, "
        f"{len(LIST_FIELDS)} fields): median {median:.1f} ms, "
        f"max {max(timings):.1f} ms over {len(timings)} runs "
        f"({'under' if median < 200 else 'OVER'} the 200 ms target)"
    )
    assert len(rows) == 80

    sample = Request.search(domain, limit=200)
    env.flush_all()
    start, queries = time.perf_counter(), env.cr.sql_log_count
    sample.action_confirm()
    env.flush_all()
    seconds = time.perf_counter() - start
    queries = env.cr.sql_log_count - queries
    print(
        f"confirm: {len(sample)} requests (sale orders created and confirmed): "
        f"{seconds:.1f} s, {queries / len(sample):.1f} queries per request"
    )
    env.cr.rollback()


run(env)  # noqa: F821
