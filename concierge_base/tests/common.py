# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from contextlib import contextmanager

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


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


class ConciergeCommon(BaseCommon):
    """The test base of the suite: Odoo's ``BaseCommon``, with
    ``assertRaisesRegex`` as safe as Odoo's ``assertRaises``.

    Odoo 18's ``TransactionCase.assertRaises`` runs the failing call in a
    savepoint rolled back on the error; unittest's ``assertRaisesRegex``,
    which Odoo does not override, leaves what the call wrote before raising
    in the test's transaction. Here it goes through ``assertRaises``, then
    checks the message."""

    @classmethod
    def default_env_context(cls):
        # Of BaseCommon's DISABLED_MAIL_CONTEXT, the suite's tests switch the
        # tracking off only: they read the chatter (creation logs, followers,
        # tracked values switched back on with tracking_disable=False).
        return {"tracking_disable": True}

    @classmethod
    def setup_main_company(cls, currency_code=None):
        """BaseCommon puts the main company in dollars: the suite's tests
        keep its own currency (the prices they assert are in it)."""

    def assertRaisesRegex(self, expected_exception, expected_regex, *args, **kwargs):
        msg = kwargs.pop("msg", None)
        if not args:
            return self._assertRaisesRegex(expected_exception, expected_regex, msg)
        func, *args = args
        with self._assertRaisesRegex(expected_exception, expected_regex, msg):
            func(*args, **kwargs)
        return None

    @contextmanager
    def _assertRaisesRegex(self, expected_exception, expected_regex, msg=None):
        with self.assertRaises(expected_exception, msg=msg) as catcher:
            yield catcher
        self.assertRegex(str(catcher.exception), expected_regex, msg=msg)


class ConciergeCase(ConciergeCommon):
    """Sites, companies and users shared by the suite's tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
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
