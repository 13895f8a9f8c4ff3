# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import itertools

from odoo import Command
from odoo.tests import tagged

from odoo.addons.concierge_base.tests.common import QueryCountMixin

from .common import ServicesCase

# upper bounds measured on a database with the suite installed; the point is
# that they do not depend on the number of lines (see the equality checks)
CONFIRM_QUERIES = 50
START_QUERIES = 3
DONE_QUERIES = 2


@tagged("post_install", "-at_install")
class TestPerformance(QueryCountMixin, ServicesCase):
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


# custody moves and hand-back. Odoo's stock updates the quants of each move
# line on its own (stock.move.line._synchronize_quant: about 8 queries per
# line, whoever creates the moves), so the suite's queries are the custody
# operation's minus those of the same stock moves done in one batch without
# the suite: they must be the same for 1 and for 20 items (the pins are
# upper bounds, the counts measured on 18.0 with the five addons installed).
SEND_QUERIES = 8
BACK_QUERIES = 7
HAND_BACK_QUERIES = 22


@tagged("post_install", "-at_install")
class TestCustodyPerformance(QueryCountMixin, ServicesCase):
    """Custody moves and hand-backs of many requests in a number of queries
    that does not depend on the number of items, besides Odoo's own quant
    updates."""

    # stock writes a move's date when it is done: in a frozen second, every
    # move's date is unchanged and its update query always the same
    freeze_time = "2026-03-02 10:00:00"
    _counter = 0

    def _partners(self, count):
        TestCustodyPerformance._counter += 1
        return self.env["res.partner"].create(
            [
                {
                    "name": f"Bénéficiaire {self._counter}-{index}",
                    "concierge_beneficiary_type": "inhabitant",
                    "concierge_site_id": self.site.id,
                }
                for index in range(count)
            ]
        )

    def _custody_requests(self, count):
        """``count`` confirmed requests of as many beneficiaries, one item
        in custody each, all for the same provider."""
        requests = self.env["concierge.service.request"].create(
            [
                {
                    "partner_id": partner.id,
                    "site_id": self.site.id,
                    "line_ids": [Command.create({"product_id": self.cleaning.id})],
                }
                for partner in self._partners(count)
            ]
        )
        requests.action_confirm()
        self.assertEqual(len(requests.custody_item_ids), count)
        return requests

    def _stock_moves(self, partners, source, destination):
        """Done stock moves of the custody product from ``source`` to
        ``destination``, one per partner (its owner), in one batch, as
        Odoo's stock does them without the suite."""
        product = self.company.concierge_custody_product_id
        common = {
            "product_id": product.id,
            "location_id": source.id,
            "location_dest_id": destination.id,
            "company_id": self.company.id,
        }
        moves = self.env["stock.move"].create(
            [
                {
                    **common,
                    "name": "Référence",
                    "product_uom_qty": 1.0,
                    "product_uom": product.uom_id.id,
                    "restrict_partner_id": partner.id,
                    "partner_id": partner.id,
                    "picked": True,
                    "move_line_ids": [
                        Command.create(
                            {
                                **common,
                                "quantity": 1.0,
                                "product_uom_id": product.uom_id.id,
                                "owner_id": partner.id,
                                "picked": True,
                            }
                        )
                    ],
                }
                for partner in partners
            ]
        )
        moves._action_done()
        return moves

    def _stock_reference(self, size, locations):
        """Queries of Odoo's stock alone for the last of ``locations``'
        moves of ``size`` items (the earlier moves bring them there)."""
        partners = self._partners(size)
        steps = list(itertools.pairwise(locations))
        for source, destination in steps[:-1]:
            self._stock_moves(partners, source, destination)
        source, destination = steps[-1]
        return self._count(lambda: self._stock_moves(partners, source, destination))

    def _overheads(self, prepare, method, locations):
        """The suite's queries (the operation's minus stock's) of ``method``
        on 1 and on 20 requests, after a warm-up on 1; ``prepare`` runs
        first on each, unmeasured. Returns ({size: overhead}, {size: total})."""
        overheads, totals = {}, {}
        for label, size in (("warm", 1), (1, 1), (20, 20)):
            requests = self._custody_requests(size)
            prepare(requests)
            totals[label] = self._count(lambda r=requests: method(r))
            reference = self._stock_reference(size, locations())
            overheads[label] = totals[label] - reference
        return overheads, totals

    def _locations(self, *steps):
        """The locations of ``steps``, read when the reference runs."""

        def locations():
            places = {
                "customer": self.env.ref("stock.stock_location_customers"),
                "desk": self.site.concierge_custody_location_id,
                "provider": self.site._concierge_provider_location(self.provider),
            }
            return [places[step] for step in steps]

        return locations

    def test_send_to_provider_and_back(self):
        def send(requests):
            requests.custody_item_ids.action_send_to_provider()

        def back(requests):
            requests.custody_item_ids.action_mark_ready()

        # the desk and provider locations exist before the reference reads them
        send(self._custody_requests(1))
        overheads, totals = self._overheads(
            lambda r: None, send, self._locations("customer", "desk", "provider")
        )
        self.assertEqual(overheads[1], overheads[20], (overheads, totals))
        self.assertLessEqual(overheads[20], SEND_QUERIES, (overheads, totals))
        overheads, totals = self._overheads(
            send, back, self._locations("customer", "desk", "provider", "desk")
        )
        self.assertEqual(overheads[1], overheads[20], (overheads, totals))
        self.assertLessEqual(overheads[20], BACK_QUERIES, (overheads, totals))
        # the behaviour stays: every item came back to the desk
        items = self.env["concierge.custody.item"].search(
            [("request_id.partner_id.name", "=like", "Bénéficiaire%")]
        )
        self.assertEqual(len(items), 45)
        self.assertEqual(set(items.mapped("state")) - {"at_provider"}, {"ready"})
        ready = items.filtered(lambda i: i.state == "ready")
        self.assertEqual(len(ready), 22)
        self.assertEqual(ready.location_id, self.site.concierge_custody_location_id)

    def test_hand_back_of_many_requests(self):
        def ready(requests):
            requests.custody_item_ids.action_send_to_provider()
            requests.action_ready()

        overheads, totals = self._overheads(
            ready,
            lambda r: r.action_hand_back(),
            self._locations("customer", "desk", "provider", "desk", "customer"),
        )
        self.assertEqual(overheads[1], overheads[20], (overheads, totals))
        self.assertLessEqual(overheads[20], HAND_BACK_QUERIES, (overheads, totals))
        requests = self.env["concierge.service.request"].search(
            [("partner_id.name", "=like", "Bénéficiaire%")]
        )
        self.assertEqual(len(requests), 22)
        self.assertEqual(set(requests.mapped("state")), {"done"})
        self.assertEqual(set(requests.custody_item_ids.mapped("state")), {"returned"})
        self.assertEqual(
            requests.line_ids.sale_line_id.mapped("qty_delivered"), [1.0] * 22
        )
