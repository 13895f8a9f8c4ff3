# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The ordering helpers of the rounds, without the database."""

from odoo.tests import BaseCase, tagged

from ..models.round_ordering import (
    commune_key,
    haversine_km,
    nearest_neighbour,
    order_points,
    schedule,
    tour_km,
    two_opt,
)

START = (45.7375, 4.6564)
# six points around Vaugneray where the nearest neighbour goes astray
POINTS = [
    (45.7143, 4.6653),
    (45.7222, 4.6725),
    (45.7375, 4.6079),
    (45.7008, 4.7005),
    (45.7156, 4.6281),
    (45.7597, 4.6564),
]


@tagged("post_install", "-at_install")
class TestRoundOrdering(BaseCase):
    def test_haversine(self):
        # Paris (Notre-Dame) to Lyon (Bellecour): about 392 km as the crow flies
        self.assertAlmostEqual(
            haversine_km((48.8530, 2.3499), (45.7578, 4.8320)), 392.0, delta=1.5
        )
        self.assertEqual(haversine_km(START, START), 0.0)

    def test_two_opt_beats_nearest_neighbour_and_input_order(self):
        given = list(range(len(POINTS)))
        nearest = nearest_neighbour(START, POINTS)
        self.assertEqual(nearest, [1, 0, 4, 2, 5, 3])
        best = order_points(START, POINTS)
        self.assertEqual(best, [5, 2, 4, 0, 3, 1])
        self.assertAlmostEqual(tour_km(START, POINTS, given), 30.97, places=2)
        self.assertAlmostEqual(tour_km(START, POINTS, nearest), 26.16, places=2)
        # the shortest closed tour (checked against all 720 orders)
        self.assertAlmostEqual(tour_km(START, POINTS, best), 21.21, places=2)
        # 2-opt from the input order finds a tour as short
        self.assertAlmostEqual(
            tour_km(START, POINTS, two_opt(START, POINTS, given)), 21.21, places=2
        )

    def test_open_path_is_not_a_loop(self):
        line = [(45.0, 4.0 + step / 100) for step in (3, 1, 2)]
        order = order_points((45.0, 4.0), line, back=False)
        self.assertEqual(order, [1, 2, 0])

    def test_schedule_waits_for_windows_and_drops_late_stops(self):
        one_km_east = (45.7375, 4.6564 + 1 / 78.0)
        stops = [
            (one_km_east, 10.0, 12.0),  # reached early: the van waits
            (one_km_east, 0.0, 10.0),  # reached at 10:10, after its window
            (START, 0.0, 24.0),
        ]
        rows, back_km, back_hour = schedule(START, stops, 9.0, 30.0, 1 / 6)
        self.assertEqual(rows[0][0], 10.0)
        self.assertTrue(rows[1][2], "late, kept")
        self.assertTrue(rows[1][3])
        rows, __, __ = schedule(START, stops, 9.0, 30.0, 1 / 6, drop_late=True)
        self.assertEqual(rows[1], (False, 0.0, True, False))
        # the last stop comes after the first one only: 10:10 plus ~2 min
        self.assertAlmostEqual(rows[2][0], 10.0 + 1 / 6 + rows[2][1] / 30.0)
        self.assertEqual(back_km, 0.0)
        self.assertGreater(back_hour, 10.0)

    def test_commune_key(self):
        self.assertEqual(commune_key("Grézieu-la-Varenne"), "grezieu la varenne")
        self.assertEqual(commune_key(" GREZIEU LA VARENNE "), "grezieu la varenne")
        self.assertEqual(
            commune_key("St-Genis-l'Argentière"), "saint genis l argentiere"
        )
        self.assertEqual(commune_key(False), "")
