/** @odoo-module */
// Copyright 2026 Concierge Suite contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import { patch } from "@web/core/utils/patch";
import { ProductScreen } from "@point_of_sale/app/screens/product_screen/product_screen";

patch(ProductScreen.prototype, {
    /**
     * A scanned code that is no product of the till may be a custody
     * ticket: its request's sale order goes on the order.
     */
    async _barcodeProductAction(code) {
        const product = this.pos.models["product.product"].getBy("barcode", code.base_code);
        if (!product && (await this.pos.conciergeSettleTicket(code.base_code))) {
            return;
        }
        return await super._barcodeProductAction(...arguments);
    },
});
