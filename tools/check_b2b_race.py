#!/usr/bin/env python3
# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Race the scheduled and the manual invoicing of company contracts, as an
outside client would, over XML-RPC against a running Odoo with the suite.

    python3 tools/suite.py demo --port 8075        # in another terminal
    python3 tools/check_b2b_race.py --url http://127.0.0.1:8075

It creates ``--contracts`` company contracts (default 1,100) on a plan of the
database, due for last month, then at the same moment: the contracts' cron
(``cron_recurring_create_invoice``), OCA's manual invoicing wizard on every
contract due, and the "Create invoice" button of a few contracts. Then it
runs the cron and the wizard once more. Each call is a request of its own
(the server serves them in threads, each in its own transaction).

With ``--accountant``, the manual wizard and the buttons are clicked by an
accountant (a user created for the run: Invoicing administrator and
Conciergerie user, not an administrator), the cron by the administrator
as the scheduler would.

It checks, reading the journal items over XML-RPC, that no contract line is
billed twice for a period and that every contract is billed for last month;
it prints what each call answered. Exit status 0 when both hold.
"""

import argparse
import sys
import threading
import time
import xmlrpc.client
from collections import Counter
from datetime import date, timedelta


class Client:
    def __init__(self, url, db, login, password):
        self.url, self.db, self.password = url, db, password
        common = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/common")
        self.uid = common.authenticate(db, login, password, {})
        if not self.uid:
            raise SystemExit(f"cannot log in as {login} on {db}")

    def call(self, model, method, *args, **kwargs):
        # one connection per call: calls from several threads run at once
        models = xmlrpc.client.ServerProxy(
            f"{self.url}/xmlrpc/2/object", allow_none=False
        )
        return models.execute_kw(
            self.db, self.uid, self.password, model, method, list(args), kwargs
        )


def make_contracts(client, count, tag):
    [plan_id] = client.call("concierge.b2b.plan", "search", [], limit=1) or [None]
    if not plan_id:
        raise SystemExit("the database has no company plan (concierge.b2b.plan)")
    today = date.today()
    last_month = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    partner_ids = client.call(
        "res.partner",
        "create",
        [{"name": f"Race company {tag} {n}", "is_company": True} for n in range(count)],
    )
    contract_ids = client.call(
        "contract.contract",
        "create",
        [
            {
                "name": f"Race contract {tag} {n}",
                "partner_id": partner_id,
                "concierge_plan_id": plan_id,
                "line_recurrence": False,
                "date_start": str(last_month),
                "recurring_rule_type": "monthlylastday",
                "recurring_invoicing_type": "post-paid",
            }
            for n, partner_id in enumerate(partner_ids)
        ],
    )
    return contract_ids, last_month


def timed(label, function, outcomes):
    start = time.perf_counter()
    try:
        result = function()
        outcome = f"answered {result!r:.60}"
    except xmlrpc.client.Fault as fault:
        outcome = "Fault: " + fault.faultString.strip().splitlines()[-1][:160]
    outcomes.append((label, time.perf_counter() - start, outcome))


def accountant_client(admin, url, db):
    """A client logged in as an accountant made for the run (created once)."""
    login = "race_accountant"

    def group(xmlid):
        module, name = xmlid.split(".")
        [data] = admin.call(
            "ir.model.data",
            "search_read",
            [("module", "=", module), ("name", "=", name)],
            fields=["res_id"],
        )
        return data["res_id"]

    if not admin.call("res.users", "search", [("login", "=", login)]):
        groups = [
            group("account.group_account_manager"),
            group("concierge_base.group_concierge_user"),
            group("base.group_user"),
        ]
        admin.call(
            "res.users",
            "create",
            {
                "name": "Comptable de la course",
                "login": login,
                "password": login,
                # OCA's invoicing posts on the contract's chatter as the user
                "email": f"{login}@example.org",
                "groups_id": [(6, 0, groups)],
            },
        )
    return Client(url, db, login, login)


def race(client, contract_ids, invoice_date, clicker=None):
    clicker = clicker or client

    def cron():
        return client.call("contract.contract", "cron_recurring_create_invoice")

    def wizard():
        [wizard_id] = clicker.call(
            "contract.manually.create.invoice",
            "create",
            [{"invoice_date": str(invoice_date)}],
        )
        return clicker.call(
            "contract.manually.create.invoice", "create_invoice", [wizard_id]
        )

    def button(contract_id):
        return lambda: clicker.call(
            "contract.contract", "recurring_create_invoice", [contract_id]
        )

    calls = [("cron", cron), ("manual wizard", wizard)] + [
        (f"button of contract {cid}", button(cid)) for cid in contract_ids[:3]
    ]
    outcomes = []
    threads = [
        threading.Thread(target=timed, args=(label, function, outcomes))
        for label, function in calls
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def check(client, contract_ids, last_month):
    lines = client.call(
        "account.move.line",
        "search_read",
        [
            ("contract_line_id.contract_id", "in", contract_ids),
            ("move_id.state", "!=", "cancel"),
        ],
        fields=["contract_line_id", "concierge_period_start"],
    )
    per_period = Counter(
        (line["contract_line_id"][0], line["concierge_period_start"]) for line in lines
    )
    twice = {key: n for key, n in per_period.items() if n > 1}
    contract_lines = client.call(
        "contract.line",
        "search_read",
        [("contract_id", "in", contract_ids)],
        fields=["contract_id"],
    )
    contract_of = {line["id"]: line["contract_id"][0] for line in contract_lines}
    billed_last_month = {
        contract_of[line_id]
        for (line_id, start), __ in per_period.items()
        if start == str(last_month)
    }
    missing = set(contract_ids) - billed_last_month
    return len(lines), twice, missing


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8069")
    parser.add_argument("--db", default="concierge_demo")
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--contracts", type=int, default=1100)
    parser.add_argument(
        "--accountant",
        action="store_true",
        help="the wizard and the buttons clicked by an accountant, not admin",
    )
    args = parser.parse_args()
    client = Client(args.url, args.db, args.login, args.password)
    clicker = accountant_client(client, args.url, args.db) if args.accountant else None
    if clicker:
        print(f"the wizard and the buttons are clicked by user #{clicker.uid}")
    tag = time.strftime("%H%M%S")
    start = time.perf_counter()
    contract_ids, last_month = make_contracts(client, args.contracts, tag)
    print(
        f"{len(contract_ids)} company contracts due for {last_month:%B %Y} "
        f"({time.perf_counter() - start:.0f} s)"
    )
    invoice_date = date.today()
    for round_ in (1, 2):
        print(f"== round {round_}: the calls at the same moment")
        for label, seconds, outcome in race(
            client, contract_ids, invoice_date, clicker
        ):
            print(f"   {label:<28} {seconds:7.1f} s  {outcome}")
    count, twice, missing = check(client, contract_ids, last_month)
    print(f"== {count} invoice lines of these contracts")
    print(f"   contract lines billed twice for a period: {len(twice)}")
    print(f"   contracts not billed for {last_month:%B %Y}: {len(missing)}")
    return 0 if not twice and not missing else 1


if __name__ == "__main__":
    sys.exit(main())
