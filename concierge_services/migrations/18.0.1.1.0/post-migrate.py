# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""18.0.1.1.0: the custody product shared by all companies through an XML id
becomes the custody product of the companies that use it."""

from odoo import SUPERUSER_ID, api

# XML ids of the custody product shared by all companies up to 18.0.1.0.0
LEGACY_CUSTODY_XMLIDS = (
    "product_custody_item",
    "product_custody_item_product_template",
)


def _pop_legacy_product(env):
    """The former shared custody product (empty when there is none); its XML
    ids are removed, so that uninstalling the module keeps the product."""
    xmlids = (
        env["ir.model.data"]
        .sudo()
        .search(
            [
                ("module", "=", "concierge_services"),
                ("name", "in", LEGACY_CUSTODY_XMLIDS),
            ]
        )
    )
    product_ids = xmlids.filtered(lambda d: d.model == "product.product").mapped(
        "res_id"
    )
    product = (
        env["product.product"]
        .sudo()
        .with_context(active_test=False)
        .browse(product_ids)
        .exists()
    )
    xmlids.unlink()
    return product


def _companies_using(env, product):
    """The companies whose stock moves use ``product``."""
    groups = (
        env["stock.move"]
        .sudo()
        ._read_group([("product_id", "=", product.id)], ["company_id"])
    )
    return env["res.company"].browse([company.id for (company,) in groups])


def adopt_legacy_custody_product(env):
    """Keep the former shared custody product as the companies' product.

    The companies whose custody moves use it adopt it (and it becomes the
    product of that company when only one does, of the current company
    when none does), so the existing stock moves and quants stay valid.
    Its XML ids are removed: uninstalling the module keeps the product.
    Return the adopted product (empty when there was none).
    """
    product = _pop_legacy_product(env)
    if not product:
        return product
    companies = _companies_using(env, product)
    if len(companies) <= 1:
        companies = companies or env.company
        product.company_id = companies
    companies.filtered(lambda c: not c.concierge_custody_product_id).sudo().write(
        {"concierge_custody_product_id": product.id}
    )
    return product


def migrate(cr, version):
    """The shared XML custody product becomes the companies' custody product."""
    if not version:
        return
    adopt_legacy_custody_product(api.Environment(cr, SUPERUSER_ID, {}))
