/* Copyright 2026 Concierge Suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html). */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("concierge_volunteers_portal_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open the volunteer shifts from the portal home",
            trigger: 'a[href="/my/volunteer/shifts"]',
            run: "click",
        },
        {
            content: "The open shift matching the volunteer's skills is listed",
            trigger:
                '.o_volunteer_open_shifts tr:contains("Permanence de la visite") .o_volunteer_signup',
            run: "click",
        },
        {
            content: "The sign-up is confirmed",
            trigger: ".o_volunteer_message",
        },
        {
            content: "The shift is in the volunteer's upcoming shifts",
            trigger:
                '.o_volunteer_my_shifts tr:contains("Permanence de la visite") .o_volunteer_withdraw',
        },
    ],
});
