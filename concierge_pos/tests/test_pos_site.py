# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.tests import tagged

from .common import PosCase


@tagged("post_install", "-at_install")
class TestPosSite(PosCase):
    def test_catalogue_by_service_category(self):
        self.assertTrue(self.config.action_concierge_load_catalogue())
        pos_categories = self.config.iface_available_categ_ids
        self.assertTrue(self.config.limit_categories)
        self.assertIn(self.category.pos_category_id, pos_categories)
        self.assertIn(self.other_category.pos_category_id, pos_categories)
        self.assertEqual(self.category.pos_category_id.name, self.category.name)
        self.assertIn(self.category.pos_category_id, self.product.pos_categ_ids)
        self.assertIn(self.category.pos_category_id, self.honey.pos_categ_ids)
        self.assertTrue(self.product_b.available_in_pos)
        self.assertIn(self.other_category.pos_category_id, self.product_b.pos_categ_ids)
        # Again: the same categories, none created twice.
        count = self.env["pos.category"].search_count([])
        self.config.action_concierge_load_catalogue()
        self.assertEqual(self.env["pos.category"].search_count([]), count)
        self.assertEqual(self.config.iface_available_categ_ids, pos_categories)

    def test_site_tills(self):
        self.assertEqual(self.site.concierge_pos_config_ids, self.config)
        self.assertEqual(self.site.concierge_pos_config_count, 1)
        action = self.site.action_view_pos_configs()
        self.assertEqual(action["domain"], [("concierge_site_id", "=", self.site.id)])

    def test_session_sales_count_for_the_site(self):
        """The closing entry's sales lines carry the site's analytic
        account: the till's sales are the site's in the funding mix."""
        self.assertTrue(self.site.analytic_account_id)
        self._receive(5)
        session = self._open_session()
        self._sell(session, [(self.honey, 2), (self.no_provider, 1)])
        self._close(session)
        sales = session.move_id.line_ids.filtered(
            lambda line: line.account_id.internal_group == "income"
        )
        self.assertTrue(sales)
        self.assertEqual(
            set(map(str, sales.mapped("analytic_distribution"))),
            {str({str(self.site.analytic_account_id.id): 100.0})},
        )
