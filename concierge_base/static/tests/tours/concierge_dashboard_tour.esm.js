/* Copyright 2026 Concierge Suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html). */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("concierge_base_dashboard_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "Open the apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "Open the Conciergerie app",
            trigger: '.o_app[data-menu-xmlid="concierge_base.menu_concierge_root"]',
            run: "click",
        },
        {
            content: "The app opens on the Conciergerie dashboards",
            trigger:
                '.o_spreadsheet_dashboard_search_panel header:contains("Conciergerie")',
        },
        {
            content: "The funding dashboard is the one shown, under its French name",
            trigger:
                '.o_spreadsheet_dashboard_search_panel li.active[data-name="Financement et territoire"]',
        },
        {
            content: "The spreadsheet is loaded: its period and site filters are shown",
            trigger:
                ".o_spreadsheet_dashboard_action .o_filter_value_container + .o_filter_value_container .o-filter-value",
        },
        {
            content: "The sheet is drawn, with no loading error",
            trigger:
                ".o_spreadsheet_dashboard_action:not(:has(.dashboard-loading-status)) .o_renderer .o-grid canvas",
        },
    ],
});
