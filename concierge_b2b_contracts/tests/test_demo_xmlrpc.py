# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestDemoXmlRpc(HttpCase):
    """The reviewer's check: through XML-RPC, running the demo's contract
    invoicing twice creates each period's invoice once, with the overage
    lines the demo requests imply."""

    def _execute(self, model, method, *args, **kwargs):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, self.uid, "admin", model, method, list(args), kwargs
        )

    def test_demo_invoicing_twice_over_xmlrpc(self):
        # the demo records must exist: a missing one fails the test
        moreau = self.env.ref("concierge_b2b_contracts.contract_moreau")
        hospital = self.env.ref("concierge_b2b_contracts.contract_hospital")
        fourth = self.env.ref("concierge_b2b_contracts.request_moreau_parcel_4")
        self.uid = self.xmlrpc_common.login(self.env.cr.dbname, "admin", "admin")
        self.assertTrue(self.uid)
        contract_ids = [moreau.id, hospital.id]
        for __ in range(2):
            self.assertTrue(
                self._execute("contract.contract", "cron_recurring_create_invoice")
            )
        today = fields.Date.context_today(moreau)
        this_month = today.replace(day=1)
        last_month = this_month - relativedelta(months=1)
        fee_lines = self._execute(
            "account.move.line",
            "search_read",
            [
                ["move_id.concierge_b2b_contract_id", "in", contract_ids],
                ["contract_line_id.concierge_b2b_kind", "=", "fixed"],
            ],
            fields=["move_id", "concierge_period_start"],
        )
        periods = {}
        for line in fee_lines:
            move = self.env["account.move"].browse(line["move_id"][0])
            key = (move.concierge_b2b_contract_id.id, line["concierge_period_start"])
            periods[key] = periods.get(key, 0) + 1
        self.assertEqual(
            periods,
            {
                (moreau.id, str(last_month)): 1,
                (moreau.id, str(this_month)): 1,
                (hospital.id, str(last_month.replace(day=16))): 1,
                (hospital.id, str(this_month)): 1,
            },
        )
        for contract in (moreau, hospital):
            self.assertEqual(
                self._execute(
                    "account.move",
                    "search_count",
                    [["concierge_b2b_contract_id", "=", contract.id]],
                ),
                2,
                contract.name,
            )
        # four employer-paid parcels last month for a quota of three: one
        # overage line, on this month's invoice (pre-paid), naming last month
        overage = self._execute(
            "account.move.line",
            "search_read",
            [
                ["move_id.concierge_b2b_contract_id", "in", contract_ids],
                ["concierge_request_ids", "!=", False],
            ],
            fields=[
                "move_id",
                "quantity",
                "price_unit",
                "concierge_period_start",
                "concierge_request_ids",
            ],
        )
        self.assertEqual(len(overage), 1)
        self.assertEqual(
            (
                overage[0]["quantity"],
                overage[0]["price_unit"],
                overage[0]["concierge_period_start"],
                overage[0]["concierge_request_ids"],
            ),
            (1.0, 6.0, str(last_month), [fourth.id]),
        )
        move = self.env["account.move"].browse(overage[0]["move_id"][0])
        self.assertEqual(move.concierge_b2b_contract_id, moreau)
        # the invoice of this month's fees
        self.assertEqual(
            set(
                move.invoice_line_ids.filtered("contract_line_id").mapped(
                    "concierge_period_start"
                )
            ),
            {this_month},
        )
        # a third run creates nothing
        self.assertTrue(
            self._execute("contract.contract", "cron_recurring_create_invoice")
        )
        self.assertEqual(
            self._execute(
                "account.move",
                "search_count",
                [["concierge_b2b_contract_id", "in", contract_ids]],
            ),
            4,
        )

    def test_create_invoice_button_answers_ids_over_xmlrpc(self):
        """OCA's button returns records; over XML-RPC the client gets ids."""
        moreau = self.env.ref("concierge_b2b_contracts.contract_moreau")
        self.uid = self.xmlrpc_common.login(self.env.cr.dbname, "admin", "admin")
        before = self.env["account.move"].search(
            [("concierge_b2b_contract_id", "=", moreau.id)]
        )
        answer = self._execute(
            "contract.contract", "recurring_create_invoice", [moreau.id]
        )
        after = self.env["account.move"].search(
            [("concierge_b2b_contract_id", "=", moreau.id)]
        )
        self.assertEqual(answer, (after - before).ids)
        self.assertTrue(answer)
