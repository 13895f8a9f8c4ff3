# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemo(TransactionCase):
    def test_village_till_closed_and_opens_again(self):
        """The demo's morning session of the Vaugneray till is closed as a
        cashier closes it (with its closing time), so the till opens again:
        Odoo reads the last closing date when it opens the till."""
        site = self.env.ref("concierge_base.site_village_shop", False)
        till = site and self.env["pos.config"].search(
            [("concierge_site_id", "=", site.id)]
        )
        if not till:
            self.skipTest("installed without demo data")
        session = till.session_ids
        self.assertEqual(len(session), 1)
        self.assertEqual(session.state, "closed")
        self.assertTrue(session.stop_at)
        # read when the till opens (an error when the closing time is empty)
        self.assertTrue(till.last_session_closing_date)
        new = self.env["pos.session"].create({"config_id": till.id})
        self.assertEqual(till.current_session_id, new)
        self.assertEqual(new.state, "opening_control")
