/** @odoo-module */
// Copyright 2026 Concierge Suite contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import { _t } from "@web/core/l10n/translation";
import { patch } from "@web/core/utils/patch";
import { PosStore } from "@point_of_sale/app/store/pos_store";

patch(PosStore.prototype, {
    /** The open requests matching a name, phone, reference or ticket. */
    async conciergeSearchRequests(term) {
        return await this.data.call("concierge.service.request", "concierge_pos_search", [
            term,
        ]);
    },

    /**
     * Put the sale order of a request (a result of ``concierge_pos_search``)
     * on the till's order, as pos_sale's "Settle the order" does: once the
     * order is paid, the request's ready items are handed back.
     */
    async conciergeSettleRequest(result) {
        if (!this.get_order().is_empty()) {
            this.add_new_order();
        }
        const saleOrder = await this._getSaleOrder(result.sale_order_id);
        const fiscalPosition =
            saleOrder.fiscal_position_id &&
            this.models["account.fiscal.position"].find(
                (position) => position.id === saleOrder.fiscal_position_id
            );
        if (fiscalPosition) {
            this.get_order().update({ fiscal_position_id: fiscalPosition });
        }
        if (saleOrder.partner_id) {
            this.get_order().set_partner(saleOrder.partner_id);
        }
        await this.settleSO(saleOrder, fiscalPosition);
        this.selectOrderLine(this.get_order(), this.get_order().lines.at(-1));
        this.notification.add(
            _t("Request %s: its items are handed back when the order is paid.", result.name),
            { type: "info" }
        );
        return true;
    },

    /** Settle the request of a scanned custody ticket; false when none. */
    async conciergeSettleTicket(ticket) {
        const results = await this.conciergeSearchRequests(ticket);
        const match = results.find((result) => result.tickets.includes(ticket));
        if (!match) {
            return false;
        }
        return await this.conciergeSettleRequest(match);
    },
});
