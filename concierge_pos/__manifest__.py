# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
{
    "name": "Conciergerie de territoire - Point of Sale",
    "summary": "The conciergerie's shop till: a till per site, consignment "
    "goods sold from the producer's stock, commissions from the till's sales",
    "version": "18.0.1.0.0",
    "category": "Services/Conciergerie",
    "license": "AGPL-3",
    "author": "Concierge Suite contributors",
    "website": "https://github.com/concierge-suite/concierge-suite",
    "development_status": "Alpha",
    "depends": ["concierge_partners", "point_of_sale", "pos_sale"],
    "data": [
        "views/pos_config_views.xml",
        "views/concierge_site_views.xml",
        "views/concierge_commission_line_views.xml",
    ],
    "demo": ["demo/pos_demo.xml"],
    "assets": {
        "point_of_sale._assets_pos": ["concierge_pos/static/src/**/*"],
        "web.assets_tests": ["concierge_pos/static/tests/tours/**/*"],
    },
    "uninstall_hook": "uninstall_hook",
}
