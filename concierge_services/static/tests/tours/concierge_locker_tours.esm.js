/* Copyright 2026 Concierge Suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html). */
import {registry} from "@web/core/registry";

// the code the tests give (Python patches the random draw)
const CODE = "482915";

registry.category("web_tour.tours").add("concierge_locker_kiosk_tour", {
    steps: () => [
        {
            content: "The kiosk asks for the code, and shows no one's name",
            trigger:
                ".o_concierge_pickup_kiosk:not(:contains(Jeanne)) label:contains(6 digits)",
        },
        {
            content: "Type the code received",
            trigger: "input#concierge_pickup_code",
            run: `edit ${CODE.slice(0, 3)} ${CODE.slice(3)}`,
        },
        {
            trigger: ".o_concierge_pickup_form button[type=submit]",
            run: "click",
        },
        {
            content: "The compartment to open is shown, nothing else",
            trigger: ".o_concierge_pickup_opened .display-1:contains(A2)",
        },
        {
            trigger: ".o_concierge_pickup_kiosk:not(:contains(Jeanne))",
        },
        {
            content: "Ready for the next person",
            trigger: "a:contains(Another code)",
        },
    ],
});

registry.category("web_tour.tours").add("concierge_locker_dropoff_tour", {
    steps: () => [
        {
            content: "The request page offers a locker to drop the coat off",
            trigger: ".o_concierge_dropoff_form h5:contains(at any hour)",
        },
        {
            trigger: "button.o_concierge_dropoff_reserve",
            run: "click",
        },
        {
            content: "The locker and the code are shown once",
            trigger: `.o_concierge_dropoff_code:contains(A2):contains(${CODE})`,
        },
        {
            content: "Nothing more to reserve",
            trigger: "body:not(:has(.o_concierge_dropoff_form))",
        },
    ],
});
