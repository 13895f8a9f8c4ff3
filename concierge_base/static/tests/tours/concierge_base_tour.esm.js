/* Copyright 2026 Concierge Suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html). */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("concierge_base_beneficiary_tour", {
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
            content: "Open the Desk menu",
            trigger: '.o_menu_sections [data-menu-xmlid="concierge_base.menu_concierge_desk"]',
            run: "click",
        },
        {
            content: "Open the sites overview",
            trigger: '.o-dropdown-item[data-menu-xmlid="concierge_base.menu_concierge_overview"]',
            run: "click",
        },
        {
            content: "The sites overview shows the tour's site",
            trigger: '.o_kanban_record:contains("Site de la visite guidée")',
        },
        {
            content: "Open the People menu",
            trigger: '.o_menu_sections [data-menu-xmlid="concierge_base.menu_concierge_people"]',
            run: "click",
        },
        {
            content: "Open the beneficiaries",
            trigger: '.o-dropdown-item[data-menu-xmlid="concierge_base.menu_concierge_beneficiary"]',
            run: "click",
        },
        {
            content: "Create a beneficiary",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=name] input",
            run: "edit Lucienne Tour",
        },
        {
            trigger: ".o_field_widget[name=phone] input",
            run: "edit 04 78 45 00 99",
        },
        {
            content: "Open the Conciergerie tab",
            trigger: '.o_notebook_headers a:contains("Conciergerie")',
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=concierge_site_id] input",
            run: "edit Site de la visite",
        },
        {
            trigger: '.o-autocomplete--dropdown-item:contains("Site de la visite guidée")',
            run: "click",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The phone is stored in E.164 format",
            trigger: '.o_form_saved .o_field_widget[name=phone] input:value("+33478450099")',
        },
    ],
});
