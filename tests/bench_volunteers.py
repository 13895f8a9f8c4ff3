# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Benchmark of concierge_volunteers, run on demand:

    python3 tools/suite.py bench tests/bench_volunteers.py \
        --addons concierge_volunteers

500 volunteers, a year of weekly shifts (Monday to Friday) on two sites,
attendance recorded, then the yearly valuation. Prints seconds and queries
of each step; everything is rolled back at the end.
"""

import time
from datetime import date

VOLUNTEERS = 500
YEAR = 2035
CAPACITY = 4


class Step:
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
        seconds = time.perf_counter() - self.start
        queries = self.env.cr.sql_log_count - self.queries
        print(f"{self.label:<48} {seconds:8.2f} s {queries:8d} queries")


def run(env):
    env = env(context=dict(env.context, tracking_disable=True, tz="Europe/Paris"))
    company = env.company
    company._concierge_volunteer_create_accounts()
    if not company._concierge_volunteer_journal():
        env["account.journal"].create(
            {"name": "Bench misc", "code": "BMSC", "type": "general"}
        )
    company.concierge_volunteer_hourly_rate = 15.0
    skill = env["concierge.volunteer.skill"].create({"name": "Bench desk"})
    sites = env["concierge.site"].create(
        [
            {"name": "Bench site A", "site_type": "shop"},
            {"name": "Bench site B", "site_type": "company_desk"},
        ]
    )
    mission = env["concierge.volunteer.mission"].create(
        {"name": "Bench desk", "mission_type": "desk", "skill_ids": [(6, 0, skill.ids)]}
    )
    print(f"volunteers={VOLUNTEERS} year={YEAR} capacity={CAPACITY}")

    with Step(env, f"create {VOLUNTEERS} volunteers"):
        volunteers = env["res.partner"].create(
            [
                {
                    "name": f"Bench volunteer {index:03d}",
                    "concierge_is_volunteer": True,
                    "concierge_volunteer_skill_ids": [(6, 0, skill.ids)],
                }
                for index in range(VOLUNTEERS)
            ]
        )

    with Step(env, "create a year of weekly shifts on two sites"):
        shifts = env["concierge.volunteer.shift"]
        for site in sites:
            wizard = env["concierge.volunteer.shift.recurrence"].create(
                {
                    "mission_id": mission.id,
                    "site_id": site.id,
                    "date_from": date(YEAR, 1, 1),
                    "date_to": date(YEAR, 12, 31),
                    "hour_from": 9.0,
                    "hour_to": 12.0,
                    "capacity": CAPACITY,
                    "mon": True,
                    "tue": True,
                    "wed": True,
                    "thu": True,
                    "fri": True,
                }
            )
            shifts |= shifts.create(wizard._prepare_shift_vals())
    print(f"  {len(shifts)} shifts")

    half = VOLUNTEERS // 2
    vals_list = []
    for site_index, site in enumerate(sites):
        pool = volunteers[site_index * half : (site_index + 1) * half]
        site_shifts = shifts.filtered(lambda s, site=site: s.site_id == site)
        for index, shift in enumerate(site_shifts.sorted("date_start")):
            for seat in range(CAPACITY):
                partner = pool[(index * CAPACITY + seat) % len(pool)]
                vals_list.append({"shift_id": shift.id, "partner_id": partner.id})
    with Step(env, f"register {len(vals_list)} attendances"):
        attendances = env["concierge.volunteer.attendance"].create(vals_list)

    with Step(env, "record attendance (shifts done)"):
        shifts.action_done()
        # every tenth volunteer was absent
        attendances[::10].action_absent()

    with Step(env, "open shifts for one volunteer (portal)"):
        env["concierge.volunteer.shift"]._concierge_open_for(volunteers[0])

    with Step(env, "yearly valuation: compute and post"):
        valuation = env["concierge.volunteer.valuation"]._post_period(
            date(YEAR, 1, 1), date(YEAR, 12, 31)
        )
    print(
        f"  {len(valuation.line_ids)} lines, {valuation.hours_total:.0f} h, "
        f"{valuation.amount_total:.2f} {valuation.currency_id.name}"
    )

    with Step(env, "yearly valuation posted again (no-op)"):
        again = env["concierge.volunteer.valuation"]._post_period(
            date(YEAR, 1, 1), date(YEAR, 12, 31)
        )
    assert again == valuation and len(valuation.move_id) == 1

    with Step(env, "hours spreadsheet for the year"):
        report = env["concierge.volunteer.hours.report"].create(
            {"date_from": date(YEAR, 1, 1), "date_to": date(YEAR, 12, 31)}
        )
        report._build_xlsx()

    env.cr.rollback()


run(env)  # noqa: F821
