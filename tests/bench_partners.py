# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Commissions at scale: 20,000 posted invoice lines across 200 providers,
then one monthly settlement of all of them, with concierge_partners and, on
the same invoice lines, with OCA's account_commission_oca (one agent per
provider at the same rate) when it is installed.

    python3 tools/suite.py bench tests/bench_partners.py \
        --addons concierge_partners,account_commission_oca

Smaller runs for quick iterations: ``BENCH_LINES=2000 BENCH_PROVIDERS=20``;
``BENCH_PROFILE=1`` prints the 40 costliest functions of each step,
``BENCH_SQL=1`` its 15 most frequent query shapes.

Like is compared with like: OCA's ``make_invoices`` creates draft vendor
bills, so our documents are measured at creation (draft) against OCA's
bills; then both sides' documents are posted (our commission invoices and
vendor bills, OCA's vendor bills) and measured side by side.

Runs in ``odoo shell`` (``env`` is given); everything is rolled back.
"""

import collections
import cProfile
import io
import os
import pstats
import re
import time
import types
from datetime import date
from unittest.mock import patch

from odoo import Command

PROVIDERS = int(os.environ.get("BENCH_PROVIDERS", "200"))
LINES = int(os.environ.get("BENCH_LINES", "20000"))
PROFILE = bool(os.environ.get("BENCH_PROFILE"))
SQL = bool(os.environ.get("BENCH_SQL"))
LINES_PER_INVOICE = 100
RATE = 10.0
INVOICE_DATE = date(2026, 3, 10)


class Meter:
    def __init__(self, env, label):
        self.env = env
        self.label = label

    def __enter__(self):
        self.env.flush_all()
        self.profiler = cProfile.Profile() if PROFILE else None
        self.queries = self.env.cr.sql_log_count
        self.shapes = collections.Counter()
        if SQL:
            cr = self.env.cr
            execute = type(cr).execute

            def counting(query, params=None, log_exceptions=True):
                text = str(getattr(query, "code", query))
                self.shapes[re.sub(r"\s+", " ", text)[:110]] += 1
                return execute(cr, query, params, log_exceptions)

            cr.execute = counting
        self.start = time.perf_counter()
        if self.profiler:
            self.profiler.enable()
        return self

    def __exit__(self, *exc):
        self.env.flush_all()
        if self.profiler:
            self.profiler.disable()
        self.seconds = time.perf_counter() - self.start
        self.queries = self.env.cr.sql_log_count - self.queries
        print(f"{self.label:<52} {self.seconds:8.2f} s {self.queries:8d} queries")
        if SQL:
            del self.env.cr.execute
            for shape, count in self.shapes.most_common(15):
                print(f"    {count:6d}  {shape}")
        if self.profiler:
            out = io.StringIO()
            stats = pstats.Stats(self.profiler, stream=out)
            stats.sort_stats(os.environ.get("BENCH_SORT", "cumulative")).print_stats(40)
            print(out.getvalue())


def setup(env, oca):
    company = env.company
    if not company.chart_template:
        env["account.chart.template"].try_loading(
            "generic_coa", company, install_demo=False
        )
    commission = oca and env["commission"].create(
        {
            "name": "10 %",
            "commission_type": "fixed",
            "fix_qty": RATE,
            "amount_base_type": "gross_amount",
        }
    )
    partner_vals = []
    for index in range(PROVIDERS):
        vals = {
            "name": f"Prestataire {index:03d}",
            "is_company": True,
            "concierge_is_provider": True,
            "concierge_provider_kind": "shop",
        }
        if oca:
            vals.update(agent=True, commission_id=commission.id, settlement="monthly")
        partner_vals.append(vals)
    providers = env["res.partner"].create(partner_vals)
    products = env["product.product"].create(
        [
            {
                "name": f"Service {index:03d}",
                "type": "service",
                "list_price": 10.0,
                "concierge_provider_id": provider.id,
                "taxes_id": [Command.clear()],
            }
            for index, provider in enumerate(providers)
        ]
    )
    env["concierge.commission.agreement"].create(
        [
            {
                "name": f"Accord {provider.name}",
                "provider_id": provider.id,
                "commission_model": "referral",
                "date_start": "2026-01-01",
                "rule_ids": [Command.create({"scope": "all", "percent": RATE})],
            }
            for provider in providers
        ]
    )
    moves = posted_invoices(env, products)
    env.flush_all()
    return providers, moves, commission


def posted_invoices(env, products):
    """The customer invoices of the benchmark, posted without their
    commission lines: ``run_ours`` measures making them. Posting would make
    them (``account.move.write`` calls ``_sync_moves``): switched off here,
    in the benchmark's own file."""
    customer = env["res.partner"].create({"name": "Client du banc d'essai"})
    Line = type(env["concierge.commission.line"])
    skip = patch.object(Line, "_sync_moves", lambda self, moves, date=None: self)
    moves = env["account.move"]
    with skip:
        for start in range(0, LINES, LINES_PER_INVOICE):
            moves |= env["account.move"].create(
                {
                    "move_type": "out_invoice",
                    "partner_id": customer.id,
                    "invoice_date": INVOICE_DATE,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": products[index % PROVIDERS].id,
                                "quantity": 1 + index % 3,
                                "price_unit": 10.0 + index % 7,
                                "tax_ids": [Command.clear()],
                            }
                        )
                        for index in range(start, start + LINES_PER_INVOICE)
                    ],
                }
            )
        moves.action_post()
    return moves


