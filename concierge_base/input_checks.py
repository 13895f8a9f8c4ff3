# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Checks of what people type (phones, e-mail addresses, numbers), shared by
the suite's addons."""

import math
import re

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
