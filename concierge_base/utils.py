# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Helpers shared by the suite's addons."""

import math
import re
from contextlib import contextmanager

from psycopg2 import IntegrityError

from odoo.exceptions import UserError
from odoo.tools.mail import email_split_tuples

# what a phone number typed by hand may hold: digits, spaces, dots, dashes,
# parentheses and a leading +; 8 to 20 digits (French and international)
PHONE_CHARS = re.compile(r"^\+?[\d\s.\-()]+$")
PHONE_DIGITS = (8, 20)
# one address: something, @, a domain with a dot (accents allowed)
EMAIL_ADDRESS = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;.]{2,63}$")


def plausible_phone(number):
    """Whether ``number`` reads as a phone number typed by a person. Lenient
    on purpose: any French or international number passes, whatever its
    spacing; letters, other signs and too few or too many digits do not."""
    number = (number or "").strip()
    if not PHONE_CHARS.match(number):
        return False
    digits = sum(char.isdigit() for char in number)
    return PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]


def valid_email(email):
    """Whether ``email`` is one e-mail address (``Name <a@b.fr>`` included)."""
    addresses = email_split_tuples(email or "")
    return len(addresses) == 1 and bool(EMAIL_ADDRESS.match(addresses[0][1]))


def finite(value):
    """Whether a typed number is a real number (not NaN nor infinite)."""
    return value is None or value is False or math.isfinite(value)


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
