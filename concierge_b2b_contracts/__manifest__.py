# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
{
    "name": "Conciergerie de territoire - Company subscriptions",
    "summary": "Plans and contracts of companies subscribing for their staff",
    "version": "18.0.1.2.0",
    "category": "Services/Conciergerie",
    "license": "AGPL-3",
    "author": "Concierge Suite contributors",
    "website": "https://github.com/concierge-suite/concierge-suite",
    "development_status": "Alpha",
    "depends": ["concierge_services", "crm", "sale_crm", "contract"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/concierge_b2b_contracts_security.xml",
        "security/ir.model.access.csv",
        "data/product_data.xml",
        "data/crm_data.xml",
        "data/concierge_indicator_data.xml",
        "views/concierge_b2b_plan_views.xml",
        "views/contract_contract_views.xml",
        "views/crm_lead_views.xml",
        "views/sale_order_views.xml",
        "views/concierge_service_request_views.xml",
        "views/contract_portal_templates.xml",
        "report/employer_report.xml",
        "wizards/concierge_b2b_employer_report_wizard_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/concierge_b2b_plan_demo.xml",
        "demo/contract_demo.xml",
    ],
}
