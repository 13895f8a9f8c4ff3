# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""One state guard for every workflow model (issue 13, item 3).

Each model inheriting ``concierge.state.guard`` declares its transition
table (``_concierge_transitions``: button -> states it may start from).
This test reads the tables from the registry and, for every button and
every state the table does not allow, puts a record in that state and
calls the button over XML-RPC: each call must be a Fault with a sentence,
and leave the state as it was. A model with a table and no factory here
fails the test.
"""

import xmlrpc.client

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SuiteRpcCase

# model: (factory, the user who has the buttons)
FACTORIES = {
    "concierge.service.request": ("make_request", "manager"),
    "concierge.funding.agreement": ("make_agreement", "manager"),
    "concierge.funding.report": ("make_funding_report", "manager"),
    "concierge.funding.dedicated.fund": ("make_dedicated_fund", "manager"),
    "concierge.test.phase": ("make_test_phase", "manager"),
    "concierge.commission.settlement": ("make_settlement", "accountant"),
    "concierge.volunteer.shift": ("make_shift", "concierge"),
    "concierge.round": ("make_round", "concierge"),
    "concierge.round.stop": ("make_round_stop", "concierge"),
    "concierge.locker.compartment": ("make_compartment", "manager"),
}


def guarded_models(env):
    """{model name: transition table} of the suite's guarded models."""
    children = env.registry["concierge.state.guard"]._inherit_children
    return {
        name: env[name]._concierge_transitions
        for name in sorted(children)
        if not env[name]._abstract and env[name]._concierge_transitions
    }


@tagged("post_install", "-at_install")
class TestTransitions(SuiteRpcCase):
    def test_every_table_has_a_factory(self):
        tables = guarded_models(self.env)
        self.assertGreaterEqual(set(tables), set(FACTORIES))
        self.assertEqual(set(tables) - set(FACTORIES), set(), "untested tables")
        for name, table in tables.items():
            states = dict(self.env[name]._fields["state"].selection)
            for action, allowed in table.items():
                self.assertTrue(
                    hasattr(self.env[name], action), f"{name}.{action} exists"
                )
                self.assertLessEqual(set(allowed), set(states), f"{name}.{action}")

    def test_illegal_transitions_are_refused_over_xmlrpc(self):
        tried = 0
        for name, table in guarded_models(self.env).items():
            factory, role = FACTORIES[name]
            states = [s for s, __ in self.env[name]._fields["state"].selection]
            for action, allowed in table.items():
                for state in states:
                    if state in allowed:
                        continue
                    record = getattr(self, factory)()
                    self.force_state(record, state)
                    with (
                        self.subTest(model=name, action=action, state=state),
                        mute_logger("odoo.http"),
                    ):
                        with self.assertRaises(xmlrpc.client.Fault) as cm:
                            self.call(role, name, action, record.ids)
                        # a sentence for the user, not a crash
                        self.assertEqual(cm.exception.faultCode, 2)
                        record.invalidate_recordset()
                        self.assertEqual(record.state, state)
                    tried += 1
        self.assertGreater(tried, 40)
