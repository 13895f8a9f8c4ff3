/** @odoo-module */
// Copyright 2026 Concierge Suite contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import { scan_barcode } from "@point_of_sale/../tests/tours/utils/common";
import { registry } from "@web/core/registry";
import { payCash } from "@concierge_pos/../tests/tours/concierge_pos_tour_utils";

function employerShown() {
    return {
        content: "the employer's plan shows under the customer's name",
        trigger: ".set-partner .o_concierge_pos_employer:contains(Employee of Clinique des Monts)",
    };
}

// An employee recognised by her card (scanned) buys at her employer's
// prices; a second one, found by name, leaves a parcel service of the
// company plan: taken as a request, it is paid by the employer (nothing to
// pay at the till; the quota is checked in Python); a third one's ironing,
// paid by the plan, is handed back by its ticket.
registry.category("web_tour.tours").add("concierge_pos_b2b_employee_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            scan_barcode("0420000000017"),
            ProductScreen.customerIsSelected("Salarié 0"),
            employerShown(),
            ProductScreen.clickDisplayedProduct("Miel test"),
            // 9.00 for everyone, 7.00 at the employer's prices
            ProductScreen.selectedOrderlineHas("Miel test", "1.00", "7.00"),
            ProductScreen.totalAmountIs("7.00"),
            payCash(),
            ProductScreen.clickPartnerButton(),
            ProductScreen.inputCustomerSearchbar("Salarié 1"),
            {
                content: "the customer list names the employer",
                trigger:
                    ".partner-info:contains(Salarié 1) .o_concierge_pos_employer:contains(Clinique des Monts)",
            },
            ProductScreen.clickCustomer("Salarié 1"),
            employerShown(),
            ProductScreen.clickDisplayedProduct("Réception de colis"),
            {
                content: "open the requests dialog",
                trigger: ".o_concierge_requests_button",
                run: "click",
            },
            {
                content: "take the parcel as a request",
                trigger: ".o_concierge_new_request",
                run: "click",
            },
            {
                content: "the till says the employer pays",
                trigger: ".o_notification:contains(Paid by Clinique des Monts)",
            },
            ProductScreen.orderIsEmpty(),
            // the ironing ticket of a third employee, paid by the plan:
            // scanned, the item is handed back with nothing to pay
            scan_barcode("CONCIERGE-B2B-TICKET1"),
            {
                content: "the till says the item is handed back",
                trigger:
                    ".o_notification:contains(CONCIERGE-B2B-TICKET1 handed back):contains(Paid by Clinique des Monts)",
            },
            ProductScreen.orderIsEmpty(),
        ].flat(),
});
