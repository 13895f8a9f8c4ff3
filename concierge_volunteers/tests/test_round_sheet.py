# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.tests import tagged

from .round_common import RoundCase

REPORT = "concierge_volunteers.action_report_round_sheet"


@tagged("post_install", "-at_install")
class TestRoundSheet(RoundCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.marc = cls._beneficiary("Marc Brindas", "Brindas")
        cls.germaine = cls._beneficiary(
            "Germaine Brindas", "Brindas", vulnerable=True, point=(45.7190, 4.7001)
        )
        cls.germaine.write({"street": "14 route de Grézieu", "phone": "04 78 45 27 33"})
        cls.paul = cls._beneficiary("Paul Grézieu", "Grézieu-la-Varenne")
        cls.pickup = cls._requests(cls.paul, need="pickup", state="confirmed")
        cls.delivery = cls._requests(cls.marc)
        cls.at_home = cls._requests(cls.germaine)
        cls.round = cls._round(communes=("Brindas", "Grézieu-la-Varenne"))
        cls.round._plan_from_requests()

    def _sheet(self):
        html, kind = self.env["ir.actions.report"]._render_qweb_html(
            REPORT, self.round.ids
        )
        self.assertEqual(kind, "html")
        return " ".join(html.decode().split())

    def test_stops_in_driving_order_with_what_to_do(self):
        html = self._sheet()
        stops = self.round._concierge_stops_to_drive()
        self.assertEqual(len(stops), 3)
        positions = [html.index(stop.name) for stop in stops]
        self.assertEqual(positions, sorted(positions))
        for request in self.pickup | self.delivery | self.at_home:
            self.assertIn(request.name, html)
        # the home stop: where and how to reach Germaine
        self.assertIn("14 route de Grézieu", html)
        self.assertIn(self.germaine.phone, html)
        self.assertIn("Camionnette (test)", html)

    def test_skipped_stop_left_out(self):
        home = self.round.stop_ids.filtered(lambda s: s.kind == "home")
        self.round.action_confirm()
        self.round.action_start()
        home.action_skip()  # nobody at home: planned on another round
        html = self._sheet()
        self.assertNotIn("14 route de Grézieu", html)
        self.assertNotIn(self.at_home.name, html)

    def test_print_action_on_the_round(self):
        action = self.env.ref(REPORT)
        self.assertEqual(action.binding_model_id.model, "concierge.round")
        self.assertEqual(
            action.report_action(self.round, config=False)["report_name"],
            "concierge_volunteers.report_round_sheet",
        )
