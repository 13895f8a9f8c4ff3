# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
{
    "name": "Conciergerie de territoire - Volunteers",
    "summary": "Volunteers of a conciergerie: missions, shifts, sign-up, "
    "attendance, valuation of volunteer time and rounds",
    "version": "18.0.1.6.0",
    "category": "Services/Conciergerie",
    "license": "AGPL-3",
    "author": "Concierge Suite contributors",
    "website": "https://github.com/concierge-suite/concierge-suite",
    "development_status": "Alpha",
    "depends": ["concierge_services"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/concierge_volunteers_security.xml",
        "security/ir.model.access.csv",
        "data/concierge_indicator_data.xml",
        "data/spreadsheet_dashboard_data.xml",
        "views/concierge_volunteer_skill_views.xml",
        "views/res_partner_views.xml",
        "views/concierge_volunteer_mission_views.xml",
        "views/concierge_volunteer_shift_views.xml",
        "views/concierge_service_request_views.xml",
        "views/concierge_volunteer_attendance_views.xml",
        "views/concierge_volunteer_valuation_views.xml",
        "views/concierge_volunteer_wizard_views.xml",
        "views/concierge_vehicle_views.xml",
        "views/concierge_round_views.xml",
        "report/round_sheet.xml",
        "report/commune_report.xml",
        "views/res_config_settings_views.xml",
        "views/portal_templates.xml",
        "views/round_portal_templates.xml",
        "views/menus.xml",
        "views/concierge_round_commune_report_views.xml",
    ],
    "demo": [
        "demo/volunteer_demo.xml",
        "demo/volunteer_shift_demo.xml",
        "demo/round_demo.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "concierge_volunteers/static/src/js/round_signature.js",
            "concierge_volunteers/static/src/scss/round_portal.scss",
            "concierge_volunteers/static/src/scss/volunteer_portal.scss",
        ],
        "web.assets_tests": [
            "concierge_volunteers/static/tests/tours/*.js",
        ],
    },
    "post_init_hook": "post_init_hook",
}
