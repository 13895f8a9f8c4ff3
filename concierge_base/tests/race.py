# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Real concurrent transactions for the tests of the suite's money flows.

In test mode ``registry.cursor()`` hands out cursors sharing the test's own
connection behind a lock: they never race. These helpers open real
connections to the test database (``odoo.sql_db.db_connect``), so that two
threads run two PostgreSQL transactions at the same time, as two users or
the cron and a user would. What they commit is visible to every connection:
the data a race needs is committed first, and deleted again by the cleanup,
which leaves the database as the test found it.

The test's own transaction must write nothing a racing transaction also
writes (it would wait for the test forever): a race test works in committed
environments only.
"""

import logging
import threading
from contextlib import contextmanager

import odoo
from odoo import SUPERUSER_ID, api

RACE_TIMEOUT = 60


class RaceMixin:
    """``committed_env`` for the data of a race, ``race`` to run it."""

    def _real_cursor(self):
        """A cursor on a connection of its own. Its transaction is bound to
        the test's registry at once: looking the registry up by name would
        wait for the lock the test run holds while it runs the tests."""
        cr = odoo.sql_db.db_connect(self.env.cr.dbname).cursor()
        cr.transaction = api.Transaction(self.registry)
        return cr

    @contextmanager
    def committed_env(self, uid=SUPERUSER_ID, context=None):
        """An environment on a real connection, committed at the end of the
        block (rolled back on an error)."""
        cr = self._real_cursor()
        try:
            env = api.Environment(cr, uid, dict(context or {}, tracking_disable=True))
            yield env
            env.flush_all()
            cr.commit()  # pylint: disable=invalid-commit
        finally:
            cr.close()

    def cleanup_committed(self, *models, prepare=None):
        """At the end of the test, delete the records of ``models`` (in that
        order) created from now on in committed transactions; ``prepare(env,
        records_by_model)`` runs first (to set records deletable)."""
        with self.committed_env() as env:
            last_ids = {}
            for model in models:
                env.cr.execute(f"SELECT COALESCE(MAX(id), 0) FROM {env[model]._table}")
                last_ids[model] = env.cr.fetchone()[0]

        def cleanup():
            with self.committed_env() as env:
                env = env(context=dict(env.context, force_delete=True))
                created = {
                    model: env[model]
                    .with_context(active_test=False)
                    .search([("id", ">", last_id)])
                    for model, last_id in last_ids.items()
                }
                if prepare:
                    prepare(env, created)
                for model, records in created.items():
                    records = records.exists()
                    if model == "account.move":
                        posted = records.filtered(lambda m: m.state == "posted")
                        posted.button_draft()
                    records.unlink()

        self.addCleanup(cleanup)

    @contextmanager
    def captured_logs(self, name):
        """The records logged on logger ``name`` (from any thread) during the
        block, whatever their level."""
        records = []

        class Capture(logging.Handler):
            def emit(self, record):
                records.append(record)

        logger = logging.getLogger(name)
        handler = Capture()
        logger.addHandler(handler)
        try:
            yield records
        finally:
            logger.removeHandler(handler)

    def race(self, *functions, uid=SUPERUSER_ID, context=None):
        """Run each ``function(env)`` in its own thread and transaction, all
        at the same time: every transaction takes its snapshot before any of
        them commits, so each one reads the state before the others, as two
        users clicking together would. Each transaction commits if its
        function returns, and rolls back if it raises.

        Return ``[(result, exception)]`` in the order of ``functions``.
        """
        barrier = threading.Barrier(len(functions), timeout=RACE_TIMEOUT)
        outcomes = [(None, None)] * len(functions)

        def run(index, function):
            threading.current_thread().testing = True
            cr = self._real_cursor()
            try:
                env = api.Environment(
                    cr, uid, dict(context or {}, tracking_disable=True)
                )
                # the snapshot of a repeatable read transaction is taken by
                # its first query: take it before anyone commits
                try:
                    cr.execute("SELECT 1")
                    barrier.wait()
                    result = function(env)
                    env.flush_all()
                    cr.commit()  # pylint: disable=invalid-commit
                    outcomes[index] = (result, None)
                except Exception as exc:  # reported to the test
                    cr.rollback()
                    outcomes[index] = (None, exc)
            finally:
                cr.close()

        threads = [
            threading.Thread(target=run, args=(index, function), daemon=True)
            for index, function in enumerate(functions)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(RACE_TIMEOUT)
        self.assertFalse(
            any(thread.is_alive() for thread in threads),
            "a racing transaction did not end",
        )
        return outcomes
