# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    concierge_custody_alert_days = fields.Integer(
        string="Custody alert after (days)",
        default=30,
        help="Items held at the desk or at a provider for longer than this "
        "appear in the report of items held too long, and the site's manager "
        "gets an activity to call the beneficiary.",
    )
    concierge_pickup_code_hours = fields.Integer(
        string="Pick-up code valid for (hours)",
        default=72,
        help="After this delay an unused locker pick-up code expires: the "
        "items come back to the desk and the compartment is free.",
    )
    concierge_pickup_reminder_hours = fields.Integer(
        string="Reminder before expiry (hours)",
        default=24,
        help="This many hours before a pick-up code expires, the beneficiary "
        "whose items still wait in the locker gets a reminder (0: none).",
    )
    concierge_pickup_sms = fields.Boolean(
        string="Send pick-up codes by SMS",
        help="Besides the e-mail, send the locker pick-up code by SMS "
        "(Odoo's SMS service, with credits) to the beneficiary's mobile.",
    )
    concierge_custody_product_id = fields.Many2one(
        "product.product",
        string="Custody product",
        readonly=True,
        copy=False,
        ondelete="restrict",
        help="Product of the stock moves of the items left at the desks of "
        "this company, created the first time an item is taken into custody.",
    )

    @api.constrains("concierge_pickup_code_hours")
    def _check_concierge_pickup_code_hours(self):
        for company in self:
            if company.concierge_pickup_code_hours <= 0:
                raise ValidationError(
                    self.env._(
                        "A pick-up code must stay valid one hour or more: type "
                        "a number of hours greater than zero."
                    )
                )

    @api.constrains("concierge_pickup_reminder_hours")
    def _check_concierge_pickup_reminder_hours(self):
        for company in self:
            if company.concierge_pickup_reminder_hours < 0:
                raise ValidationError(
                    self.env._(
                        "The reminder comes a number of hours before the code "
                        "expires: type 0 (no reminder) or more."
                    )
                )

    @api.constrains("concierge_custody_alert_days")
    def _check_concierge_custody_alert_days(self):
        for company in self:
            if company.concierge_custody_alert_days <= 0:
                raise ValidationError(
                    self.env._(
                        "The custody alert must come after one day or more: "
                        "type a number of days greater than zero."
                    )
                )

    # ------------------------------------------------------------------
    # custody product, created on demand
    # ------------------------------------------------------------------
    def _concierge_custody_product_texts(self, lang):
        """Name and description of the custody product in ``lang``."""
        env = self.with_context(lang=lang).env
        return {
            "name": env._("Item in custody"),
            "description": env._(
                "A beneficiary's item held by the conciergerie (at the desk or "
                "at a provider). The beneficiary stays its owner."
            ),
        }

    def _concierge_prepare_custody_product_vals(self):
        self.ensure_one()
        return {
            **self._concierge_custody_product_texts("en_US"),
            "type": "consu",
            "is_storable": True,
            "sale_ok": False,
            "purchase_ok": False,
            "list_price": 0.0,
            "standard_price": 0.0,
            "company_id": self.id,
        }

    def _concierge_custody_product_translations(self):
        """Translations of the custody product in the active languages, as
        :meth:`update_field_translations` takes them: {lang: text} for the
        name, {lang: {source term: text}} for the (HTML) description."""
        source = self._concierge_custody_product_texts("en_US")
        translations = {"name": {}, "description": {}}
        for lang, _label in self.env["res.lang"].get_installed():
            texts = self._concierge_custody_product_texts(lang)
            translations["name"][lang] = texts["name"]
            translations["description"][lang] = {
                source["description"]: texts["description"]
            }
        return translations

    def _concierge_ensure_custody_product(self):
        """Create the custody product of the companies lacking one."""
        missing = self.filtered(lambda c: not c.concierge_custody_product_id)
        if not missing:
            return True
        Product = self.env["product.product"].sudo().with_context(lang="en_US")
        products = Product.create(
            [company._concierge_prepare_custody_product_vals() for company in missing]
        )
        translations = self._concierge_custody_product_translations()
        for company, product in zip(missing, products, strict=True):
            for field, values in translations.items():
                product.product_tmpl_id.update_field_translations(field, values)
            company.sudo().concierge_custody_product_id = product
        return True

    def _concierge_custody_product(self):
        """The product of this company's items in custody (created if needed)."""
        self.ensure_one()
        self._concierge_ensure_custody_product()
        return self.concierge_custody_product_id
