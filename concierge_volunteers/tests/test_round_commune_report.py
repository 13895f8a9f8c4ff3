# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date, timedelta

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .round_common import ROUND_DAY, RoundCase
from .test_round_handover import PNG

REPORT = "concierge_volunteers.action_report_commune_month"


@tagged("post_install", "-at_install")
class TestCommuneReport(RoundCase):
    """Two rounds of March through Brindas and Grézieu: each person served
    counts once per commune, the home visits to vulnerable persons apart."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.marc = cls._beneficiary("Marc Brindas", "Brindas")
        cls.germaine = cls._beneficiary(
            "Germaine Brindas", "Brindas", vulnerable=True, point=(45.7190, 4.7001)
        )
        cls.paul = cls._beneficiary("Paul Grézieu", "Grézieu-la-Varenne")
        cls._requests(cls.marc)
        cls._requests(cls.marc | cls.germaine)
        cls._requests(cls.paul, need="pickup", state="confirmed")
        cls.first = cls._drive(cls._round())
        # a week later, Marc again (one more request), Brindas only
        cls._requests(cls.marc)
        cls.second = cls._drive(
            cls._round(communes=("Brindas",), date=ROUND_DAY + timedelta(days=7))
        )
        # a round of April does not count in March
        cls._requests(cls.marc)
        cls._drive(cls._round(communes=("Brindas",), date=date(2031, 4, 1)))
        funder = {"concierge_funder_type": "commune"}
        cls.brindas = cls.env["res.partner"].create(
            {"name": "Commune de Brindas", "city": "Brindas", **funder}
        )
        cls.yzeron = cls.env["res.partner"].create(
            {"name": "Commune d'Yzeron", "city": "Yzeron", **funder}
        )

    @classmethod
    def _drive(cls, round_):
        round_._plan_from_requests()
        round_.action_confirm()
        round_.action_start()
        # every beneficiary signs on the driver's screen
        for handover in round_.handover_ids:
            handover.stop_id._concierge_hand_over_signature(
                handover, PNG, handover.partner_id.name
            )
        round_.action_done()
        return round_

    def _rows(self, funders=None):
        return self.env[
            "report.concierge_volunteers.report_commune_month"
        ]._prepare_communes(
            self.env.company, date(2031, 3, 1), date(2031, 3, 31), funders
        )

    def test_each_person_counted_once_per_commune(self):
        rows = {row["commune"]: row for row in self._rows()}
        self.assertEqual(set(rows), {"Brindas", "Grézieu-la-Varenne"})
        brindas = rows["Brindas"]
        # Marc: three requests over two visits; Germaine at home
        self.assertEqual(brindas["requests"], 4)
        self.assertEqual(brindas["people"], 2)
        self.assertEqual(brindas["vulnerable_visits"], 1)
        self.assertEqual(brindas["visits"], 3)  # two commune stops, one home
        self.assertEqual(brindas["days"], 2)
        grezieu = rows["Grézieu-la-Varenne"]
        self.assertEqual((grezieu["requests"], grezieu["people"]), (1, 1))
        self.assertEqual(grezieu["vulnerable_visits"], 0)

    def test_skipped_stop_serves_nobody(self):
        round_ = self._round(communes=("Grézieu-la-Varenne",), date=date(2031, 3, 25))
        self._requests(self.paul)
        round_._plan_from_requests()
        round_.action_confirm()
        round_.action_start()
        round_.stop_ids.action_skip()
        round_.action_done()
        rows = {row["commune"]: row for row in self._rows()}
        # Paul's pick-up of the first round only: the new request waits
        self.assertEqual(rows["Grézieu-la-Varenne"]["requests"], 1)
        self.assertEqual(rows["Grézieu-la-Varenne"]["visits"], 1)

    def test_co_funding_communes_served_or_not(self):
        rows = self._rows(self.brindas | self.yzeron)
        self.assertEqual(
            [(r["commune"], r["funder"], r["people"]) for r in rows],
            [("Brindas", "Commune de Brindas", 2), ("Yzeron", "Commune d'Yzeron", 0)],
        )

    def test_printed_from_the_wizard_without_names(self):
        wizard = self.env["concierge.round.commune.report"].create(
            {
                "date_from": date(2031, 3, 1),
                "date_to": date(2031, 3, 31),
                "funder_ids": [(6, 0, self.brindas.ids)],
            }
        )
        action = wizard.action_print()
        self.assertEqual(
            action["report_name"], "concierge_volunteers.report_commune_month"
        )
        html, __ = self.env["ir.actions.report"]._render_qweb_html(REPORT, wizard.ids)
        html = " ".join(html.decode().split())
        self.assertIn("Commune de Brindas", html)
        for partner in self.marc | self.germaine | self.paul:
            self.assertNotIn(partner.name, html)
        with self.assertRaises(ValidationError):
            wizard.date_to = date(2031, 2, 1)
