# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models
from odoo.tools.misc import format_date, format_datetime


class ConciergeCustodyItem(models.Model):
    _inherit = "concierge.custody.item"

    def _concierge_ticket_values(self):
        """What the custody ticket printed at the till reads, item by item
        (the PDF ticket's content, dates in the cashier's language and time
        zone): the ticket number and its barcode, the beneficiary, the item,
        the request and its site, when it was received and is expected."""
        return [
            {
                "name": item.name,
                "partner_name": item.partner_id.name,
                "description": item.description or "",
                "request_name": item.request_id.name,
                "site_name": item.site_id.name or "",
                "received": format_datetime(self.env, item.received_date)
                if item.received_date
                else "",
                "deadline": format_date(self.env, item.request_id.deadline)
                if item.request_id.deadline
                else "",
                "provider_name": item.provider_id.name or "",
            }
            for item in self
        ]
