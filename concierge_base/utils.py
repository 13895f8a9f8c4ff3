# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Helpers shared by the suite's addons."""

from contextlib import contextmanager

from psycopg2 import IntegrityError

from odoo.exceptions import UserError


@contextmanager
def refuse_duplicate(cr, key, message, exception=UserError, flush=True):
    """Run the block in a savepoint; when the database refuses it because of
    the unique index or constraint named ``key`` (another transaction wrote
    the same money flow at the same time), roll the block back and raise
    ``exception(message)`` instead: nothing is half written, and the user is
    told in one sentence. Any other database error goes through as it is.

    ``flush=False`` when the block writes through ``create`` only (its
    inserts are not delayed)."""
    try:
        with cr.savepoint(flush=flush):
            yield
    except IntegrityError as exc:
        if exc.diag.constraint_name != key:
            raise
        raise exception(message) from exc


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
