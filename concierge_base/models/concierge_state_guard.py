# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models
from odoo.exceptions import UserError


class ConciergeStateGuard(models.AbstractModel):
    """One guard for the workflow buttons of the suite's models.

    A model with a ``state`` selection inherits it and starts each button
    with ``self._check_state(allowed_states, label)``: the button is refused,
    with one sentence naming the record and its state, as soon as one of the
    records is in another state. Buttons hidden by a view in some state are
    thus refused by the model too, for XML-RPC clients as for the browser.
    """

    _name = "concierge.state.guard"
    _description = "Guarded workflow states"

    def _check_state(self, allowed, action):
        """Raise unless every record of ``self`` is in one of ``allowed``.

        ``action`` is the translated label of what was asked ("Confirming").
        """
        wrong = self.filtered(lambda record: record.state not in allowed)
        if not wrong:
            return True
        record = wrong[0]
        labels = dict(self._fields["state"]._description_selection(self.env))
        document = self.env["ir.model"]._get(self._name).name
        raise UserError(
            self.env._(
                "%(action)s is not possible for %(name)s (%(document)s): "
                "it is %(state)s.",
                action=action,
                name=record.display_name,
                document=document,
                state=labels[record.state],
            )
        )
