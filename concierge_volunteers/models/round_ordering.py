# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Pure-Python helpers of the rounds (no database): the distance between
two points, the order of the stops and their planned times.

A point is a ``(latitude, longitude)`` pair in degrees. The round leaves
from ``start`` (its site) and comes back to it: the stops are ordered by
nearest neighbour, then improved by 2-opt (a segment of the tour is
reversed while that shortens it). Distances are as the crow flies; the
average speed of the vehicle accounts for the roads.
"""

import itertools
import math
import re
import unicodedata

EARTH_RADIUS_KM = 6371.0088
# an improvement of 2-opt smaller than this (km) is rounding noise
EPSILON_KM = 1e-9


def haversine_km(a, b):
    """Great-circle distance in km between the points ``a`` and ``b``."""
    lat1, lon1 = math.radians(a[0]), math.radians(a[1])
    lat2, lon2 = math.radians(b[0]), math.radians(b[1])
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _matrix(start, points):
    """Distances between the nodes: 0 is ``start``, i + 1 is ``points[i]``."""
    nodes = [start, *points]
    return [[haversine_km(p, q) for q in nodes] for p in nodes]


def tour_km(start, points, order, back=True):
    """Length in km of the tour from ``start`` through ``points`` in
    ``order`` (indexes of ``points``), back to ``start`` when ``back``."""
    path = [start, *(points[i] for i in order)]
    if back:
        path.append(start)
    return sum(haversine_km(p, q) for p, q in itertools.pairwise(path))


def nearest_neighbour(start, points, matrix=None):
    """Indexes of ``points``, each time the nearest one not visited yet
    (the first one on a tie)."""
    matrix = matrix or _matrix(start, points)
    remaining = list(range(len(points)))
    order, here = [], 0
    while remaining:
        nearest = min(remaining, key=lambda i: (matrix[here][i + 1], i))
        remaining.remove(nearest)
        order.append(nearest)
        here = nearest + 1
    return order


def two_opt(start, points, order, back=True, matrix=None):
    """``order`` improved by 2-opt until no reversal shortens the tour."""
    matrix = matrix or _matrix(start, points)
    tour = list(order)
    size = len(tour)

    def node(position):
        # node of the tour at ``position``: -1 and ``size`` are the start
        if position < 0 or position >= size:
            return 0
        return tour[position] + 1

    improved = True
    while improved:
        improved = False
        for i in range(size - 1):
            for j in range(i + 1, size):
                before, first = node(i - 1), node(i)
                last, after = node(j), node(j + 1)
                closing = back or j + 1 < size
                old = matrix[before][first] + (matrix[last][after] if closing else 0)
                new = matrix[before][last] + (matrix[first][after] if closing else 0)
                if new < old - EPSILON_KM:
                    tour[i : j + 1] = reversed(tour[i : j + 1])
                    improved = True
    return tour


def order_points(start, points, back=True):
    """The short tour of ``points`` from ``start``: nearest neighbour, then
    2-opt. Returns indexes of ``points``."""
    matrix = _matrix(start, points)
    return two_opt(
        start, points, nearest_neighbour(start, points, matrix), back, matrix
    )


def schedule(start, stops, hour_start, speed_kmh, stop_hours, drop_late=False):
    """Planned times of ``stops``, visited in the order given.

    ``stops``: list of ``(point or None, hour_from, hour_to)`` (hours as
    floats). The vehicle leaves ``start`` at ``hour_start``, drives at
    ``speed_kmh`` and stays ``stop_hours`` at each stop; it waits for the
    opening of a window it reaches early. A stop reached after its window
    is *late*: with ``drop_late``, it is left out (the vehicle drives from
    the previous stop to the next one), otherwise it is kept.

    Returns ``(rows, back_km, back_hour)``: one row per stop, ``(arrival,
    leg_km, late, kept)``, then the drive back to ``start`` and the time
    the vehicle is back.
    """
    rows = []
    here, clock = start, hour_start
    for point, hour_from, hour_to in stops:
        leg = haversine_km(here, point) if point and here else 0.0
        arrival = max(clock + leg / speed_kmh, hour_from)
        late = arrival > hour_to
        if late and drop_late:
            rows.append((False, 0.0, True, False))
            continue
        rows.append((arrival, leg, late, True))
        clock = arrival + stop_hours
        here = point or here
    back_km = haversine_km(here, start) if here and start else 0.0
    return rows, back_km, clock + back_km / speed_kmh


def commune_key(name):
    """``name`` of a commune as compared: without accents, case, hyphens
    or apostrophes ("Grézieu-la-Varenne" is "grezieu la varenne")."""
    text = unicodedata.normalize("NFKD", name or "")
    text = text.encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\bst\b", "saint", text)
    return " ".join(re.findall(r"[a-z0-9]+", text))
