# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
{
    "name": "Conciergerie de territoire - Services",
    "summary": "Service catalogue and requests of a conciergerie",
    "version": "18.0.1.3.0",
    "category": "Services/Conciergerie",
    "license": "AGPL-3",
    "author": "Concierge Suite contributors",
    "website": "https://github.com/concierge-suite/concierge-suite",
    "development_status": "Alpha",
    "depends": ["concierge_base", "sale_management", "stock", "sms"],
    "data": [
        "security/ir.model.access.csv",
        "security/concierge_services_security.xml",
        "data/ir_sequence_data.xml",
        "data/concierge_custody_data.xml",
        "data/mail_data.xml",
        "data/concierge_indicator_data.xml",
        "data/spreadsheet_dashboard_data.xml",
        "views/concierge_service_category_views.xml",
        "views/concierge_service_request_views.xml",
        "views/concierge_custody_item_views.xml",
        "views/concierge_site_views.xml",
        "views/product_template_views.xml",
        "views/portal_templates.xml",
        "views/concierge_locker_views.xml",
        "views/pickup_kiosk_templates.xml",
        "report/concierge_custody_ticket.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/concierge_service_category_demo.xml",
        "demo/product_demo.xml",
        "demo/concierge_service_request_demo.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "concierge_services/static/src/scss/portal.scss",
        ],
        "web.assets_tests": [
            "concierge_services/static/tests/tours/*.js",
        ],
    },
}
