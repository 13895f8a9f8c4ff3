# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import contextvars
import functools

from odoo import api, models
from odoo.exceptions import UserError

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

# Context key of internal code that must write a locked field (a flow of
# Odoo's or of the suite that rewrites a field the view shows read-only).
# It is honoured in sudo mode only: ``record.sudo().with_context(
# concierge_unlock_fields=True).write(...)``, so that an XML-RPC client,
# which can send any context but never runs as superuser, cannot use it.
UNLOCK_KEY = "concierge_unlock_fields"


# Set while a transition of the suite runs (a button, the flow behind it, a
# data file or an import): the state of a guarded model is written there,
# never directly. A context variable of the running thread, not a key of
# the ORM's context: an XML-RPC client sends any context it wants, but it
# cannot set this.
_IN_TRANSITION = contextvars.ContextVar("concierge_in_transition", default=False)


def transition(method):
    """Decorate the methods of a guarded model that change its state (its
    buttons and the flows behind them): inside them, and only there, the
    guard lets ``state`` be written."""

    @functools.wraps(method)
    def run_transition(self, *args, **kwargs):
        token = _IN_TRANSITION.set(True)
        try:
            return method(self, *args, **kwargs)
        finally:
            _IN_TRANSITION.reset(token)

    return run_transition


def marshallable(value):
    """``value`` (an action) without the ``None`` of its dicts.

    Odoo builds some actions with ``None`` in them (``report_action`` sets
    ``data: None``, ``sale.order.action_view_invoice`` leaves ``None`` in its
    context): XML-RPC cannot send ``None``, so a button returning them
    commits its work and answers a Fault. The browser reads a missing key
    as it reads ``None``."""
    if isinstance(value, dict):
        return {
            key: marshallable(item) for key, item in value.items() if item is not None
        }
    if isinstance(value, list | tuple):
        return [marshallable(item) for item in value]
    return value


