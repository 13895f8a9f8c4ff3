# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import B2bCase


@tagged("post_install", "-at_install")
class TestSecurity(B2bCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract = cls._create_contract()
        cls.contact = cls.env["res.partner"].create(
            {"name": "DRH de la clinique", "parent_id": cls.client.id}
        )
        cls.contract.concierge_contact_id = cls.contact
        cls.portal_user = new_test_user(
            cls.env,
            login="b2b_portal_contact",
            groups="base.group_portal",
            partner_id=cls.contact.id,
        )
        other_client = cls.env["res.partner"].create(
            {"name": "Autre entreprise", "is_company": True}
        )
        cls.other_contract = cls._create_contract(
            name="Contrat d'une autre entreprise", partner_id=other_client.id
        )

    def test_concierge_reads_contracts_but_does_not_create(self):
        contracts = self.env["contract.contract"].with_user(self.concierge)
        self.assertEqual(
            contracts.browse(self.contract.id).concierge_plan_id, self.plan
        )
        with self.assertRaises(AccessError):
            contracts.create(self._contract_vals(name="Non"))
        with self.assertRaises(AccessError):
            contracts.browse(self.contract.id).write({"name": "Renommé"})

    def test_manager_creates_contracts(self):
        contract = (
            self.env["contract.contract"]
            .with_user(self.manager)
            .create(self._contract_vals(name="Par le responsable"))
        )
        self.assertEqual(len(contract.contract_line_ids), 2)
        self.assertEqual(contract.with_user(self.manager).concierge_employee_count, 3)

    def test_portal_contact_sees_own_contract_only(self):
        contracts = self.env["contract.contract"].with_user(self.portal_user)
        self.assertEqual(contracts.search([]), self.contract)
        self.assertEqual(contracts.browse(self.contract.id).name, "Contrat Clinique")
        with self.assertRaises(AccessError):
            contracts.browse(self.other_contract.id).read(["name"])
        with self.assertRaises(AccessError):
            contracts.browse(self.contract.id).write({"name": "Non"})

    def test_portal_contact_cannot_read_employees(self):
        partners = self.env["res.partner"].with_user(self.portal_user)
        with self.assertRaises(AccessError):
            partners.browse(self.employees[0].id).read(["phone", "email"])

    def test_other_company_contract_hidden(self):
        other_plan = self.env["concierge.b2b.plan"].create(
            {"name": "Ailleurs", "company_id": self.other_company.id}
        )
        hidden = self.env["contract.contract"].create(
            self._contract_vals(
                name="Ailleurs",
                company_id=self.other_company.id,
                concierge_plan_id=other_plan.id,
                concierge_site_id=self.other_site.id,
            )
        )
        visible = self.env["contract.contract"].with_user(self.concierge).search([])
        self.assertIn(self.contract, visible)
        self.assertNotIn(hidden, visible)
        band = self.env["concierge.b2b.plan.band"].create(
            {"plan_id": other_plan.id, "min_employees": 0, "fee": 10}
        )
        bands = self.env["concierge.b2b.plan.band"].with_user(self.concierge)
        self.assertNotIn(band, bands.search([]))
        self.assertEqual(
            self.env["concierge.b2b.plan"]
            .with_user(self.manager)
            .search([("id", "=", other_plan.id)]),
            self.env["concierge.b2b.plan"],
        )
