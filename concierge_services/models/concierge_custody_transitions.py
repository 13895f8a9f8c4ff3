# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The custody state machine, beside its model ``concierge.custody.item``.

From each state, the states an item may go to and when: ``ALWAYS``,
``WITHOUT_PROVIDER`` (a parcel nobody processes is ready as soon as it is
at the desk) or ``CANCELLING`` (a cancelled request gives back the items
still at the desk). ``_set_custody_state()`` checks each move against it.
"""

ALWAYS = "always"
WITHOUT_PROVIDER = "without_provider"
CANCELLING = "cancelling"

CUSTODY_TRANSITIONS = {
    "received": {
        "at_provider": ALWAYS,
        "ready": WITHOUT_PROVIDER,
        "returned": CANCELLING,
    },
    "at_provider": {"ready": ALWAYS},
    "ready": {"returned": ALWAYS},
    "returned": {},
}


def allowed_next(state, has_provider, cancelling=False):
    """The states an item in ``state`` may go to next."""
    met = {ALWAYS}
    if not has_provider:
        met.add(WITHOUT_PROVIDER)
    if cancelling:
        met.add(CANCELLING)
    return {
        target
        for target, condition in CUSTODY_TRANSITIONS[state].items()
        if condition in met
    }
