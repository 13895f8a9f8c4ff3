/* Copyright 2026 Concierge Suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html). */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("concierge_portal_request_tour", {
    url: "/my",
    steps: () => [
        {
            content: "The requests card of the portal home",
            trigger: "a[href='/my/requests']:has(img[src$='concierge_requests.svg'])",
            run: "click",
        },
        {
            content: "Ask for a new service",
            trigger: "a.o_concierge_request_new",
            run: "click",
        },
        {
            content: "The site and its opening hours are shown",
            trigger: ".o_concierge_sites .o_concierge_site_hours",
        },
        {
            content: "Choose the service by tapping its label",
            trigger: ".o_concierge_service label:contains(Retouche portail)",
            run: "click",
        },
        {
            trigger: "textarea#description",
            run: "edit Un pantalon à raccourcir",
        },
        {
            trigger: "button.o_concierge_request_send",
            run: "click",
        },
        {
            content: "The request page tells what comes next",
            trigger: ".o_concierge_request_next:contains(Bring your items to the desk)",
        },
        {
            trigger: ".o_concierge_request_lines td:contains(Retouche portail)",
        },
    ],
});
