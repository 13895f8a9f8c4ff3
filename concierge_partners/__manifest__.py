# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
{
    "name": "Conciergerie de territoire - Local providers",
    "summary": "Local providers of a conciergerie and the commissions they pay",
    "version": "18.0.1.0.0",
    "category": "Services/Conciergerie",
    "license": "AGPL-3",
    "author": "Concierge Suite contributors",
    "website": "https://github.com/concierge-suite/concierge-suite",
    "development_status": "Alpha",
    "depends": ["concierge_services"],
    "external_dependencies": {"python": ["python-stdnum"]},
    "data": [
        "views/res_partner_views.xml",
        "views/menus.xml",
    ],
    "demo": ["demo/res_partner_demo.xml"],
}
