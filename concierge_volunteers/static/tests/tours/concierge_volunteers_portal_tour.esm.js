/* Copyright 2026 Concierge Suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html). */
import {registry} from "@web/core/registry";

/**
 * Fails when the page is wider than the screen, or when a link, button or
 * field of the volunteer's page is smaller than a finger (44 px high).
 */
function checkPhoneLayout() {
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth) {
        throw new Error(
            `The page scrolls sideways: ${root.scrollWidth}px wide for a ${window.innerWidth}px screen`
        );
    }
    const small = [
        ...document.querySelectorAll(
            ".o_volunteer_portal a, .o_volunteer_portal button, .o_volunteer_portal input:not([type=hidden])"
        ),
    ].filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.height < 44;
    });
    if (small.length) {
        throw new Error(
            `Too small to tap: ${small.map((el) => el.outerHTML.slice(0, 80)).join(" | ")}`
        );
    }
}

registry.category("web_tour.tours").add("concierge_volunteers_portal_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open the volunteer shifts from the portal home",
            trigger: 'a[href="/my/volunteer/shifts"]',
            run: "click",
        },
        {
            content: "The open shift matching the volunteer's skills is in the agenda",
            trigger:
                '.o_volunteer_day .o_volunteer_shift_open:contains("Permanence de la visite") .o_volunteer_signup',
            run: "click",
        },
        {
            content: "The sign-up is confirmed",
            trigger: ".o_volunteer_message",
        },
        {
            content: "The shift is now marked as the volunteer's own, in its day",
            trigger:
                '.o_volunteer_day .o_volunteer_shift_mine:contains("Permanence de la visite") .o_volunteer_withdraw',
        },
        {
            content: "It is listed in 'My shifts'",
            trigger: "a.o_volunteer_nav_mine",
            run: "click",
        },
        {
            trigger:
                '.o_volunteer_my_shifts .o_volunteer_shift_mine:contains("Permanence de la visite") .o_volunteer_withdraw',
        },
    ],
});

// started by the test on the week of the first shift the volunteer may
// sign up for (no url here: it would replace the test's)
registry.category("web_tour.tours").add("concierge_volunteers_phone_tour", {
    steps: () => [
        {
            content: "The week agenda, readable on a phone",
            trigger: ".o_volunteer_day",
            run: checkPhoneLayout,
        },
        {
            content: "Sign up in one tap for the first shift still open",
            trigger: ".o_volunteer_shift_open .o_volunteer_signup:first",
            run() {
                const card = this.anchor.closest(".o_volunteer_shift");
                sessionStorage.setItem(
                    "concierge_volunteers_phone_tour",
                    card.querySelector(".o_volunteer_shift_mission").textContent.trim()
                );
                this.anchor.click();
            },
        },
        {
            content: "The sign-up is confirmed",
            trigger: ".o_volunteer_message",
        },
        {
            content: "The shift is marked as the volunteer's own",
            trigger: ".o_volunteer_shift_mine .o_volunteer_withdraw",
            run: checkPhoneLayout,
        },
        {
            content: "Add the shifts to the phone's calendar",
            trigger: "a.o_volunteer_nav_calendar",
            run: "click",
        },
        {
            trigger: "button.o_volunteer_feed_create",
            run: "click",
        },
        {
            content: "The private link is shown, with the webcal:// button",
            trigger: "a.o_volunteer_webcal[href^='webcal://']",
        },
        {
            // the test server refuses a request without its test cookie while
            // the browser runs: the test reads the feed again without any
            // cookie, as a phone's calendar does
            content: "The feed of the link shown holds the shift",
            trigger: "input.o_volunteer_feed_url",
            async run() {
                checkPhoneLayout();
                const response = await fetch(this.anchor.value);
                const type = response.headers.get("Content-Type") || "";
                const text = await response.text();
                const mission = sessionStorage.getItem("concierge_volunteers_phone_tour");
                const summaries = text
                    .replace(/\r\n[ \t]/g, "")
                    .split("\r\n")
                    .filter((line) => line.startsWith("SUMMARY:"));
                if (
                    response.status !== 200 ||
                    !type.startsWith("text/calendar") ||
                    !text.startsWith("BEGIN:VCALENDAR\r\n") ||
                    !summaries.includes(`SUMMARY:${mission.replace(/([,;\\])/g, "\\$1")}`)
                ) {
                    throw new Error(
                        `The feed misses the shift ${mission}: ${response.status} ${type} ${text}`
                    );
                }
                document.body.classList.add("o_volunteer_feed_checked");
            },
        },
        {
            trigger: "body.o_volunteer_feed_checked",
        },
        {
            content: "'My shifts' and 'My hours' fit the phone too",
            trigger: "a.o_volunteer_nav_mine",
            run: "click",
        },
        {
            trigger: ".o_volunteer_my_shifts .o_volunteer_shift_mine",
            run: checkPhoneLayout,
        },
        {
            trigger: ".o_volunteer_nav a[href='/my/volunteer/hours']",
            run: "click",
        },
        {
            trigger: ".o_volunteer_hours_total",
            run: checkPhoneLayout,
        },
    ],
});