class ConciergeStateGuard(models.AbstractModel):
    """One guard for the workflow of the suite's models.

    A model with a ``state`` selection inherits it and declares beside its
    fields:

    - ``_concierge_transitions``, its transition table: ``{button: states
      it may start from}``. Each button starts with
      ``self._check_action("action_x", self.env._("Doing x"))``: it is
      refused, with one sentence naming the record and its state, as soon as
      one of the records is in another state (``_check_state`` does the same
      for a list of states given by the caller);
    - ``_concierge_locked_fields``, what its views make read-only:
      ``((states, field names), ...)``. ``write()`` refuses to change those
      fields of a record in those states, with the same kind of sentence.

    The state itself changes only through the buttons: ``write()`` and
    ``create()`` refuse a ``state`` outside the methods decorated with
    ``@transition`` (and outside data files and imports), so a client
    cannot sign an agreement or post a valuation without its accounting by
    writing the state. A model whose ``write()`` runs a state change as a
    transition of its own sets ``_concierge_state_written = True``.

    Buttons hidden and fields read-only in a view in some state are thus
    refused by the model too, for XML-RPC clients as for the browser.
    Internal code that must write a locked field (or the state) uses the
    context key ``concierge_unlock_fields`` in sudo mode (see
    ``UNLOCK_KEY``).
    """

    _name = "concierge.state.guard"
    _description = "Guarded workflow states"

    # {button method: states it may start from}
    _concierge_transitions = {}
    # ((states, field names), ...): fields write() refuses in those states
    _concierge_locked_fields = ()
    # True when write() checks (and runs) a change of state itself
    _concierge_state_written = False
    # the states a record may be created in (default: the field's default)
    _concierge_create_states = ()

    def _check_state(self, allowed, action):
        """Raise unless every record of ``self`` is in one of ``allowed``.

        ``action`` is the translated label of what was asked ("Confirming").
        """
        wrong = self.filtered(lambda record: record.state not in allowed)
        if not wrong:
            return True
        record = wrong[0]
        document = self.env["ir.model"]._get(self._name).name
        raise UserError(
            self.env._(
                "%(action)s is not possible for %(name)s (%(document)s): "
                "it is %(state)s.",
                action=action,
                name=record.display_name,
                document=document,
                state=record._concierge_state_label(),
            )
        )

    def _check_action(self, action, label):
        """Check ``action`` (a button's name) against the transition table."""
        return self._check_state(self._concierge_transitions[action], label)

    def _concierge_wrong_state(self, action):
        """The records whose state the transition table does not allow
        ``action`` from (for buttons that raise a message of their own)."""
        allowed = self._concierge_transitions[action]
        return self.filtered(lambda record: record.state not in allowed)

    def _concierge_fields_locked_in(self, state):
        """The names of the fields locked in ``state``."""
        return {
            fname
            for states, fnames in self._concierge_locked_fields
            if state in states
            for fname in fnames
        }

    def _concierge_unlocked(self):
        """Internal code unlocking the guard (sudo mode and the key), or the
        superuser uninstalling a module (Odoo's ``_force_unlink``)."""
        return bool(
            self.env.su
            and (
                self.env.context.get(UNLOCK_KEY)
                or self.env.context.get(MODULE_UNINSTALL_FLAG)
            )
        )

    def _concierge_changes(self, vals):
        """The names of the fields of ``vals`` that change a value of one of
        the records (writing the value a field already has is no change)."""
        changed = set()
        for fname, value in vals.items():
            field = self._fields.get(fname)
            if field is None:
                continue
            if field.type in ("one2many", "many2many"):
                if value:
                    changed.add(fname)
                continue
            for record in self:
                new = field.convert_to_record(
                    field.convert_to_cache(value, record, validate=False), record
                )
                if new != record[fname]:
                    changed.add(fname)
                    break
        return changed

    def _check_locked_fields(self, vals):
        """Refuse to change a field locked in the state of one record."""
        if not self._concierge_locked_fields or self._concierge_unlocked():
            return True
        locked_anywhere = {
            fname for __, fnames in self._concierge_locked_fields for fname in fnames
        }
        asked = set(vals) & locked_anywhere
        if not asked:
            return True
        for record in self:
            locked = asked & record._concierge_fields_locked_in(record.state)
            changed = locked and record._concierge_changes(
                {fname: vals[fname] for fname in locked}
            )
            if changed:
                record._concierge_raise_locked(changed)
        return True

    def _concierge_state_label(self, state=None):
        """The translated label of ``state``, by default the record's own."""
        if state is None:
            self.ensure_one()
            state = self.state
        labels = dict(self._fields["state"]._description_selection(self.env))
        return labels.get(state, state)

    def _concierge_raise_locked(self, fnames):
        self.ensure_one()
        names = sorted(
            self._fields[fname]._description_string(self.env) for fname in fnames
        )
        raise UserError(
            self.env._(
                "%(fields)s of %(name)s (%(document)s) cannot be changed: it "
                "is %(state)s.",
                fields=", ".join(names),
                name=self.display_name,
                document=self.env["ir.model"]._get(self._name).name,
                state=self._concierge_state_label(),
            )
        )

    def _concierge_state_free(self):
        """Whether ``state`` may be written here and now: in a transition,
        while the modules load (data files, demo, hooks, migrations: no
        client is served then), or unlocked by internal code."""
        return (
            self._concierge_state_written
            or _IN_TRANSITION.get()
            or not self.env.registry.ready
            or self._concierge_unlocked()
        )

    def _check_state_write(self, vals):
        """Refuse a change of state written directly, outside a button."""
        if "state" not in vals or self._concierge_state_free():
            return True
        changed = self.filtered(lambda record: record.state != vals["state"])
        if changed:
            raise UserError(
                self.env._(
                    "The state of %(name)s (%(document)s) changes through its "
                    "buttons only: it is %(state)s.",
                    name=changed[0].display_name,
                    document=self.env["ir.model"]._get(self._name).name,
                    state=changed[0]._concierge_state_label(),
                )
            )
        return True

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if records and not self._concierge_state_free():
            field = self._fields["state"]
            initial = field.default(self) if field.default else False
            allowed = self._concierge_create_states or (initial,)
            wrong = records.filtered(lambda record: record.state not in allowed)
            if wrong:
                raise UserError(
                    self.env._(
                        "A new %(document)s starts %(initial)s; its state then "
                        "changes through its buttons only.",
                        document=self.env["ir.model"]._get(self._name).name,
                        initial=self._concierge_state_label(initial),
                    )
                )
        return records

    def _load_records(self, data_list, update=False, ignore_duplicates=False):
        # data files and imports bring records in the state they had
        token = _IN_TRANSITION.set(True)
        try:
            return super()._load_records(data_list, update, ignore_duplicates)
        finally:
            _IN_TRANSITION.reset(token)

    def write(self, vals):
        self._check_state_write(vals)
        self._check_locked_fields(vals)
        return super().write(vals)
