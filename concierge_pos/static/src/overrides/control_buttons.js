/** @odoo-module */
// Copyright 2026 Concierge Suite contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import { patch } from "@web/core/utils/patch";
import { ControlButtons } from "@point_of_sale/app/screens/product_screen/control_buttons/control_buttons";
import { ConciergeRequestDialog } from "@concierge_pos/request_dialog/request_dialog";

patch(ControlButtons.prototype, {
    onClickConciergeRequests() {
        this.dialog.add(ConciergeRequestDialog, {});
    },
});
