/** @odoo-module */
// Copyright 2026 Concierge Suite contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import { Component, onMounted, useRef, useState } from "@odoo/owl";
import { Dialog } from "@web/core/dialog/dialog";
import { usePos } from "@point_of_sale/app/store/pos_hook";

/**
 * The open requests of a beneficiary, found at the till by name, phone,
 * request reference or custody ticket; choosing one puts its sale order on
 * the current order (pos_sale's settle-order flow): paid, its ready items
 * are handed back; a request with nothing to pay at the till (an
 * employer's plan pays) hands its ready items back at once. "New request" takes the services of the current order
 * as a request of its customer, its custody tickets printed.
 */
export class ConciergeRequestDialog extends Component {
    static template = "concierge_pos.ConciergeRequestDialog";
    static components = { Dialog };
    static props = { close: Function };

    setup() {
        this.pos = usePos();
        this.state = useState({ term: "", results: [], searched: false });
        this.inputRef = useRef("input");
        onMounted(() => this.inputRef.el.focus());
    }

    async search() {
        const term = this.state.term.trim();
        if (!term) {
            return;
        }
        this.state.results = await this.pos.conciergeSearchRequests(term);
        this.state.searched = true;
    }

    onKeydown(ev) {
        if (ev.key === "Enter") {
            this.search();
        }
    }

    /** The current order's services taken as a request of its customer. */
    async createRequest() {
        const result = await this.pos.conciergeCreateRequest();
        if (result) {
            this.props.close();
        }
    }

    async select(result) {
        this.props.close();
        await this.pos.conciergeTakeRequest(result);
    }
}
