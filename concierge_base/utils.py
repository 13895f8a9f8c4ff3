# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Helpers shared by the suite's addons."""

import logging
from contextlib import contextmanager

from psycopg2 import IntegrityError

from odoo.exceptions import UserError
from odoo.tools import SQL
from odoo.tools.sql import index_exists

_logger = logging.getLogger(__name__)

# The keys of the money flows ``refuse_duplicate`` turns into a message.
_REFUSED_KEYS = set()


class _RefusedDuplicateFilter(logging.Filter):
    """Odoo logs every failed query as an ERROR "bad query". When the
    query failed on one of the suite's money-flow keys (``refuse_duplicate``),
    the refusal is the key doing its work, and the user got a message: the
    line is kept, as INFO. Every other failed query stays an ERROR."""

    def filter(self, record):
        if record.levelno == logging.ERROR and str(record.msg).startswith("bad query"):
            args = record.args if isinstance(record.args, tuple) else ()
            error = args[-1] if args else None
            if (
                isinstance(error, IntegrityError)
                and error.diag.constraint_name in _REFUSED_KEYS
            ):
                record.levelno = logging.INFO
                record.levelname = logging.getLevelName(logging.INFO)
        return True


logging.getLogger("odoo.sql_db").addFilter(_RefusedDuplicateFilter())


@contextmanager
def refuse_duplicate(cr, key, message, exception=UserError, flush=True):
    """Run the block in a savepoint; when the database refuses it because of
    the unique index or constraint named ``key`` (another transaction wrote
    the same money flow at the same time), roll the block back and raise
    ``exception(message)`` instead: nothing is half written, and the user is
    told in one sentence. Any other database error goes through as it is.

    ``flush=False`` when the block writes through ``create`` only (its
    inserts are not delayed). The refused query is logged as INFO, not as
    Odoo's ERROR "bad query" (see ``_RefusedDuplicateFilter``)."""
    _REFUSED_KEYS.add(key)
    try:
        with cr.savepoint(flush=flush):
            yield
    except IntegrityError as exc:
        if exc.diag.constraint_name != key:
            raise
        raise exception(message) from exc


def create_money_key(cr, name, table, expressions, where=None, ident="id"):
    """Create the unique index ``name`` of a money flow on ``table``
    (``expressions``, partial with the SQL condition ``where``) unless it
    exists; True when the key is there.

    When rows already break it (written before the key existed), creating
    it would stop the upgrade with PostgreSQL's message: instead, the rows
    are named (their ``ident``) in an ERROR of the log, the key is left out
    and the upgrade goes on, as Odoo does for a constraint it cannot add.
    Once one row of each group is cancelled or deleted, the next upgrade of
    the module creates the key."""
    if index_exists(cr, name):
        return True
    columns = SQL(", ").join(SQL(expression) for expression in expressions)
    condition = SQL("WHERE %s", SQL(where)) if where else SQL()
    cr.execute(
        SQL(
            "SELECT array_agg(%s ORDER BY %s) FROM %s %s GROUP BY %s"
            " HAVING count(*) > 1 LIMIT 20",
            SQL.identifier(ident),
            SQL.identifier(ident),
            SQL.identifier(table),
            condition,
            columns,
        )
    )
    groups = [ids for (ids,) in cr.fetchall()]
    if groups:
        _logger.error(
            "The key %s is not created: rows of %s count the same money "
            "twice (%s %s). Cancel or delete all but one row of each group, "
            "then upgrade the module again.",
            name,
            table,
            ident,
            "; ".join(", ".join(str(i) for i in ids) for ids in groups),
        )
        return False
    cr.execute(
        SQL(
            "CREATE UNIQUE INDEX %s ON %s (%s) %s",
            SQL.identifier(name),
            SQL.identifier(table),
            columns,
            condition,
        )
    )
    return True


def lock_for_key(cr, key, ids):
    """Make the transactions that write rows of the key ``key`` for the same
    ``ids`` (e.g. companies) wait for one another until commit, in a fixed
    order. An exclusion constraint checked by two transactions inserting at
    the same moment can make each wait for the other, and PostgreSQL then
    kills one of them as a deadlock instead of reporting the violation;
    behind this lock the second one meets the first one's committed row and
    gets the constraint's refusal (its message)."""
    for record_id in sorted(set(ids)):
        cr.execute("SELECT pg_advisory_xact_lock(hashtext(%s), %s)", [key, record_id])


def analytic_plan(env, param, name):
    """The analytic plan whose id the system parameter ``param`` keeps,
    created the first time with ``name``. It is the user's data, not the
    module's: the analytic accounts of the plan stay when the suite is
    uninstalled."""
    ICP = env["ir.config_parameter"].sudo()
    Plan = env["account.analytic.plan"].sudo()
    plan = Plan.browse(int(ICP.get_param(param, 0) or 0)).exists()
    if not plan:
        plan = Plan.create({"name": name, "default_applicability": "optional"})
        ICP.set_param(param, plan.id)
    return plan
