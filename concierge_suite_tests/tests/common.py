# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Records of the suite's workflow models in a chosen state, and XML-RPC
clients logged in as a concierge, a manager and an accountant."""

import re
from datetime import date, timedelta

from odoo import Command
from odoo.tests import HttpCase, new_test_user
from odoo.tools import SQL

USERS = {
    # what the concierge desk does (requests, shifts)
    "concierge": "concierge_base.group_concierge_user",
    # agreements and valuations are the manager's (see ir.model.access.csv)
    "manager": "concierge_base.group_concierge_manager,account.group_account_readonly",
    # settlements are the accountant's
    "accountant": "concierge_base.group_concierge_user,account.group_account_invoice",
}


class SuiteRpcCase(HttpCase):
    """XML-RPC calls as real users of the suite, on records built here."""

    def setUp(self):
        super().setUp()
        self.db = self.env.cr.dbname
        self.uids = {}
        for role, groups in USERS.items():
            login = f"suite_rpc_{role}"
            new_test_user(self.env, login=login, password=login, groups=groups)
            self.uids[role] = self.xmlrpc_common.authenticate(self.db, login, login, {})
            self.assertTrue(self.uids[role], role)

    def call(self, role, model, method, *args, **kwargs):
        login = f"suite_rpc_{role}"
        return self.xmlrpc_object.execute_kw(
            self.db, self.uids[role], login, model, method, list(args), kwargs
        )

    # ------------------------------------------------------------------
    # factories (as superuser)
    # ------------------------------------------------------------------
    def force_state(self, record, state):
        """Put ``record`` in ``state`` without its button (to try a button
        or a write from there)."""
        self.env.cr.execute(
            SQL(
                "UPDATE %s SET state = %s WHERE id = %s",
                SQL.identifier(record._table),
                state,
                record.id,
            )
        )
        record.invalidate_recordset(["state"])
        return record

    def make_beneficiary(self, name="Suite RPC beneficiary"):
        return self.env["res.partner"].create(
            {"name": name, "concierge_beneficiary_type": "inhabitant"}
        )

    def catalogue_product(self):
        product = self.env["product.product"].search(
            [
                ("concierge_category_id", "!=", False),
                ("sale_ok", "=", True),
                ("concierge_custody", "=", False),
                ("company_id", "in", [False, self.env.company.id]),
            ],
            limit=1,
        )
        self.assertTrue(product, "the demo catalogue has a service")
        return product

    def make_request(self, state="draft"):
        request = self.env["concierge.service.request"].create(
            {
                "partner_id": self.make_beneficiary().id,
                "line_ids": [
                    Command.create(
                        {"product_id": self.catalogue_product().id, "quantity": 1}
                    )
                ],
            }
        )
        if state != "draft":
            request.action_confirm()
            if state != "confirmed":
                self.force_state(request, state)
        return request

    def make_custody_item(self, state="received"):
        """An item taken into custody by a confirmed request, for a provider."""
        product = self.env["product.product"].search(
            [
                ("concierge_category_id", "!=", False),
                ("concierge_custody", "=", True),
                ("concierge_provider_id", "!=", False),
            ],
            limit=1,
        )
        self.assertTrue(product, "the demo has a custody service with a provider")
        site = self.env["concierge.site"].search(
            [("company_id", "in", [False, self.env.company.id])], limit=1
        )
        request = self.env["concierge.service.request"].create(
            {
                "partner_id": self.make_beneficiary().id,
                "site_id": site.id,
                "line_ids": [Command.create({"product_id": product.id})],
            }
        )
        request.action_confirm()
        item = request.custody_item_ids
        self.assertEqual(item.state, "received")
        if state in ("at_provider", "ready"):
            item.action_send_to_provider()
        if state == "ready":
            item.action_mark_ready()
        return item

    def make_compartment(self, site=None):
        """A free locker compartment (a new number) at ``site`` (the first
        site of the company by default)."""
        site = site or self.env["concierge.site"].search(
            [("company_id", "in", [False, self.env.company.id])], limit=1
        )
        count = len(site.concierge_compartment_ids)
        return self.env["concierge.locker.compartment"].create(
            {"site_id": site.id, "code": f"RPC{count + 1}", "size": "large"}
        )

    def make_locker_request(self, put_in=False):
        """A ready request whose item can go in a locker (put in one when
        ``put_in``); returns the request and the code sent, if any."""
        item = self.make_custody_item("ready")
        request = item.request_id
        if request.state != "ready":
            request.action_ready()
        self.make_compartment(request.site_id)
        code = None
        if put_in:
            request.action_put_in_locker()
            mail = self.env["mail.mail"].search(
                [("model", "=", "concierge.pickup.code")], order="id desc", limit=1
            )
            code = re.search(r"code (\d{6})", mail.subject).group(1)
        return request, code

    def make_agreement(self, state="draft"):
        funder = self.env["res.partner"].create(
            {
                "name": "Suite RPC commune",
                "is_company": True,
                "concierge_funder_type": "commune",
            }
        )
        agreement = self.env["concierge.funding.agreement"].create(
            {
                "name": "Suite RPC agreement",
                "funder_id": funder.id,
                "amount": 1000.0,
                "date_start": date(2031, 1, 1),
                "date_end": date(2031, 12, 31),
            }
        )
        if state == "signed":
            agreement.action_sign()
        elif state != "draft":
            self.force_state(agreement, state)
        return agreement

    def make_valuation(self, state="draft", month=3):
        """A valuation of a month of 2031 (one per month: a period is valued
        once)."""
        end = date(2031, month + 1, 1) - timedelta(days=1)
        valuation = self.env["concierge.volunteer.valuation"].create(
            {"date_from": date(2031, month, 1), "date_to": end}
        )
        if state != "draft":
            self.force_state(valuation, state)
        return valuation

    def make_provider(self):
        return self.env["res.partner"].create(
            {"name": "Suite RPC provider", "is_company": True}
        )

    def make_settlement(self, state="draft", month=2):
        end = date(2031, month + 1, 1) - timedelta(days=1)
        settlement = self.env["concierge.commission.settlement"].create(
            {
                "provider_id": self.make_provider().id,
                "commission_model": "referral",
                "settlement_period": "monthly",
                "date_from": date(2031, month, 1),
                "date_to": end,
            }
        )
        if state != "draft":
            self.force_state(settlement, state)
        return settlement

    def make_shift(self, state="open"):
        """A shift of its own day (a volunteer is at one shift at a time)."""
        mission = self.env["concierge.volunteer.mission"].search([], limit=1)
        self.assertTrue(mission, "the demo has volunteer missions")
        self._shift_days = getattr(self, "_shift_days", 400) + 1
        start = date.today() + timedelta(days=self._shift_days)
        shift = self.env["concierge.volunteer.shift"].create(
            {
                "mission_id": mission.id,
                "date_start": f"{start} 08:00:00",
                "date_end": f"{start} 11:00:00",
                "capacity": 2,
            }
        )
        if state == "done":
            shift.action_done()
        elif state != "open":
            self.force_state(shift, state)
        return shift

    def make_round(self, state="draft"):
        """A round of a new van through one commune stop, in ``state``
        through its buttons."""
        site = self.env["concierge.site"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        )
        self.assertTrue(site, "the demo has a site")
        if not site.concierge_latitude:
            site.write({"concierge_latitude": 45.7375, "concierge_longitude": 4.6564})
        vehicle = self.env["concierge.vehicle"].create(
            {"name": "Suite RPC van", "site_id": site.id, "capacity": 20}
        )
        round_ = self.env["concierge.round"].create(
            {
                "date": date(2031, 9, 2),
                "site_id": site.id,
                "vehicle_id": vehicle.id,
                "driver_id": self.make_beneficiary("Suite RPC driver").id,
                "stop_ids": [
                    Command.create(
                        {
                            "commune": "Vaugneray",
                            "zip": "69670",
                            "latitude": 45.7375,
                            "longitude": 4.6564,
                        }
                    )
                ],
            }
        )
        if state in ("planned", "on_road", "done"):
            round_.action_confirm()
        if state in ("on_road", "done"):
            round_.action_start()
        if state == "done":
            round_.action_done()
        elif state == "cancelled":
            round_.action_cancel()
        return round_

    def make_round_stop(self, state="todo"):
        """The stop of a round on the road, in ``state`` through its buttons."""
        stop = self.make_round("on_road").stop_ids
        if state == "done":
            stop.action_done()
        elif state == "skipped":
            stop.action_skip()
        return stop

    def make_test_phase(self, state="draft"):
        phase = self.env["concierge.test.phase"].create(
            {
                "name": "Suite RPC test phase",
                "date_start": date(2031, 1, 1),
                "date_end": date(2031, 6, 30),
            }
        )
        if state != "draft":
            self.force_state(phase, state)
        return phase

    def make_funding_report(self, state="draft"):
        report = self.env["concierge.funding.report"].create(
            {
                "name": "Suite RPC report",
                "agreement_id": self.make_agreement("signed").id,
                "date_from": date(2031, 1, 1),
                "date_to": date(2031, 12, 31),
            }
        )
        if state != "draft":
            self.force_state(report, state)
        return report

    def make_dedicated_fund(self, state="draft"):
        fund = self.env["concierge.funding.dedicated.fund"].create(
            {
                "agreement_id": self.make_agreement("signed").id,
                "kind": "allocation",
                "fiscal_year": 2031,
                "date": date(2031, 12, 31),
                "amount": 100.0,
            }
        )
        if state != "draft":
            self.force_state(fund, state)
        return fund