def run_ours(env, providers, moves):
    Line = env["concierge.commission.line"]
    with Meter(env, "concierge_partners: commission lines") as line_meter:
        lines = Line._sync_moves(moves)
    assert len(lines) == LINES, len(lines)
    env.invalidate_all()
    label = f"concierge_partners: settlement ({PROVIDERS} providers)"
    with Meter(env, label) as settle:
        wizard = env["concierge.commission.settle.wizard"].create(
            {"date": INVOICE_DATE, "settlement_period": "monthly"}
        )
        settlements = wizard._settle()
        settlements._confirm()
    assert len(settlements) == PROVIDERS, len(settlements)
    env.invalidate_all()
    with Meter(env, f"concierge_partners: {PROVIDERS} documents, created") as docs:
        moves = settlements._create_draft_documents()
    assert len(moves) == PROVIDERS
    env.invalidate_all()
    with Meter(env, f"concierge_partners: {PROVIDERS} documents, posted") as post:
        moves.action_post()
    assert set(moves.mapped("state")) == {"posted"}
    total = sum(settlements.mapped("commission_amount"))
    return line_meter, settle, docs, post, total


def run_oca(env, providers, moves, commission):
    lines = moves.invoice_line_ids
    env.invalidate_all()
    with Meter(env, "account_commission_oca: agent lines") as agent_lines:
        env["account.invoice.line.agent"].create(
            [
                {
                    "object_id": line.id,
                    "agent_id": line.product_id.concierge_provider_id.id,
                    "commission_id": commission.id,
                }
                for line in lines
            ]
        )
    env.invalidate_all()
    label = f"account_commission_oca: settlement ({PROVIDERS} agents)"
    with Meter(env, label) as settle:
        wizard = env["commission.make.settle"].create(
            {
                "date_to": date(2026, 4, 1),
                "settlement_type": "sale_invoice",
                "agent_ids": [(6, 0, providers.ids)],
            }
        )
        wizard.action_settle()
    settlements = env["commission.settlement"].search([])
    assert len(settlements) == PROVIDERS, len(settlements)
    env.invalidate_all()
    product = env["product.product"].create(
        {"name": "Commission OCA", "type": "service", "purchase_ok": True}
    )
    journal = env["account.journal"].search(
        [("type", "=", "purchase"), ("company_id", "=", env.company.id)], limit=1
    )
    with Meter(env, f"account_commission_oca: {PROVIDERS} bills, created") as docs:
        invoices = settlements.make_invoices(journal, product)
    assert len(invoices) == PROVIDERS, len(invoices)
    # OCA's bills have no date, which posting requires: the accountant's
    # step, left out of the figures
    invoices.write({"invoice_date": date(2026, 3, 31)})
    env.invalidate_all()
    with Meter(env, f"account_commission_oca: {PROVIDERS} bills, posted") as post:
        invoices.action_post()
    assert set(invoices.mapped("state")) == {"posted"}
    total = sum(settlements.mapped("total"))
    return agent_lines, settle, docs, post, total


def added(*meters):
    """The sum of measured steps, as one step."""
    return types.SimpleNamespace(
        seconds=sum(m.seconds for m in meters), queries=sum(m.queries for m in meters)
    )


def run(env):
    oca = "commission.make.settle" in env
    print(
        f"== {LINES} invoice lines, {PROVIDERS} providers, "
        f"{'with' if oca else 'without'} account_commission_oca"
    )
    start = time.perf_counter()
    providers, moves, commission = setup(env, oca)
    print(f"(set-up: {len(moves)} invoices in {time.perf_counter() - start:.1f} s)")
    our_lines, our_settle, our_docs, our_post, our_total = run_ours(
        env, providers, moves
    )
    if oca:
        oca_lines, oca_settle, oca_docs, oca_post, oca_total = run_oca(
            env, providers, moves, commission
        )
        print()
        print(f"{'':<22}{'ours':>20}{'OCA':>20}{'ratio':>10}")
        for label, ours, theirs in (
            ("commission lines", our_lines, oca_lines),
            ("settlement", our_settle, oca_settle),
            ("documents", our_docs, oca_docs),
            ("posting", our_post, oca_post),
            ("posted documents", added(our_docs, our_post), added(oca_docs, oca_post)),
        ):
            print(
                f"{label + ' (s)':<22}{ours.seconds:>20.2f}{theirs.seconds:>20.2f}"
                f"{theirs.seconds / max(ours.seconds, 1e-9):>9.1f}x"
            )
            print(
                f"{label + ' (queries)':<22}{ours.queries:>20d}{theirs.queries:>20d}"
                f"{theirs.queries / max(ours.queries, 1):>9.1f}x"
            )
        print(f"{'commission total':<22}{our_total:>20.2f}{oca_total:>20.2f}")
        print(
            "documents: draft creation on both sides (OCA's make_invoices does "
            "not post); posting: both sides' documents posted by action_post."
        )
    env.cr.rollback()


run(env)  # noqa: F821
