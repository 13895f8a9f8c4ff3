# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import PosCase


@tagged("post_install", "-at_install")
class TestPosFrenchCertification(PosCase):
    """With the French chart, Odoo installs the certified till
    (l10n_fr_pos_cert): the suite never alters a paid order."""

    def test_inalterability_after_a_day_of_sales(self):
        cert = self.env["ir.module.module"].search([("name", "=", "l10n_fr_pos_cert")])
        self.assertEqual(cert.state, "installed")
        company = self.env.company
        self.assertTrue(company._is_accounting_unalterable())
        self._receive(10)
        session = self._open_session()
        sale = self._sell(session, [(self.honey, 3), (self.product, 2)], self.customer)
        self._sell(session, [(self.honey, -1, sale.lines[:1])], self.customer)
        self._sell(session, [(self.product, 1)], self.customer, to_invoice=True)
        self._sell(session, [(self.honey, 2)])
        self._close(session)
        self.Settlement.settle_period(
            self.today,
            "monthly",
            (self.producer | self.provider).ids,
            confirm=True,
            create_documents=True,
        )
        orders = session.order_ids
        self.assertEqual(len(orders), 4)
        self.assertTrue(all(orders.mapped("l10n_fr_hash")))
        self.assertEqual(len(orders.concierge_commission_line_ids), 5)
        # Odoo's check translates its labels where no language is known and
        # logs a warning of its own: not the suite's.
        with mute_logger("odoo.tools.translate"):
            result = company._check_pos_hash_integrity()
        self.assertEqual(result["corrupted_orders"], "None")
        self.assertEqual(result["msg_alert"], "None")
