# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.concierge_base.tests.common import QueryCountMixin

from ..models.round_ordering import tour_km
from .round_common import POINTS, ROUND_DAY, RoundCase


@tagged("post_install", "-at_install")
class TestRoundPlanning(QueryCountMixin, RoundCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.paul = cls._beneficiary("Paul Grézieu", "Grézieu-la-Varenne")
        cls.lea = cls._beneficiary("Léa Grézieu", "Grézieu-la-Varenne")
        cls.marc = cls._beneficiary("Marc Brindas", "Brindas")
        cls.germaine = cls._beneficiary(
            "Germaine Brindas", "Brindas", vulnerable=True, point=(45.7190, 4.7001)
        )
        cls.outsider = cls._beneficiary("Hors tournée", "Craponne")

    def _messages(self, round_):
        return " ".join(round_.message_ids.mapped("body"))

    def test_requests_grouped_by_stop(self):
        pickup = self._requests(self.paul, need="pickup", state="confirmed")
        delivery = self._requests(self.lea | self.marc)
        at_home = self._requests(self.germaine, need="both")
        not_planned = (
            self._requests(self.outsider)  # outside the communes of the round
            | self._requests(self.paul, need="none")  # needs no round
            | self._requests(self.lea, need="delivery", state="confirmed")  # not ready
            | self._requests(self.marc, need="pickup", state="ready")  # at the desk
        )
        round_ = self._round()
        result = round_._plan_from_requests()
        planned = pickup | delivery | at_home
        self.assertEqual(result["planned"], planned)
        self.assertFalse(result["unfit"])
        self.assertFalse(result["late"])
        grezieu, brindas = round_.stop_ids.filtered(lambda s: s.kind == "commune")
        self.assertEqual(grezieu.collect_request_ids, pickup)
        self.assertEqual(grezieu.deliver_request_ids, delivery[0])
        self.assertEqual(brindas.deliver_request_ids, delivery[1])
        home = round_.stop_ids.filtered(lambda s: s.kind == "home")
        self.assertEqual(home.partner_id, self.germaine)
        self.assertEqual(home.deliver_request_ids, at_home)
        self.assertEqual((home.latitude, home.longitude), (45.7190, 4.7001))
        self.assertEqual(home.commune, "Brindas")
        all_stops = round_.stop_ids
        self.assertFalse(
            (all_stops.collect_request_ids | all_stops.deliver_request_ids)
            & not_planned
        )
        self.assertEqual(round_.item_count, 4)
        self.assertEqual(pickup.concierge_round_collect_stop_ids, grezieu)
        self.assertIn("4 requests at 3 stops", self._messages(round_))
        # planning again starts afresh: the same stops, one home stop
        round_._plan_from_requests()
        self.assertEqual(len(round_.stop_ids), 3)
        self.assertEqual(round_.stop_ids.deliver_request_ids, delivery | at_home)

    def test_a_request_on_a_round_is_not_planned_on_another(self):
        requests = self._requests(self.paul | self.lea)
        first = self._round()
        first._plan_from_requests()
        second = self._round()
        self.assertFalse(second._plan_from_requests()["planned"])
        self.assertIn("no open request", self._messages(second))
        with self.assertRaisesRegex(ValidationError, "already on another stop"):
            second.stop_ids[0].deliver_request_ids = requests[0]
        # a cancelled round frees its requests
        first.action_cancel()
        self.assertEqual(second._plan_from_requests()["planned"], requests)

    def test_capacity_respected_by_priority_and_deadline(self):
        self.vehicle.capacity = 4
        urgent = self._requests(self.marc, priority="1")
        soon, later = self._requests(self.paul | self.lea)
        soon.deadline = date(2031, 3, 1)
        later.deadline = date(2031, 3, 3)
        # three baskets: three items, due between the two
        baskets = self._requests(
            self.paul,
            product=self.groceries,
            quantity=3,
            need="pickup",
            state="confirmed",
        )
        baskets.deadline = date(2031, 3, 2)
        round_ = self._round()
        result = round_._plan_from_requests()
        # urgent first, then by deadline: the baskets do not fit after the
        # two first requests, the later one (one item) still does
        self.assertEqual(result["planned"], urgent | soon | later)
        self.assertEqual(result["unfit"], baskets)
        self.assertEqual(round_.item_count, 3)
        messages = self._messages(round_)
        self.assertIn("the vehicle is full", messages)
        self.assertIn(baskets.name, messages)
        self.vehicle.capacity = 5
        result = round_._plan_from_requests()
        self.assertEqual(result["planned"], urgent | soon | baskets)
        self.assertEqual(result["unfit"], later)
        self.assertEqual(round_.item_count, 5)

    def test_requests_beyond_the_round_deadline_wait(self):
        request = self._requests(self.paul)
        request.deadline = date(2031, 3, 20)
        round_ = self._round()
        self.assertEqual(round_.request_deadline, date(2031, 3, 11))
        self.assertFalse(round_._plan_from_requests()["planned"])
        round_.request_deadline = date(2031, 3, 25)
        self.assertEqual(round_._plan_from_requests()["planned"], request)

    def test_windows_respected(self):
        waiting = self._requests(self.paul)
        late = self._requests(self.marc)
        round_ = self._round(
            communes=[
                # Grézieu opens at 10:00: the van leaving at 9:00 waits
                self._stop_vals("Grézieu-la-Varenne", hour_from=10.0, hour_to=11.0),
                # Brindas is 3.6 km away: nobody can be met there by 9:05
                self._stop_vals("Brindas", sequence=20, hour_from=8.0, hour_to=9.08),
            ]
        )
        result = round_._plan_from_requests()
        grezieu, brindas = round_.stop_ids
        self.assertEqual(result["planned"], waiting)
        self.assertEqual(result["late"], brindas)
        self.assertEqual(grezieu.planned_time, 10.0)
        self.assertFalse(grezieu.window_missed)
        self.assertEqual(brindas.state, "skipped")
        self.assertTrue(brindas.window_missed)
        self.assertFalse(brindas.deliver_request_ids)
        messages = self._messages(round_)
        self.assertIn("cannot be met", messages)
        self.assertIn(late.name, messages)
        # the left-out request goes on another round
        self.assertEqual(self._round()._plan_from_requests()["planned"], late)

    def test_ordering_beats_the_input_order(self):
        communes = ("Craponne", "Yzeron", "Grézieu-la-Varenne", "Brindas")
        round_ = self._round(communes=communes)
        start = POINTS["Vaugneray"]
        given = tour_km(start, [POINTS[c] for c in communes], range(4))
        round_._plan_from_requests()
        self.assertEqual(
            self._order(round_), ["Grézieu-la-Varenne", "Craponne", "Brindas", "Yzeron"]
        )
        # 23.44 km, kept to the tenth
        self.assertEqual(round_.distance_km, 23.4)
        self.assertLess(round_.distance_km, given - 8)
        times = round_.stop_ids.sorted("sequence").mapped("planned_time")
        self.assertEqual(times, sorted(times))
        # 2.84 km at 30 km/h from 9:00: Grézieu at 9:05:41
        self.assertAlmostEqual(times[0], 9.0 + 2.8402 / 30.0, places=3)
        self.assertGreater(round_.hour_end, times[-1])

    def test_hand_reorder_kept(self):
        self._requests(self.paul | self.marc)
        round_ = self._round(communes=("Craponne", "Grézieu-la-Varenne", "Brindas"))
        round_._plan_from_requests()
        planned = self._order(round_)
        self.assertEqual(planned, ["Grézieu-la-Varenne", "Craponne", "Brindas"])
        first_km = round_.distance_km
        # the concierge drags Brindas first, as the form's handle writes
        brindas = round_.stop_ids.filtered(lambda s: s.commune == "Brindas")
        others = round_._concierge_stops_to_drive() - brindas
        round_.write(
            {
                "stop_ids": [Command.update(brindas.id, {"sequence": 1})]
                + [
                    Command.update(stop.id, {"sequence": 10 * (i + 1)})
                    for i, stop in enumerate(others)
                ]
            }
        )
        expected = ["Brindas", "Grézieu-la-Varenne", "Craponne"]
        self.assertEqual(self._order(round_), expected)
        # the times and the distance follow the new order
        self.assertAlmostEqual(brindas.planned_time, 9.0 + 3.6492 / 30.0, places=3)
        self.assertGreater(round_.distance_km, first_km)
        round_.action_confirm()
        round_.action_start()
        self.assertEqual(self._order(round_), expected)

    def test_confirm_refuses_a_missed_window(self):
        self._requests(self.marc)
        round_ = self._round(
            communes=[self._stop_vals("Brindas", hour_from=9.0, hour_to=10.0)]
        )
        round_._plan_from_requests()
        round_.hour_start = 9.95
        with self.assertRaisesRegex(UserError, "after its window"):
            round_.action_confirm()
        self.assertEqual(round_.state, "draft")
        self.assertTrue(round_.stop_ids.window_missed)

    def test_planning_needs_a_vehicle_coordinates_and_communes(self):
        round_ = self._round(vehicle_id=False)
        with self.assertRaisesRegex(UserError, "Choose the vehicle"):
            round_._plan_from_requests()
        with self.assertRaisesRegex(UserError, "Add the commune stops"):
            self._round(communes=())._plan_from_requests()
        unplaced = self._round(
            communes=[self._stop_vals("Brindas", latitude=0.0, longitude=0.0)]
        )
        with self.assertRaisesRegex(UserError, "Type the latitude and longitude"):
            unplaced._plan_from_requests()

    def test_stop_values_checked(self):
        round_ = self._round()
        Stop = self.env["concierge.round.stop"]
        for vals, message in (
            ({"kind": "home"}, "needs the beneficiary"),
            ({"kind": "commune", "commune": False}, "needs the name"),
            ({"commune": "Brindas", "insee_code": "691"}, "not an INSEE code"),
            ({"commune": "Brindas", "hour_from": 12, "hour_to": 9}, "must end after"),
            ({"commune": "Brindas", "latitude": 95.0}, "out of range"),
        ):
            with self.subTest(message=message):
                with self.assertRaisesRegex(ValidationError, message):
                    Stop.create({"round_id": round_.id, **vals})
        with self.assertRaisesRegex(ValidationError, "greater than zero"):
            self.vehicle.capacity = 0

    def test_query_count_does_not_grow_with_requests(self):
        """Planning 20 requests runs as many queries as planning one."""
        warm = self._round()
        self._requests(self._beneficiary("Échauffement", "Brindas"))
        warm._plan_from_requests()
        counts = []
        for size in (1, 20):
            partners = self.env["res.partner"].concat(
                *(
                    self._beneficiary(f"Grézieu {size}-{i}", "Grézieu-la-Varenne")
                    for i in range(size)
                )
            )
            requests = self._requests(partners)
            self.vehicle.capacity = 30
            round_ = self._round()
            counts.append(self._count(round_._plan_from_requests, requests))
            self.assertEqual(len(round_.stop_ids[0].deliver_request_ids), size)
        self.assertEqual(counts[0], counts[1])


@tagged("post_install", "-at_install")
class TestRoundFlow(RoundCase):
    def test_flow_and_stop_states(self):
        round_ = self._round()
        stop = round_.stop_ids[0]
        with self.assertRaisesRegex(UserError, "not on the road"):
            stop.action_done()
        self.assertIs(round_.action_confirm(), True)
        self.assertEqual(round_.state, "planned")
        self.assertIs(round_.action_start(), True)
        with self.assertRaisesRegex(UserError, "cannot be changed: it is On the road"):
            stop.place = "Église"
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            round_.vehicle_id = False
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            round_.unlink()
        self.assertIs(stop.action_done(), True)
        self.assertIs(round_.action_done(), True)
        self.assertEqual(round_.stop_ids.mapped("state"), ["done", "skipped"])
        self.assertIn("not reached", " ".join(round_.message_ids.mapped("body")))
        with self.assertRaisesRegex(UserError, "is not possible: the round"):
            round_.stop_ids[1].action_todo()

    def test_confirm_needs_driver_and_stops(self):
        with self.assertRaisesRegex(UserError, "vehicle and the driver"):
            self._round(driver_id=False).action_confirm()
        with self.assertRaisesRegex(UserError, "no stop to drive to"):
            self._round(communes=()).action_confirm()

    def test_state_written_through_buttons_only(self):
        round_ = self._round()
        with self.assertRaisesRegex(UserError, "through its buttons only"):
            round_.state = "done"
        with self.assertRaisesRegex(UserError, "through its buttons only"):
            round_.stop_ids[0].state = "done"

    def test_illegal_transitions_refused(self):
        draft = self._round()
        planned, on_road, done, cancelled = (self._round() for __ in range(4))
        (planned | on_road | done).action_confirm()
        (on_road | done).action_start()
        done.action_done()
        cancelled.action_cancel()
        refused = [
            (planned, "action_plan", "Planning"),
            (on_road, "action_plan", "Planning"),
            (planned, "action_confirm", "Confirming the round"),
            (done, "action_confirm", "Confirming the round"),
            (draft, "action_start", "Leaving on the round"),
            (on_road, "action_start", "Leaving on the round"),
            (draft, "action_done", "Marking the round done"),
            (planned, "action_done", "Marking the round done"),
            (on_road, "action_cancel", "Cancelling the round"),
            (done, "action_cancel", "Cancelling the round"),
            (draft, "action_draft", "Resetting the round to draft"),
            (on_road, "action_draft", "Resetting the round to draft"),
            (done, "action_draft", "Resetting the round to draft"),
            (cancelled, "action_start", "Leaving on the round"),
        ]
        self.assertTransitionsRefused(refused)
        stop = on_road.stop_ids[0]
        stop.action_skip()
        for method in ("action_done", "action_skip"):
            with self.subTest(method=method):
                with self.assertRaisesRegex(UserError, "is not possible for .*: it is"):
                    getattr(stop, method)()
        with self.assertRaisesRegex(UserError, "is not possible for .*: it is"):
            on_road.stop_ids[1].action_todo()
        # the way back: cancelled -> draft -> planned
        self.assertIs(cancelled.action_draft(), True)
        self.assertIs(cancelled.action_confirm(), True)

    def test_shift_of_the_driver(self):
        shift = self._shift(mission=self.mission_delivery)
        with self.assertRaisesRegex(ValidationError, "not signed up"):
            self._round(shift_id=shift.id)
        self._attend(shift, self.driver, "registered")
        self.assertEqual(self._round(shift_id=shift.id).shift_id, shift)
        desk = self._shift()
        with self.assertRaisesRegex(ValidationError, "not a delivery shift"):
            self._round(shift_id=desk.id)


@tagged("post_install", "-at_install")
class TestRoundRecurrence(RoundCase):
    def test_recurring_rounds_copy_the_commune_stops(self):
        template = self._round(
            communes=("Vaugneray", "Grézieu-la-Varenne", "Brindas"), hour_start=8.5
        )
        self._requests(self._beneficiary("Jean Grézieu", "Grézieu-la-Varenne"))
        template._plan_from_requests()
        wizard = self.env["concierge.round.recurrence"].create(
            {
                "template_id": template.id,
                "date_from": date(2031, 3, 1),
                "date_to": date(2031, 3, 31),
                "tue": True,
            }
        )
        action = wizard.with_user(self.concierge).action_create_rounds()
        rounds = self.env["concierge.round"].browse(action["domain"][0][2])
        # March 2031: Tuesdays 4 (the template's own day), 11, 18, 25
        self.assertEqual(
            sorted(rounds.mapped("date")),
            [date(2031, 3, 11), date(2031, 3, 18), date(2031, 3, 25)],
        )
        for round_ in rounds:
            self.assertEqual(round_.state, "draft")
            self.assertEqual(round_.template_id, template)
            self.assertEqual(round_.vehicle_id, self.vehicle)
            self.assertEqual(round_.driver_id, self.driver)
            self.assertEqual(round_.hour_start, 8.5)
            self.assertEqual(
                round_.stop_ids.sorted("sequence").mapped("commune"),
                ["Vaugneray", "Grézieu-la-Varenne", "Brindas"],
            )
            self.assertFalse(
                round_.stop_ids.collect_request_ids
                | round_.stop_ids.deliver_request_ids
            )
            self.assertEqual(round_.stop_ids[0].latitude, template.stop_ids[0].latitude)
        # the same weeks again: nothing new
        again = wizard.action_create_rounds()
        self.assertEqual(
            self.env["concierge.round"].browse(again["domain"][0][2]), rounds
        )
        self.assertEqual(
            self.env["concierge.round"].search_count(
                [("template_id", "=", template.id)]
            ),
            3,
        )

    def test_recurrence_needs_a_weekday(self):
        template = self._round()
        wizard = self.env["concierge.round.recurrence"].create(
            {
                "template_id": template.id,
                "date_from": ROUND_DAY,
                "date_to": date(2031, 3, 31),
            }
        )
        with self.assertRaisesRegex(UserError, "at least one day"):
            wizard.action_create_rounds()
        with self.assertRaisesRegex(ValidationError, "before the first day"):
            wizard.date_to = date(2031, 2, 1)
