# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
{
    "name": "Conciergerie de territoire - Base",
    "summary": "Sites, beneficiaries and the economic model of a conciergerie",
    "version": "18.0.1.1.0",
    "category": "Services/Conciergerie",
    "license": "AGPL-3",
    "author": "Concierge Suite contributors",
    "website": "https://github.com/concierge-suite/concierge-suite",
    "development_status": "Alpha",
    "depends": ["mail", "contacts", "account", "phone_validation", "portal"],
    "external_dependencies": {"python": ["phonenumbers", "xlsxwriter"]},
    "data": [
        "security/concierge_base_security.xml",
        "security/ir.model.access.csv",
        "data/concierge_indicator_data.xml",
        "data/ir_cron_data.xml",
        "data/concierge_funding_data.xml",
        "views/concierge_site_views.xml",
        "views/concierge_indicator_views.xml",
        "views/res_partner_views.xml",
        "views/concierge_funding_agreement_views.xml",
        "wizards/concierge_funding_mix_views.xml",
        "views/concierge_test_phase_views.xml",
        "report/concierge_test_phase_report.xml",
        "views/res_config_settings_views.xml",
        "wizards/concierge_indicator_recompute_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/concierge_site_demo.xml",
        "demo/res_partner_demo.xml",
        "demo/concierge_funding_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "concierge_base/static/tests/tours/*.js",
        ],
    },
    "post_init_hook": "post_init_hook",
    "application": True,
}
