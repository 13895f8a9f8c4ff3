# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date

from odoo.addons.concierge_base.tests.common import ConciergeCase


class B2bCase(ConciergeCase):
    """A plan, a client company with three employees, helpers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.env["concierge.b2b.plan"].create(
            {
                "name": "Essentiel test",
                "fixed_fee": 300.0,
                "fee_per_employee": 5.0,
                "included_requests": 2,
                "overage_price": 12.0,
            }
        )
        cls.client = cls.env["res.partner"].create(
            {
                "name": "Clinique des Monts",
                "is_company": True,
                "concierge_beneficiary_type": "company",
            }
        )
        cls.employees = cls.env["res.partner"].create(
            [
                {
                    "name": f"Salarié {index}",
                    "concierge_beneficiary_type": "employee",
                    "concierge_employer_id": cls.client.id,
                    "phone": f"06 12 34 56 7{index}",
                    "street": f"{index} rue des Lilas",
                    "email": f"salarie{index}@example.com",
                }
                for index in range(3)
            ]
        )

    @classmethod
    def _contract_vals(cls, **values):
        vals = {
            "name": "Contrat Clinique",
            "partner_id": cls.client.id,
            "concierge_plan_id": cls.plan.id,
            "concierge_site_id": cls.site.id,
            "line_recurrence": False,
            "recurring_rule_type": "monthlylastday",
            "recurring_invoicing_type": "pre-paid",
            "date_start": date(2026, 1, 1),
        }
        vals.update(values)
        return vals

    @classmethod
    def _create_contract(cls, **values):
        return cls.env["contract.contract"].create(cls._contract_vals(**values))

    def _invoices(self, contracts):
        return self.env["account.move"].search(
            [("concierge_b2b_contract_id", "in", contracts.ids)], order="id"
        )

    @staticmethod
    def _fee_line(invoice, kind):
        return invoice.invoice_line_ids.filtered(
            lambda line: line.contract_line_id.concierge_b2b_kind == kind
        )

    @classmethod
    def _add_employees(cls, count):
        return cls.env["res.partner"].create(
            [
                {
                    "name": f"Nouveau salarié {index}",
                    "concierge_employer_id": cls.client.id,
                }
                for index in range(count)
            ]
        )

    @classmethod
    def _category_and_service(cls, category, code, service, price):
        """A service category and a service product of it, for requests."""
        categ = cls.env["concierge.service.category"].create(
            {"name": category, "code": code}
        )
        product = cls.env["product.product"].create(
            {
                "name": service,
                "type": "service",
                "list_price": price,
                "concierge_category_id": categ.id,
            }
        )
        return categ, product
