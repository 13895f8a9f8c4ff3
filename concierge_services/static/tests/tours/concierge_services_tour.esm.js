/* Copyright 2026 Concierge Suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html). */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("concierge_services_desk_tour", {
    url: "/odoo/action-concierge_services.action_concierge_service_request",
    steps: () => [
        {
            content: "Take a new request at the desk",
            trigger: ".o-kanban-button-new",
            run: "click",
        },
        {
            content: "Choose the beneficiary",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit Bénéficiaire Visite",
        },
        {
            trigger: '.o-autocomplete--dropdown-item:contains("Bénéficiaire Visite")',
            run: "click",
        },
        {
            content: "The site comes from the beneficiary",
            trigger: '.o_field_widget[name=site_id] input:value("Comptoir de la visite")',
        },
        {
            content: "Add a service",
            trigger: ".o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".o_data_row .o_field_widget[name=product_id] input",
            run: "edit Retouche visite",
        },
        {
            trigger: '.o-autocomplete--dropdown-item:contains("Retouche visite")',
            run: "click",
        },
        {
            content: "Confirm the request: the item is taken into custody",
            trigger: ".o_form_view button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The request is confirmed",
            trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="confirmed"]',
        },
        {
            content: "Send the item to the provider",
            trigger: ".o_form_view button[name=action_send_to_provider]",
            run: "click",
        },
        {
            content: "The request is in progress",
            trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="in_progress"]',
        },
        {
            content: "The item is back: the request is ready",
            trigger: ".o_form_view button[name=action_ready]",
            run: "click",
        },
        {
            trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="ready"]',
        },
        {
            content: "Hand the item back to the beneficiary",
            trigger: ".o_form_view button[name=action_hand_back]",
            run: "click",
        },
        {
            content: "The request is done",
            trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="done"]',
        },
    ],
});
