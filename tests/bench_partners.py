# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Commissions at scale: 20,000 posted invoice lines across 200 providers,
then one monthly settlement of all of them, with concierge_partners and, on
the same invoice lines, with OCA's account_commission_oca (one agent per
provider at the same rate) when it is installed.

    python3 tools/suite.py bench tests/bench_partners.py \
        --addons concierge_partners,account_commission_oca

Runs in ``odoo shell`` (``env`` is given); everything is rolled back.
"""

import time
from datetime import date

from odoo import Command

PROVIDERS = 200
LINES = 20_000
LINES_PER_INVOICE = 100
RATE = 10.0
INVOICE_DATE = date(2026, 3, 10)


class Meter:
    def __init__(self, env, label):
        self.env = env
        self.label = label

    def __enter__(self):
        self.env.flush_all()
        self.queries = self.env.cr.sql_log_count
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.env.flush_all()
        self.seconds = time.perf_counter() - self.start
        self.queries = self.env.cr.sql_log_count - self.queries
        print(f"{self.label:<48} {self.seconds:8.2f} s {self.queries:8d} queries")


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
    customer = env["res.partner"].create({"name": "Client du banc d'essai"})
    moves = env["account.move"]
    for start in range(0, LINES, LINES_PER_INVOICE):
        moves |= (
            env["account.move"]
            .with_context(concierge_commission_skip=True)
            .create(
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
        )
    moves.with_context(concierge_commission_skip=True).action_post()
    env.flush_all()
    return providers, moves, commission


def run_ours(env, providers, moves):
    Line = env["concierge.commission.line"]
    with Meter(env, "concierge_partners: commission lines"):
        lines = Line._sync_moves(moves)
    assert len(lines) == LINES, len(lines)
    env.invalidate_all()
    with Meter(env, "concierge_partners: settlement (200 providers)") as settle:
        wizard = env["concierge.commission.settle.wizard"].create(
            {"date": INVOICE_DATE, "settlement_period": "monthly"}
        )
        settlements = wizard._settle()
        settlements._confirm()
    assert len(settlements) == PROVIDERS, len(settlements)
    env.invalidate_all()
    with Meter(env, "concierge_partners: 200 accounting documents") as docs:
        moves = settlements._create_documents()
    assert len(moves) == PROVIDERS
    total = sum(settlements.mapped("commission_amount"))
    return settle, docs, total


def run_oca(env, providers, moves, commission):
    lines = moves.invoice_line_ids
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
    env.flush_all()
    env.invalidate_all()
    with Meter(env, "account_commission_oca: settlement (200 agents)") as settle:
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
    with Meter(env, "account_commission_oca: 200 vendor bills") as docs:
        invoices = settlements.make_invoices(journal, product)
    assert len(invoices) == PROVIDERS, len(invoices)
    total = sum(settlements.mapped("total"))
    return settle, docs, total


def run(env):
    oca = "commission.make.settle" in env
    print(
        f"== {LINES} invoice lines, {PROVIDERS} providers, "
        f"{'with' if oca else 'without'} account_commission_oca"
    )
    start = time.perf_counter()
    providers, moves, commission = setup(env, oca)
    print(f"(set-up: {len(moves)} invoices in {time.perf_counter() - start:.1f} s)")
    our_settle, our_docs, our_total = run_ours(env, providers, moves)
    if oca:
        oca_settle, oca_docs, oca_total = run_oca(env, providers, moves, commission)
        print()
        print(f"{'':<22}{'ours':>20}{'OCA':>20}{'ratio':>10}")
        for label, ours, theirs in (
            ("settlement", our_settle, oca_settle),
            ("documents", our_docs, oca_docs),
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
    env.cr.rollback()


run(env)  # noqa: F821
