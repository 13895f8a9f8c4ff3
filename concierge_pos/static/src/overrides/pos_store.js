/** @odoo-module */
// Copyright 2026 Concierge Suite contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import { _t } from "@web/core/l10n/translation";
import { patch } from "@web/core/utils/patch";
import { PosStore } from "@point_of_sale/app/store/pos_store";
import { ConciergeCustodyTicket } from "@concierge_pos/custody_ticket/custody_ticket";

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

    /**
     * A request chosen at the till: its sale order goes on the order to be
     * paid, or, with nothing to pay at the till (an employer's plan pays),
     * its ready items are handed back at once.
     */
    async conciergeTakeRequest(result) {
        if (result.sale_order_id) {
            return await this.conciergeSettleRequest(result);
        }
        return await this.conciergeHandBackRequest(result);
    },

    /** Hand back the ready items of a request with nothing to pay here. */
    async conciergeHandBackRequest(result) {
        const handedBack = await this.data.call(
            "concierge.service.request",
            "concierge_pos_hand_back",
            [[result.id]]
        );
        this.notification.add(
            _t("Request %(request)s: %(tickets)s handed back. %(paidBy)s.", {
                request: handedBack.name,
                tickets: result.ready_tickets.join(", "),
                paidBy: result.paid_by,
            }),
            { type: "success" }
        );
        return true;
    },

    /** Take the request of a scanned custody ticket; false when none. */
    async conciergeSettleTicket(ticket) {
        const results = await this.conciergeSearchRequests(ticket);
        const match = results.find((result) => result.tickets.includes(ticket));
        if (!match) {
            return false;
        }
        return await this.conciergeTakeRequest(match);
    },

    /**
     * Take the conciergerie services of the current order as a request of
     * its customer (a coat left for cleaning): the request is confirmed at
     * the till's site, its custody tickets are printed on the receipt
     * printer, and the services leave the order: they are paid with the
     * request's sale order when the items are handed back. The order's
     * other products stay on it. Returns the request, or false.
     */
    async conciergeCreateRequest() {
        const order = this.get_order();
        const partner = order.get_partner();
        if (!partner) {
            this.notification.add(
                _t("Choose the beneficiary (the customer) before taking the request."),
                { type: "warning" }
            );
            return false;
        }
        const lines = order.lines.map((line) => ({
            product_id: line.product_id.id,
            qty: line.qty,
            note: line.customer_note || "",
        }));
        const result = await this.data.call(
            "concierge.service.request",
            "concierge_pos_create_request",
            [this.config.id, partner.id, lines]
        );
        for (const line of [...order.lines]) {
            if (result.product_ids.includes(line.product_id.id)) {
                order.removeOrderline(line);
            }
        }
        if (result.custody_tickets.length) {
            await this.printer.print(
                ConciergeCustodyTicket,
                { tickets: result.custody_tickets, companyName: this.company.name },
                { webPrintFallback: true }
            );
        }
        const taken = result.custody_tickets.length
            ? _t("Request %(request)s taken: %(count)s ticket(s) printed.", {
                  request: result.name,
                  count: result.custody_tickets.length,
              })
            : _t("Request %s taken.", result.name);
        this.notification.add(result.paid_by ? `${taken} ${result.paid_by}.` : taken, {
            type: "success",
        });
        return result;
    },
});
