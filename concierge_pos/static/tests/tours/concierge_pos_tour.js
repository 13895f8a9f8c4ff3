/** @odoo-module */
// Copyright 2026 Concierge Suite contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as TicketScreen from "@point_of_sale/../tests/tours/utils/ticket_screen_util";
import { scan_barcode } from "@point_of_sale/../tests/tours/utils/common";
import { registry } from "@web/core/registry";
import { payCash } from "@concierge_pos/../tests/tours/concierge_pos_tour_utils";

// a custody ticket scanned at the till: the request's sale order is
// settled, and paid, its item is handed back (checked in Python)
registry.category("web_tour.tours").add("concierge_pos_ticket_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            scan_barcode("CONCIERGE-TOUR-TICKET1"),
            ProductScreen.selectedOrderlineHas("Nettoyage manteau", "1.00"),
            ProductScreen.totalAmountIs("18.00"),
            payCash(),
        ].flat(),
});

// the same request found by the beneficiary's name in the Requests dialog
registry.category("web_tour.tours").add("concierge_pos_request_search_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            {
                content: "open the requests of a beneficiary",
                trigger: ".o_concierge_requests_button",
                run: "click",
            },
            {
                content: "type the beneficiary's name",
                trigger: ".o_concierge_request_search",
                run: "edit Odile",
            },
            {
                content: "search",
                trigger: ".o_concierge_request_search_button",
                run: "click",
            },
            {
                content: "choose the request",
                trigger: ".o_concierge_request_row:contains(Odile Comptoir)",
                run: "click",
            },
            ProductScreen.selectedOrderlineHas("Nettoyage manteau", "1.00"),
            payCash(),
        ].flat(),
});

// a jar of honey in consignment sold, then refunded
registry.category("web_tour.tours").add("concierge_pos_consignment_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickDisplayedProduct("Miel test"),
            ProductScreen.selectedOrderlineHas("Miel test", "1.00"),
            payCash(),
            ...ProductScreen.clickRefund(),
            TicketScreen.selectOrder("-0001"),
            ProductScreen.clickNumpad("1"),
            TicketScreen.confirmRefund(),
            ProductScreen.isShown(),
            // the refund (-9.00) is paid back in cash: checked in Python
            payCash(),
        ].flat(),
});

// a coat left at the counter: the service on the order becomes a request
// of the customer, its custody ticket printed, the order emptied (the
// request, its item and its sale order are checked in Python)
registry.category("web_tour.tours").add("concierge_pos_new_request_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickPartnerButton(),
            ProductScreen.clickCustomer("Odile Comptoir"),
            ProductScreen.clickDisplayedProduct("Nettoyage manteau"),
            ProductScreen.clickDisplayedProduct("Miel test"),
            {
                content: "open the requests dialog",
                trigger: ".o_concierge_requests_button",
                run: "click",
            },
            {
                content: "take the order's services as a request",
                trigger: ".o_concierge_new_request",
                run: "click",
            },
            {
                content: "the custody ticket is sent to the receipt printer",
                trigger:
                    ".render-container .o_concierge_custody_ticket .o_concierge_ticket_name:contains(CONCIERGE-TOUR-TICKET1)",
            },
            {
                content: "the ticket names the beneficiary",
                trigger: ".render-container .o_concierge_custody_ticket:contains(Odile Comptoir)",
            },
            ProductScreen.selectedOrderlineHas("Miel test", "1.00"),
            ProductScreen.totalAmountIs("9.00"),
            payCash(),
        ].flat(),
});
