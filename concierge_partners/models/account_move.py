# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models
from odoo.exceptions import UserError


class AccountMove(models.Model):
    _inherit = "account.move"

    concierge_site_id = fields.Many2one(
        "concierge.site",
        string="Sold at site",
        index="btree_not_null",
        check_company=True,
        help="Conciergerie site where the sale was made (a shop selling "
        "consignment goods, for instance): its commissions count for this site.",
    )
    concierge_commission_line_ids = fields.One2many(
        "concierge.commission.line",
        "move_id",
        string="Commission lines",
        readonly=True,
    )
    concierge_settlement_ids = fields.One2many(
        "concierge.commission.settlement",
        "move_id",
        string="Commission settlements",
        readonly=True,
    )

    def _post(self, soft=True):
        self._concierge_book_agent_sales()
        self._concierge_site_analytic()
        return super()._post(soft=soft)

    def _concierge_site_analytic(self):
        """Lines of customer invoices sold at a site that carry no analytic
        distribution get the site's, so that the sale counts for its site in
        the funding mix (an accountant's distribution is kept). One write
        per site."""
        by_site = {}
        for move in self.filtered(
            lambda m: (
                m.concierge_site_id and m.move_type in ("out_invoice", "out_refund")
            )
        ):
            by_site.setdefault(move.concierge_site_id, self.env["account.move.line"])
            by_site[move.concierge_site_id] |= move.invoice_line_ids.filtered(
                lambda line: (
                    line.display_type == "product" and not line.analytic_distribution
                )
            )
        for site, lines in by_site.items():
            distribution = site._concierge_analytic_distribution()
            if lines and distribution:
                lines.analytic_distribution = distribution

    def _concierge_book_agent_sales(self):
        """Lines of customer invoices sold in a provider's name (an agent
        agreement valid on the invoice date) go to the company's third-party
        account (467), not to revenue; lines that left such an agreement go
        back to their income account. Such lines carry no VAT of the
        conciergerie: the sale is the provider's."""
        Line = self.env["concierge.commission.line"]
        move_lines = Line._eligible_move_lines(self)
        if not move_lines:
            return
        rules = Line._find_rules(move_lines)
        agent = self.env["account.move.line"]
        for aml in move_lines:
            rule = rules.get(aml.id)
            if rule and rule.agreement_id._is_agent():
                agent |= aml
        for aml in agent:
            if aml.tax_ids:
                raise UserError(
                    self.env._(
                        "%(product)s is sold in the name of %(provider)s "
                        "(agreement %(agreement)s): the conciergerie charges no "
                        "VAT of its own on it, the provider does. Remove the "
                        "taxes of that line of %(invoice)s, or sell it in the "
                        "conciergerie's own name on the agreement.",
                        product=aml.product_id.display_name,
                        provider=rules[aml.id].agreement_id.provider_id.display_name,
                        agreement=rules[aml.id].agreement_id.name,
                        invoice=aml.move_id.display_name,
                    )
                )
        for company, lines in agent.grouped("company_id").items():
            account = company._concierge_third_party_account()
            lines.filtered(lambda line, a=account: line.account_id != a).write(
                {"account_id": account.id}
            )
        back = (move_lines - agent).filtered(
            lambda line: (
                line.account_id == line.company_id.concierge_third_party_account_id
            )
        )
        if back:
            back._compute_account_id()

    def write(self, vals):
        res = super().write(vals)
        if "state" in vals:
            invoices = self.filtered(
                lambda m: m.move_type in ("out_invoice", "out_refund")
            )
            if invoices:
                self.env["concierge.commission.line"]._sync_moves(invoices)
        return res

    def _concierge_after_payment(self, date):
        """A payment was reconciled or unreconciled: commissions on a paid
        basis follow, settlements follow their document's payment."""
        invoices = self.filtered(
            lambda m: (
                m.move_type in ("out_invoice", "out_refund") and m.state == "posted"
            )
        )
        if invoices:
            self.env["concierge.commission.line"]._sync_moves(invoices, date=date)
        settlements = self.concierge_settlement_ids
        if settlements:
            settlements._sync_payment_state()
