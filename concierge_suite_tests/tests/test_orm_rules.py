# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Every rule shown in a view is a rule of the model (issue 13, item 2).

What a form makes read-only in a state is refused by the ORM in that
state, with a sentence, to an outside client: each write below is made over
real XML-RPC by the user who may write the model (a concierge for requests
and shifts, a manager for agreements and valuations, an accountant for
settlements) and must come back as a Fault carrying the sentence, leaving
the record as it was.
"""

import xmlrpc.client
from datetime import date

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SuiteRpcCase

LOCKED = "cannot be changed: it is"
RPC_FAULT_CODE_WARNING = 2  # odoo/addons/base/controllers/rpc.py


@tagged("post_install", "-at_install")
class TestOrmRules(SuiteRpcCase):
    def assertRefused(self, role, model, method, args, message, **kwargs):
        with mute_logger("odoo.http"), self.assertRaises(xmlrpc.client.Fault) as cm:
            self.call(role, model, method, *args, **kwargs)
        self.assertIn(message, cm.exception.faultString)
        # a UserError or ValidationError: a sentence, not a traceback
        self.assertEqual(cm.exception.faultCode, RPC_FAULT_CODE_WARNING)
        return cm.exception

    def other_site(self, site):
        other = self.env["concierge.site"].search([("id", "!=", site.id)], limit=1)
        self.assertTrue(other, "the demo has two sites")
        return other

    # ------------------------------------------------------------------
    # the table: (state, fields) of each model, tried one by one
    # ------------------------------------------------------------------
    def test_confirmed_request_keeps_beneficiary_site_lines(self):
        request = self.make_request("confirmed")
        other = self.make_beneficiary("Someone else")
        site = self.other_site(request.site_id)
        product = self.catalogue_product()
        model = "concierge.service.request"
        for vals, label in (
            ({"partner_id": other.id}, "Beneficiary"),
            ({"site_id": site.id}, "Site"),
            ({"request_date": "2030-01-01 10:00:00"}, "Request Date"),
            (
                {"line_ids": [(0, 0, {"product_id": product.id, "quantity": 2})]},
                "Lines",
            ),
        ):
            with self.subTest(field=label):
                fault = self.assertRefused(
                    "concierge", model, "write", [[request.id], vals], LOCKED
                )
                self.assertIn(label, fault.faultString)
                self.assertIn("Confirmed", fault.faultString)
        request.invalidate_recordset()
        self.assertNotEqual(request.partner_id, other)
        self.assertEqual(len(request.line_ids), 1)
        # writing the value it has is no change, and free fields stay free
        self.assertIs(
            self.call(
                "concierge",
                model,
                "write",
                [request.id],
                {"partner_id": request.partner_id.id, "description": "Call first"},
            ),
            True,
        )
        # in every state after draft (here: ready, done, cancelled)
        for state in ("in_progress", "ready", "done", "cancelled"):
            with self.subTest(state=state):
                self.force_state(request, state)
                self.assertRefused(
                    "concierge",
                    model,
                    "write",
                    [[request.id], {"partner_id": other.id}],
                    LOCKED,
                )

    def test_draft_request_is_free(self):
        request = self.make_request("draft")
        other = self.make_beneficiary("Someone else")
        self.assertIs(
            self.call(
                "concierge",
                "concierge.service.request",
                "write",
                [request.id],
                {"partner_id": other.id},
            ),
            True,
        )
        self.assertEqual(request.partner_id, other)
        [line_id] = request.line_ids.ids
        self.assertIs(
            self.call(
                "concierge",
                "concierge.service.request.line",
                "write",
                [line_id],
                {"quantity": 3},
            ),
            True,
        )

    def test_lines_of_a_confirmed_request_are_frozen(self):
        request = self.make_request("confirmed")
        line = request.line_ids
        model = "concierge.service.request.line"
        message = f"The services of request {request.name} cannot be changed"
        for vals in ({"quantity": 5}, {"price_unit": 0.0}, {"name": "Other"}):
            with self.subTest(vals=vals):
                self.assertRefused(
                    "concierge", model, "write", [line.ids, vals], message
                )
        self.assertRefused(
            "concierge",
            model,
            "create",
            [
                {
                    "request_id": request.id,
                    "product_id": self.catalogue_product().id,
                    "quantity": 1,
                }
            ],
            message,
        )
        self.assertRefused("concierge", model, "unlink", [line.ids], message)
        self.assertEqual(request.line_ids, line)
        self.assertEqual(line.quantity, 1)
        # the line still moves on: delivering it is its button's job
        self.assertIs(self.call("concierge", model, "action_deliver", line.ids), True)

    def test_confirmed_request_is_not_deleted(self):
        request = self.make_request("confirmed")
        self.assertRefused(
            "manager",
            "concierge.service.request",
            "unlink",
            [request.ids],
            "cancel it before deleting it",
        )
        self.assertTrue(request.exists())

    def test_signed_agreement_keeps_funder_and_amount(self):
        agreement = self.make_agreement("signed")
        other = self.env["res.partner"].create(
            {
                "name": "Other funder",
                "is_company": True,
                "concierge_funder_type": "region",
            }
        )
        model = "concierge.funding.agreement"
        for vals, label in (
            ({"funder_id": other.id}, "Funder"),
            ({"amount": 2000.0}, "Amount granted"),
        ):
            with self.subTest(field=label):
                fault = self.assertRefused(
                    "manager", model, "write", [agreement.ids, vals], LOCKED
                )
                self.assertIn(label, fault.faultString)
                self.assertIn("Signed", fault.faultString)
        self.assertEqual(agreement.amount, 1000.0)
        # the period and the people in charge are still the manager's to keep
        self.assertIs(
            self.call(
                "manager", model, "write", agreement.ids, {"reference": "CONV-42"}
            ),
            True,
        )
        self.force_state(agreement, "closed")
        self.assertRefused(
            "manager", model, "write", [agreement.ids, {"name": "Renamed"}], LOCKED
        )

    def test_posted_valuation_keeps_period_rate_accounts(self):
        valuation = self.make_valuation("posted")
        model = "concierge.volunteer.valuation"
        for vals in (
            {"rate": 99.0},
            {"date_from": "2031-02-01"},
            {"date_to": "2031-04-30"},
            {"journal_id": False},
        ):
            with self.subTest(vals=vals):
                fault = self.assertRefused(
                    "manager", model, "write", [valuation.ids, vals], LOCKED
                )
                self.assertIn("Posted", fault.faultString)
        self.assertEqual(valuation.date_from, date(2031, 3, 1))
        # a draft valuation is the manager's to change
        draft = self.make_valuation("draft", month=5)
        self.assertIs(
            self.call("manager", model, "write", draft.ids, {"rate": 15.0}), True
        )

    def test_invoiced_settlement_keeps_provider_period_document(self):
        settlement = self.make_settlement("invoiced")
        model = "concierge.commission.settlement"
        for vals in (
            {"provider_id": self.make_provider().id},
            {"date_to": "2031-03-31"},
            {"commission_model": "mandate"},
            {"move_id": self.env["account.move"].search([], limit=1).id},
        ):
            with self.subTest(vals=vals):
                fault = self.assertRefused(
                    "accountant", model, "write", [settlement.ids, vals], LOCKED
                )
                self.assertIn("Invoiced", fault.faultString)
        self.assertEqual(settlement.date_to, date(2031, 2, 28))

    def test_done_shift_keeps_its_hours(self):
        shift = self.make_shift("done")
        model = "concierge.volunteer.shift"
        for vals in (
            {"date_start": "2031-01-01 06:00:00"},
            {"date_end": "2031-01-01 23:00:00"},
            {"capacity": 9},
        ):
            with self.subTest(vals=vals):
                fault = self.assertRefused(
                    "concierge", model, "write", [shift.ids, vals], LOCKED
                )
                self.assertIn("Done", fault.faultString)
        open_shift = self.make_shift("open")
        self.assertIs(
            self.call("concierge", model, "write", open_shift.ids, {"capacity": 3}),
            True,
        )

    def test_closed_agreement_keeps_its_installments_and_budget(self):
        """Written on their own models, the installments and the planned
        budget of a closed agreement are refused as in its form."""
        agreement = self.make_agreement("signed")
        installment = {
            "agreement_id": agreement.id,
            "date_due": "2031-06-30",
            "amount_expected": 500.0,
        }
        budget_line = {"agreement_id": agreement.id, "nature": "60", "amount": 80.0}
        # signed: still the manager's to plan
        [installment_id] = self.call(
            "manager", "concierge.funding.installment", "create", [installment]
        )
        [budget_id] = self.call(
            "manager", "concierge.funding.budget.line", "create", [budget_line]
        )
        self.force_state(agreement, "closed")
        for model, method, args in (
            ("concierge.funding.installment", "create", [[installment]]),
            (
                "concierge.funding.installment",
                "write",
                [[installment_id], {"amount_expected": 900.0}],
            ),
            ("concierge.funding.installment", "unlink", [[installment_id]]),
            ("concierge.funding.budget.line", "create", [[budget_line]]),
            ("concierge.funding.budget.line", "write", [[budget_id], {"amount": 1.0}]),
            ("concierge.funding.budget.line", "unlink", [[budget_id]]),
        ):
            with self.subTest(model=model, method=method):
                fault = self.assertRefused("manager", model, method, args, LOCKED)
                self.assertIn("Closed", fault.faultString)
        agreement.invalidate_recordset()
        self.assertEqual(agreement.installment_ids.mapped("amount_expected"), [500.0])
        self.assertEqual(agreement.budget_line_ids.mapped("amount"), [80.0])

    def test_settled_commission_lines_are_frozen(self):
        line = self.env["concierge.commission.line"].search(
            [("settlement_id.state", "in", ("confirmed", "invoiced", "reconciled"))],
            limit=1,
        )
        self.assertTrue(line, "the demo has a settled month")
        amount = line.commission_amount
        for method, args in (
            ("write", [line.ids, {"commission_amount": amount + 100.0}]),
            ("unlink", [line.ids]),
        ):
            with self.subTest(method=method):
                self.assertRefused(
                    "accountant",
                    "concierge.commission.line",
                    method,
                    args,
                    "cannot be changed: the settlement is",
                )
        line.invalidate_recordset()
        self.assertEqual(line.commission_amount, amount)

    def test_state_changes_through_buttons_only(self):
        """Writing the state skips what its button does (the sale order, the
        accounting entry, the attendances): refused, whatever the context a
        client sends."""
        for model, factory, role, state in (
            ("concierge.service.request", "make_request", "concierge", "done"),
            ("concierge.funding.agreement", "make_agreement", "manager", "signed"),
            ("concierge.funding.report", "make_funding_report", "manager", "sent"),
            (
                "concierge.funding.dedicated.fund",
                "make_dedicated_fund",
                "manager",
                "posted",
            ),
            (
                "concierge.commission.settlement",
                "make_settlement",
                "accountant",
                "invoiced",
            ),
            ("concierge.volunteer.valuation", "make_valuation", "manager", "posted"),
            ("concierge.volunteer.shift", "make_shift", "concierge", "done"),
            ("concierge.custody.item", "make_custody_item", "concierge", "ready"),
        ):
            with self.subTest(model=model):
                record = getattr(self, factory)()
                initial = record.state
                for context in ({}, {"concierge_unlock_fields": True}):
                    self.assertRefused(
                        role,
                        model,
                        "write",
                        [record.ids, {"state": state}],
                        "changes through its buttons only",
                        context=context,
                    )
                record.invalidate_recordset()
                self.assertEqual(record.state, initial)
        # nor is a record created in a later state, given or by default
        model = "concierge.volunteer.valuation"
        july = {"date_from": "2031-07-01", "date_to": "2031-07-31"}
        for vals, context in (
            (dict(july, state="posted"), {}),
            (july, {"default_state": "posted"}),
        ):
            with self.subTest(context=context):
                fault = self.assertRefused(
                    "manager", model, "create", [vals], "starts", context=context
                )
                self.assertIn("Draft", fault.faultString)
        self.assertFalse(
            self.env[model].search([("date_from", "=", "2031-07-01")]),
            "the refused valuation is not left behind",
        )

    def test_item_at_a_provider_keeps_its_provider(self):
        item = self.env["concierge.custody.item"].search(
            [("state", "=", "at_provider")], limit=1
        )
        self.assertTrue(item, "the demo has an item at a provider")
        fault = self.assertRefused(
            "concierge",
            "concierge.custody.item",
            "write",
            [item.ids, {"provider_id": self.make_provider().id}],
            LOCKED,
        )
        self.assertIn("At the provider", fault.faultString)
        self.assertRefused(
            "concierge",
            "concierge.custody.item",
            "write",
            [item.ids, {"request_line_id": False}],
            LOCKED,
        )
