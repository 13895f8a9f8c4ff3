# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
{
    "name": "Conciergerie de territoire - Company employees at the till",
    "summary": "Employees of client companies at the shop's till: recognised "
    "by their card or name, their employer's prices, the services of the "
    "company plan counted in the quota",
    "version": "18.0.1.0.0",
    "category": "Services/Conciergerie",
    "license": "AGPL-3",
    "author": "Concierge Suite contributors",
    "website": "https://github.com/concierge-suite/concierge-suite",
    "development_status": "Alpha",
    "depends": ["concierge_pos", "concierge_b2b_contracts"],
    "demo": ["demo/pos_b2b_demo.xml"],
    "assets": {
        "point_of_sale._assets_pos": ["concierge_pos_b2b/static/src/**/*"],
        "web.assets_tests": ["concierge_pos_b2b/static/tests/tours/**/*"],
    },
    "auto_install": True,
}
