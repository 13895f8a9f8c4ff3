# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
{
    "name": "Conciergerie de territoire - Local providers",
    "summary": "Local providers of a conciergerie and the commissions they pay",
    "version": "18.0.2.0.0",
    "category": "Services/Conciergerie",
    "license": "AGPL-3",
    "author": "Concierge Suite contributors",
    "website": "https://github.com/concierge-suite/concierge-suite",
    "development_status": "Alpha",
    "depends": ["concierge_services"],
    "external_dependencies": {"python": ["python-stdnum", "requests", "xlsxwriter"]},
    "data": [
        "security/concierge_partners_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/product_data.xml",
        "data/concierge_indicator_data.xml",
        "report/concierge_commission_statement.xml",
        "views/res_partner_views.xml",
        "views/concierge_commission_agreement_views.xml",
        "views/concierge_commission_line_views.xml",
        "views/concierge_commission_settlement_views.xml",
        "views/stock_quant_views.xml",
        "views/account_move_views.xml",
        "views/wizard_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/res_partner_demo.xml",
        "demo/concierge_commission_demo.xml",
    ],
}
