# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.tests import tagged

from .common import ServicesCase

# upper bounds measured on a database with the suite installed; the point is
# that they do not depend on the number of lines (see the equality checks)
CONFIRM_QUERIES = 50
START_QUERIES = 3
DONE_QUERIES = 2


@tagged("post_install", "-at_install")
class TestPerformance(ServicesCase):
    def _count(self, method, requests):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        method(requests)
        self.env.flush_all()
        return self.cr.sql_log_count - before

    def _requests(self, lines):
        return self._request([self.paperwork] * lines)

    def test_confirm_queries_do_not_grow_with_lines(self):
        # warm the caches (sequences, pricelists, taxes) once
        self._requests(1).action_confirm()
        counts = {
            lines: self._count(lambda r: r.action_confirm(), self._requests(lines))
            for lines in (1, 3, 9)
        }
        self.assertEqual(counts[1], counts[3], counts)
        self.assertEqual(counts[1], counts[9], counts)
        request = self._requests(3)
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(CONFIRM_QUERIES):
            request.action_confirm()
            self.env.flush_all()

    def test_state_changes_queries_do_not_grow_with_lines(self):
        warm, small, big = self._requests(1), self._requests(1), self._requests(9)
        (warm | small | big).action_confirm()
        for method in ("action_start", "action_ready"):
            self._count(lambda r, m=method: getattr(r, m)(), warm)
            count_small = self._count(lambda r, m=method: getattr(r, m)(), small)
            count_big = self._count(lambda r, m=method: getattr(r, m)(), big)
            self.assertEqual(count_small, count_big, method)
        big.line_ids.action_deliver()
        with self.assertQueryCount(DONE_QUERIES):
            big.action_done()
            self.env.flush_all()
        other = self._requests(9)
        other.action_confirm()
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(START_QUERIES):
            other.action_start()
            self.env.flush_all()
