# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Benchmark of the indicators and the funding mix of the whole suite, run on
demand:

    python3 tools/suite.py bench tests/bench_indicators.py

Builds one year of a conciergerie with 20 sites: 50,000 closed requests,
100,000 posted invoice lines (sales, commissions, subscriptions, grants and
valued volunteer time, each on its site's analytic account; 20,000 of them
providers' sales with their commission lines) and 20,000 volunteer
attendances, then recomputes 12 months of every computed indicator
of the suite, first on a tenth of the data, then on all of it, and prints
the seconds and queries of both side by side: the queries must be the same
(they depend on the months, the indicators and the sites, not on the number
of records). Finally it opens the funding mix of the year, for the company
and for a site, against the 2 s target.

The requests and attendances are created with the ORM (in batches). The
invoice lines are copied in SQL from journal entries posted by the ORM, as
Odoo's own populate tooling does for volume: the funding mix and the
indicators read posted lines, their accounts, dates, partners and analytic
distributions, which the copies keep. Everything is rolled back at the end.
"""

import time
from datetime import date, datetime, timedelta

from odoo import Command

SITES = 20
REQUESTS = 50_000
INVOICE_LINES = 100_000
ATTENDANCES = 20_000
# commission lines of the providers' sales among the invoice lines
COMMISSION_LINES = 20_000
YEAR = 2031
MONTHS = [date(YEAR, month, 1) for month in range(1, 13)]
TARGET_MIX_SECONDS = 2.0


def _sites(env):
    return env["concierge.site"].create(
        [
            {"name": f"Site d'essai {index:02d}", "code": f"B{index:02d}"}
            for index in range(SITES)
        ]
    )


def _people(env, sites):
    Partner = env["res.partner"]
    beneficiaries = Partner.create(
        [
            {
                "name": f"Bénéficiaire {index:04d}",
                "concierge_beneficiary_type": "inhabitant",
                # one in ten without a home site (new senders of the alias)
                "concierge_site_id": sites[index % SITES].id if index % 10 else False,
                "concierge_vulnerable": index % 7 == 0,
                "concierge_consent_date": date(YEAR, 1, 1) if index % 7 == 0 else False,
            }
            for index in range(2_000)
        ]
    )
    volunteers = Partner.create(
        [
            {"name": f"Bénévole {index:03d}", "concierge_is_volunteer": True}
            for index in range(250)
        ]
    )
    return beneficiaries, volunteers


def _service(env):
    category = env["concierge.service.category"].create(
        {"name": "Banc d'essai", "code": "BENCHIND"}
    )
    return env["product.product"].create(
        {
            "name": "Service d'essai",
            "type": "service",
            "list_price": 10.0,
            "concierge_category_id": category.id,
        }
    )


def _requests(env, sites, beneficiaries, product, start, count):
    """Closed requests spread over the year, one in twenty without site."""
    Request = env["concierge.service.request"]
    batch = 2_000
    for offset in range(start, start + count, batch):
        requests = Request.create(
            [
                {
                    "partner_id": beneficiaries[index % len(beneficiaries)].id,
                    "site_id": sites[index % SITES].id if index % 20 else False,
                    "channel": "desk",
                    "request_date": datetime(YEAR, 1 + index % 12, 1 + index % 28, 9),
                    "line_ids": [Command.create({"product_id": product.id})],
                }
                for index in range(offset, min(start + count, offset + batch))
            ]
        )
        env.flush_all()
        # closed the same day: set in SQL, as the requests' workflow would
        # create a sale order per request, which this benchmark does not read
        env.cr.execute(
            """UPDATE concierge_service_request
                  SET state = 'done', done_date = request_date + interval '3 hours'
                WHERE id = ANY(%s)""",
            [requests.ids],
        )
        env.invalidate_all()


def _missions(env, sites):
    return env["concierge.volunteer.mission"].create(
        [
            {
                "name": f"Permanence {site.code}",
                "mission_type": "desk",
                "site_id": site.id,
            }
            for site in sites
        ]
    )


def _shifts(env, sites, volunteers, missions, start, count):
    """Shifts of 20 volunteers, one after the other over the year (nobody
    is anywhere twice at once), ``count`` attendances from the ``start``-th."""
    per_shift = 20
    first = start // per_shift
    shifts = env["concierge.volunteer.shift"].create(
        [
            {
                "mission_id": missions[index % SITES].id,
                "site_id": sites[index % SITES].id,
                "date_start": datetime(YEAR, 1, 1, 8) + timedelta(hours=4 * index),
                "date_end": datetime(YEAR, 1, 1, 11) + timedelta(hours=4 * index),
                "capacity": per_shift,
            }
            for index in range(first, first + count // per_shift)
        ]
    )
    Attendance = env["concierge.volunteer.attendance"]
    for offset in range(0, len(shifts), 100):
        Attendance.create(
            [
                {
                    "shift_id": shift.id,
                    "partner_id": volunteers[(number + seat) % len(volunteers)].id,
                    "state": "attended",
                }
                for number, shift in enumerate(
                    shifts[offset : offset + 100], start=first + offset
                )
                for seat in range(per_shift)
            ]
        )
        env.flush_all()
        env.invalidate_all()
    env.cr.execute(
        "UPDATE concierge_volunteer_shift SET state = 'done' WHERE id = ANY(%s)",
        [shifts.ids],
    )
    env.invalidate_all()


def _template_entries(env, sites, beneficiaries):
    """One posted entry per source with one line per site: the lines the
    copies are made from."""
    company = env.company
    Account = env["account.account"]
    journal = env["account.journal"].search(
        [
            *env["account.journal"]._check_company_domain(company),
            ("type", "=", "general"),
        ],
        limit=1,
    )
    counterpart = Account.search(
        [
            *Account._check_company_domain(company),
            ("account_type", "=", "asset_current"),
        ],
        limit=1,
    )
    accounts = Account.search(
        [
            *Account._check_company_domain(company),
            ("concierge_source_category", "!=", False),
        ]
    )
    by_source = {}
    for account in accounts:
        by_source.setdefault(account.concierge_source_category, account)
    # valued volunteer time is off balance (875 / 864): so is its counterpart
    off_balance = Account.search(
        [
            *Account._check_company_domain(company),
            ("account_type", "=", "off_balance"),
            ("concierge_source_category", "=", False),
        ],
        limit=1,
    )
    moves = env["account.move"]
    for source, account in sorted(by_source.items()):
        other = off_balance if account.account_type == "off_balance" else counterpart
        if not other:
            continue
        moves |= env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": journal.id,
                "date": date(YEAR, 1, 15),
                "ref": f"Banc d'essai {source}",
                "line_ids": [
                    Command.create(
                        {
                            "account_id": account.id,
                            "partner_id": beneficiaries[index].id,
                            "credit": 10.0 + index,
                            "analytic_distribution": {
                                str(site.analytic_account_id.id): 100.0
                            },
                            "name": source,
                        }
                    )
                    for index, site in enumerate(sites)
                ]
                + [
                    Command.create(
                        {
                            "account_id": other.id,
                            "debit": sum(10.0 + index for index in range(SITES)),
                            "name": "contrepartie",
                        }
                    )
                ],
            }
        )
    moves.action_post()
    return moves


def _copy_rows(env, templates, total, scope):
    """Copy the rows of ``templates`` in SQL, spread over the months of the
    year, until about ``total`` rows exist: the copies of an earlier round
    (rows of the same ``scope`` column values, ``(column, ids)``, other than
    the templates) are deleted first. Each copy keeps everything of its
    template but the id and the date."""
    env.flush_all()
    table = templates._table
    env.cr.execute(
        """SELECT column_name FROM information_schema.columns
            WHERE table_name = %s AND column_name != 'id'""",
        [table],
    )
    columns = [row[0] for row in env.cr.fetchall()]
    column, ids = scope
    env.cr.execute(
        f"DELETE FROM {table} WHERE {column} = ANY(%s) AND id != ALL(%s)",
        [ids, templates.ids],
    )
    select = [
        "(l.date + (g.n %% 12) * interval '1 month')::date" if c == "date" else f"l.{c}"
        for c in columns
    ]
    env.cr.execute(
        f"""INSERT INTO {table} ({", ".join(columns)})
            SELECT {", ".join(select)}
              FROM {table} l, generate_series(1, %s) g(n)
             WHERE l.id = ANY(%s)""",
        [total // len(templates), templates.ids],
    )
    env.invalidate_all()


def _commission_templates(env, sites, beneficiaries):
    """A referral agreement and one posted invoice per site of a provider's
    service: the commission lines the copies are made from."""
    provider = env["res.partner"].create(
        {
            "name": "Prestataire d'essai",
            "is_company": True,
            "concierge_is_provider": True,
            "concierge_provider_kind": "shop",
        }
    )
    category = env["concierge.service.category"].create(
        {"name": "Prestataire d'essai", "code": "BENCHPRV"}
    )
    product = env["product.product"].create(
        {
            "name": "Service du prestataire",
            "type": "service",
            "list_price": 20.0,
            "concierge_provider_id": provider.id,
            "concierge_category_id": category.id,
            "taxes_id": [Command.clear()],
        }
    )
    env["concierge.commission.agreement"].create(
        {
            "name": "Accord d'essai",
            "provider_id": provider.id,
            "commission_model": "referral",
            "basis": "invoiced",
            "settlement_period": "monthly",
            "date_start": date(YEAR, 1, 1),
            "rule_ids": [Command.create({"scope": "all", "percent": 10.0})],
        }
    )
    invoices = env["account.move"].create(
        [
            {
                "move_type": "out_invoice",
                "partner_id": beneficiaries[index].id,
                "invoice_date": date(YEAR, 1, 20),
                "concierge_site_id": site.id,
                "invoice_line_ids": [
                    Command.create(
                        {"product_id": product.id, "quantity": 1, "price_unit": 20.0}
                    )
                ],
            }
            for index, site in enumerate(sites)
        ]
    )
    invoices.action_post()
    return env["concierge.commission.line"].search([("move_id", "in", invoices.ids)])


def _recompute(env, label):
    Value = env["concierge.indicator.value"]
    indicators = env["concierge.indicator"].search([("computation", "=", "computed")])
    env.flush_all()
    env.invalidate_all()
    start, queries = time.perf_counter(), env.cr.sql_log_count
    values = Value._recompute_periods(MONTHS, indicators)
    env.flush_all()
    return {
        "label": label,
        "seconds": time.perf_counter() - start,
        "queries": env.cr.sql_log_count - queries,
        "indicators": len(indicators),
        "values": len(values),
    }


def _count(env, table, where="true"):
    env.cr.execute(f"SELECT count(*) FROM {table} WHERE {where}")
    return env.cr.fetchone()[0]


def _mix(env, sites=None):
    mix = env["concierge.funding.mix"].create(
        {
            "date_from": date(YEAR, 1, 1),
            "date_to": date(YEAR, 12, 31),
            "site_ids": [Command.set(sites.ids if sites else [])],
        }
    )
    env.flush_all()
    env.invalidate_all()
    start = time.perf_counter()
    action = mix.action_show()
    env[action["res_model"]].read_group(
        action["domain"], ["amount:sum", "share:sum"], ["category"]
    )
    return time.perf_counter() - start, mix.amount_total


def run(env):
    env = env(context=dict(env.context, tracking_disable=True, mail_notrack=True))
    print(f"== {SITES} sites, {len(MONTHS)} months of {YEAR}")
    sites = _sites(env)
    beneficiaries, volunteers = _people(env, sites)
    moves = _template_entries(env, sites, beneficiaries)
    commission_templates = _commission_templates(env, sites, beneficiaries)
    product = _service(env)
    missions = _missions(env, sites)
    results = []
    done = {"requests": 0, "attendances": 0}
    for fraction, label in ((10, "a tenth of the data"), (1, "all the data")):
        build = time.perf_counter()
        # top up to the size of the round
        wanted = {
            "requests": REQUESTS // fraction,
            "attendances": ATTENDANCES // fraction,
        }
        _requests(
            env,
            sites,
            beneficiaries,
            product,
            done["requests"],
            wanted["requests"] - done["requests"],
        )
        _shifts(
            env,
            sites,
            volunteers,
            missions,
            done["attendances"],
            wanted["attendances"] - done["attendances"],
        )
        done = wanted
        _copy_rows(
            env, moves.line_ids, INVOICE_LINES // fraction, ("move_id", moves.ids)
        )
        _copy_rows(
            env,
            commission_templates,
            COMMISSION_LINES // fraction,
            ("move_id", commission_templates.move_id.ids),
        )
        counts = (
            _count(env, "concierge_service_request", "state = 'done'"),
            _count(env, "account_move_line", f"move_id IN {tuple(moves.ids)}"),
            _count(env, "concierge_volunteer_attendance", "state = 'attended'"),
            _count(env, "concierge_commission_line"),
        )
        print(
            f"   data for {label}: {counts[0]} closed requests, {counts[1]} "
            f"journal items, {counts[2]} attendances, {counts[3]} commission lines "
            f"(built in {time.perf_counter() - build:.0f} s)"
        )
        result = _recompute(env, label)
        result["counts"] = counts
        results.append(result)
    print("== recomputing 12 months of every computed indicator")
    print(f"   {'':<22}{'records':>28}{'seconds':>10}{'queries':>10}{'values':>9}")
    for result in results:
        records = "/".join(str(c) for c in result["counts"])
        print(
            f"   {result['label']:<22}{records:>28}{result['seconds']:>10.1f}"
            f"{result['queries']:>10}{result['values']:>9}"
        )
    small, large = results
    # the queries follow the values written (indicators x months x sites
    # that have figures), never the records read
    bounded = large["queries"] <= 1.1 * small["queries"]
    print(
        f"   queries for 10x the records: {small['queries']} and "
        f"{large['queries']} ({'bounded' if bounded else 'NOT bounded'}; "
        f"{large['indicators']} indicators x {len(MONTHS)} months x "
        f"{SITES} sites, no site and the company)"
    )
    print("== funding mix of the year (wizard, lines and pivot)")
    for label, chosen in (("whole conciergerie", None), ("one site", sites[0])):
        seconds, total = _mix(env, chosen)
        state = "under" if seconds < TARGET_MIX_SECONDS else "OVER"
        print(
            f"   {label:<20} {seconds:6.2f} s  ({state} the {TARGET_MIX_SECONDS:.0f} s "
            f"target), total {total:,.2f}"
        )
    env.cr.rollback()


run(env)  # noqa: F821
