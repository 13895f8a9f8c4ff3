# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import base64
import io

import openpyxl

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import CommissionCase


def read_rows(data):
    workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    return workbook.active, list(workbook.active.iter_rows(values_only=True))


@tagged("post_install", "-at_install")
class TestReconciliationExport(CommissionCase):
    def test_export_matches_settlements_to_the_cent(self):
        self._create_agreement(rules=[{"scope": "all", "percent": 12.5}])
        self._create_agreement(
            provider=self.producer,
            commission_model="mandate",
            rules=[{"scope": "all", "percent": 7.0}],
        )
        self._invoice([(self.product, 3, 10.33), (self.product_b, 1, 19.99)])
        self._invoice([(self.basket, 7, 14.27)])
        self._invoice([(self.basket, 1, 14.27)], move_type="out_refund")
        settlements = self._settle()
        settlements._confirm()
        settlements._create_documents()
        bill = settlements.filtered(lambda s: s.provider_id == self.producer).move_id
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=bill.ids
        ).create({"amount": 20.0})._create_payments()
        wizard = self.env["concierge.commission.export.wizard"].create(
            {"date_from": "2026-03-01", "date_to": "2026-03-31"}
        )
        action = wizard.action_export()
        self.assertIn("/file_data/", action["url"])
        sheet, rows = read_rows(base64.b64decode(wizard.file_data))
        header, *body = rows
        self.assertEqual(header[0], "Provider")
        self.assertEqual(sheet.freeze_panes, "A2")
        self.assertTrue(sheet.auto_filter.ref.startswith("A1:J"))
        self.assertIn(self.company.currency_id.symbol, sheet.cell(2, 3).number_format)
        by_name = {row[0]: row for row in body[:-1]}
        self.assertEqual(len(by_name), 2)
        for settlement in settlements:
            row = by_name[settlement.provider_id.display_name]
            expected = [
                settlement.gross_amount,
                settlement.revenue_amount,
                settlement.agent_collected_amount,
                settlement.commission_amount,
                settlement.net_amount,
                settlement.amount_invoiced,
                settlement.amount_paid,
                settlement.amount_outstanding,
            ]
            for got, want in zip(row[2:], expected, strict=True):
                self.assertAlmostEqual(got, want, places=2)
        # the mandate sells in the producer's name: only its commission is
        # revenue, what was collected is the producer's; the referral's
        # revenue is its commission
        referral = by_name[self.provider.display_name]
        mandate = by_name[self.producer.display_name]
        # 3 x 10.33 + 19.99 = 50.98 at 12.5 %; 6 x 14.27 = 85.62 at 7 %
        self.assertEqual(referral[2:6], (50.98, 6.37, 0.0, 6.37))
        self.assertEqual(mandate[2:7], (85.62, 5.99, 85.62, 5.99, 79.63))
        total = body[-1]
        self.assertEqual(total[0], "Total")
        for col, field in enumerate(
            [
                "gross_amount",
                "revenue_amount",
                "agent_collected_amount",
                "commission_amount",
                "net_amount",
                "amount_invoiced",
            ],
            start=2,
        ):
            self.assertAlmostEqual(total[col], sum(settlements.mapped(field)), places=2)
        self.assertAlmostEqual(total[8], 20.0, places=2)

    def test_bad_period_refused(self):
        with self.assertRaisesRegex(ValidationError, "before its start"):
            self.env["concierge.commission.export.wizard"].create(
                {"date_from": "2026-03-31", "date_to": "2026-03-01"}
            )
