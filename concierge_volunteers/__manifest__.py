# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
{
    "name": "Conciergerie de territoire - Volunteers",
    "summary": "Volunteers of a conciergerie: skills, missions, shifts",
    "version": "18.0.1.0.0",
    "category": "Services/Conciergerie",
    "license": "AGPL-3",
    "author": "Concierge Suite contributors",
    "website": "https://github.com/concierge-suite/concierge-suite",
    "development_status": "Alpha",
    "depends": ["concierge_services"],
    "data": [
        "security/ir.model.access.csv",
        "views/concierge_volunteer_skill_views.xml",
        "views/res_partner_views.xml",
        "views/menus.xml",
    ],
    "demo": ["demo/volunteer_demo.xml"],
}
