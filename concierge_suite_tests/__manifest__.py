# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
{
    "name": "Conciergerie de territoire - Suite tests",
    "summary": "Tests of the whole suite installed together (never install "
    "it on a production database)",
    "version": "18.0.1.0.0",
    "category": "Hidden/Tests",
    "license": "AGPL-3",
    "author": "Concierge Suite contributors",
    "website": "https://github.com/concierge-suite/concierge-suite",
    "development_status": "Alpha",
    "depends": [
        "concierge_base",
        "concierge_services",
        "concierge_partners",
        "concierge_b2b_contracts",
        "concierge_volunteers",
    ],
}
