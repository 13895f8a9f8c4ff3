# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from contextlib import contextmanager

from odoo import Command
from odoo.tests import TransactionCase, new_test_user


class QueryCountMixin:
    """``_count(method, *args)``: the queries ``method(*args)`` runs, the
    caches emptied and the pending writes flushed before and after."""

    def _count(self, method, *args):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        method(*args)
        self.env.flush_all()
        return self.cr.sql_log_count - before


class RollbackRaisesMixin:
    """``assertRaisesRegex`` as a context manager that rolls the failed
    operation back, like Odoo's ``assertRaises`` (unittest's does not)."""

    @contextmanager
    def _raises_regex(self, exception, regex):
        with self.assertRaises(exception) as catcher:
            yield catcher
        self.assertRegex(str(catcher.exception), regex)

    def assertRaisesRegex(self, exception, regex, *args, **kwargs):
        if args or kwargs:
            return super().assertRaisesRegex(exception, regex, *args, **kwargs)
        return self._raises_regex(exception, regex)


class ConciergeCase(TransactionCase):
    """Sites, companies and users shared by the suite's tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.other_company = cls.env["res.company"].create(
            {"name": "Autre conciergerie"}
        )
        cls.site = cls.env["concierge.site"].create(
            {
                "name": "Épicerie de test",
                "code": "TST",
                "site_type": "shop",
                "insee_code": "69255",
                "company_id": cls.company.id,
                "opening_ids": [
                    Command.create({"dayofweek": "1", "hour_from": 9, "hour_to": 12}),
                    Command.create({"dayofweek": "4", "hour_from": 14, "hour_to": 19}),
                ],
            }
        )
        cls.other_site = cls.env["concierge.site"].create(
            {
                "name": "Site d'une autre société",
                "site_type": "locker",
                "company_id": cls.other_company.id,
            }
        )
        cls.employer = cls.env["res.partner"].create(
            {"name": "Entreprise cliente", "is_company": True}
        )
        cls.concierge = new_test_user(
            cls.env,
            login="concierge_test",
            groups="concierge_base.group_concierge_user",
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.manager = new_test_user(
            cls.env,
            login="concierge_manager_test",
            groups="concierge_base.group_concierge_manager",
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.salesman = new_test_user(
            cls.env, login="concierge_plain_employee", groups="base.group_user"
        )


class FrenchCompanyMixin:
    """A French association on Odoo's French chart of accounts (plan
    comptable général), in euros, for the tests that read journal items."""

    @classmethod
    def _french_company(cls, name="Conciergerie de test (France)"):
        company = cls.env["res.company"].create(
            {
                "name": name,
                "country_id": cls.env.ref("base.fr").id,
                "street": "5 place de l'Église",
                "zip": "69670",
                "city": "Vaugneray",
            }
        )
        cls.env.user.company_ids = [Command.link(company.id)]
        cls.env["account.chart.template"].try_loading("fr", company, install_demo=False)
        return company
