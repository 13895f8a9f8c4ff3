/** @odoo-module */
// Copyright 2026 Concierge Suite contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import { Component } from "@odoo/owl";

/**
 * The custody tickets of a request taken at the till, in the receipt
 * printer's format: one ticket per item, to staple on its bag, with the
 * barcode the till scans when the item is handed back.
 */
export class ConciergeCustodyTicket extends Component {
    static template = "concierge_pos.ConciergeCustodyTicket";
    static props = {
        tickets: Array,
        companyName: { type: String, optional: true },
    };

    barcodeUrl(name) {
        return `/report/barcode/?barcode_type=Code128&value=${encodeURIComponent(
            name
        )}&width=600&height=100`;
    }
}
