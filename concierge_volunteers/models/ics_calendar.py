# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Pure-Python writing of an iCalendar feed (RFC 5545), no database.

Only what the volunteers' feed needs: a VCALENDAR of VEVENTs with text
properties escaped, dates in UTC, lines folded at 75 octets and ended by
CRLF.
"""

CRLF = "\r\n"
# a content line holds at most 75 octets, line break excluded (RFC 5545 3.1)
MAX_OCTETS = 75


def escape_text(value):
    """A TEXT value: backslash, semicolon, comma and newlines escaped
    (RFC 5545 3.3.11)."""
    value = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\n", "\\n")
    )


def format_utc(value):
    """A naive UTC datetime (as Odoo stores them) in the UTC form
    ``19980119T070000Z``."""
    return value.strftime("%Y%m%dT%H%M%SZ")


def fold(line):
    """``line`` folded in lines of at most 75 octets (UTF-8), never inside a
    character; each continuation line starts with one space."""
    chunks = []
    current = b""
    limit = MAX_OCTETS
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > limit:
            chunks.append(current)
            current = b" "
            limit = MAX_OCTETS  # the leading space counts in the 75 octets
        current += encoded
    chunks.append(current)
    return CRLF.join(chunk.decode("utf-8") for chunk in chunks)


def build_calendar(name, prodid, events):
    """The calendar ``name`` with ``events``, as a string of CRLF lines.

    ``events`` are dicts: ``uid``, ``dtstamp``, ``start``, ``end`` (naive
    UTC datetimes), ``summary`` and ``location`` (text).
    """
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{prodid}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event['uid']}",
            f"DTSTAMP:{format_utc(event['dtstamp'])}",
            f"DTSTART:{format_utc(event['start'])}",
            f"DTEND:{format_utc(event['end'])}",
            f"SUMMARY:{escape_text(event['summary'])}",
        ]
        if event.get("location"):
            lines.append(f"LOCATION:{escape_text(event['location'])}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
