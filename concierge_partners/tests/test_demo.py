# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import base64
import io

import openpyxl
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import HttpCase, TransactionCase, tagged
from odoo.tools import date_utils

DEMO_AGREEMENTS = {
    "agreement_pressing": "referral",
    "agreement_bike": "mandate",
    "agreement_couture": "resale",
    "agreement_honey": "consignment",
}


class DemoMixin:
    def _demo_agreements(self):
        """The demo agreements by XML id: a missing one fails the test."""
        return {
            name: self.env.ref(f"concierge_partners.{name}") for name in DEMO_AGREEMENTS
        }

    def _months(self):
        today = fields.Date.context_today(self.env.user)
        return (
            date_utils.start_of(today - relativedelta(months=2), "month"),
            date_utils.start_of(today - relativedelta(months=1), "month"),
        )


@tagged("post_install", "-at_install")
class TestDemo(DemoMixin, TransactionCase):
    def test_demo_providers_and_agreements(self):
        agreements = self._demo_agreements()
        for name, model in DEMO_AGREEMENTS.items():
            self.assertEqual(agreements[name].commission_model, model)
        kinds = set(
            self.env["res.partner"]
            .search([("concierge_is_provider", "=", True)])
            .mapped("concierge_provider_kind")
        )
        self.assertLessEqual(
            {"shop", "craftsman", "producer", "association", "ess_company"}
            | {"self_employed"},
            kinds,
        )
        self.assertEqual(
            agreements["agreement_honey"].provider_id.concierge_commission_model,
            "consignment",
        )

    def test_demo_mandate_sold_in_the_provider_name(self):
        bike = self._demo_agreements()["agreement_bike"]
        self.assertEqual(bike.concierge_sale_mode, "agent")
        lines = self.env["concierge.commission.line"].search(
            [("agreement_id", "=", bike.id)]
        )
        self.assertEqual(set(lines.mapped("sale_mode")), {"agent"})
        third_party = bike.company_id.concierge_third_party_account_id
        self.assertTrue(third_party.code.startswith("467"))
        self.assertEqual(lines.move_line_id.account_id, third_party)

    def test_demo_settled_and_open_month(self):
        agreements = self.env["concierge.commission.agreement"].union(
            *self._demo_agreements().values()
        )
        settled, opened = self._months()
        settlements = self.env["concierge.commission.settlement"].search(
            [("provider_id", "in", agreements.provider_id.ids)]
        )
        self.assertEqual(set(settlements.mapped("date_from")), {settled})
        # the settled month is invoiced, each document dated its last day
        self.assertEqual(set(settlements.mapped("state")), {"invoiced"})
        self.assertEqual(set(settlements.move_id.mapped("state")), {"posted"})
        self.assertEqual(
            set(settlements.move_id.mapped("date")),
            {date_utils.end_of(settled, "month")},
        )
        self.assertEqual(
            set(settlements.mapped("commission_model")),
            {"referral", "resale", "consignment"},
        )
        pending = self.env["concierge.commission.line"].search(
            [("agreement_id", "in", agreements.ids), ("state", "=", "pending")]
        )
        self.assertEqual(pending.agreement_id, agreements)
        self.assertEqual(
            {date_utils.start_of(day, "month") for day in pending.mapped("date")},
            {opened},
        )
        # Paid basis: the bike repair paid in the open month.
        bike = pending.filtered(lambda line: line.commission_model == "mandate")
        self.assertEqual(bike.commission_amount, 5.0)
        self.assertEqual(bike.collected_amount, 45.0)

    def test_demo_consignment_at_village_shop(self):
        honey = self._demo_agreements()["agreement_honey"]
        village = self.env.ref("concierge_base.site_village_shop")
        self.assertEqual(honey.consignment_site_id, village)
        quants = self.env["stock.quant"].search(
            [
                ("owner_id", "=", honey.provider_id.id),
                ("location_id.usage", "=", "internal"),
            ]
        )
        self.assertEqual(quants.concierge_site_id, village)
        self.assertEqual(sum(quants.mapped("quantity")), 14.0)
        lines = self.env["concierge.commission.line"].search(
            [("agreement_id", "=", honey.id)]
        )
        self.assertEqual(lines.site_id, village)
        self.assertEqual(sum(lines.mapped("quantity")), 10.0)
        self.assertAlmostEqual(sum(lines.mapped("commission_amount")), 22.5)


@tagged("post_install", "-at_install")
class TestDemoXmlRpc(DemoMixin, HttpCase):
    def test_settle_demo_open_month_twice(self):
        """Through XML-RPC, settling the demo's open month twice creates each
        settlement once, and the reconciliation export adds up to the
        settlements."""
        agreements = self._demo_agreements()
        __, opened = self._months()
        db = self.env.cr.dbname
        uid = self.xmlrpc_common.login(db, "admin", "admin")

        def execute(model, method, *args):
            return self.xmlrpc_object.execute(db, uid, "admin", model, method, *args)

        model = "concierge.commission.settlement"
        first = execute(model, "settle_period", str(opened))
        second = execute(model, "settle_period", str(opened))
        self.assertEqual(second, [])
        settled = execute(
            model,
            "search_read",
            [["date_from", "=", str(opened)]],
            [
                "provider_id",
                "gross_amount",
                "revenue_amount",
                "agent_collected_amount",
                "commission_amount",
                "net_amount",
            ],
        )
        self.assertEqual(sorted(s["id"] for s in settled), sorted(first))
        self.assertEqual(
            {s["provider_id"][0] for s in settled},
            {agreement.provider_id.id for agreement in agreements.values()},
        )
        end = date_utils.end_of(opened, "month")
        wizard = execute(
            "concierge.commission.export.wizard",
            "create",
            {"date_from": str(opened), "date_to": str(end)},
        )
        action = execute(
            "concierge.commission.export.wizard", "action_export", [wizard]
        )
        self.assertEqual(action["type"], "ir.actions.act_url")
        [exported] = execute(
            "concierge.commission.export.wizard", "read", [wizard], ["file_data"]
        )
        workbook = openpyxl.load_workbook(
            io.BytesIO(base64.b64decode(exported["file_data"])), data_only=True
        )
        header, *body, total = workbook.active.iter_rows(values_only=True)
        self.assertEqual(total[0], "Total")
        self.assertEqual(len(body), len(settled))
        for col, field in enumerate(
            [
                "gross_amount",
                "revenue_amount",
                "agent_collected_amount",
                "commission_amount",
                "net_amount",
            ],
            start=2,
        ):
            self.assertAlmostEqual(
                total[col], sum(s[field] for s in settled), places=2, msg=header[col]
            )
