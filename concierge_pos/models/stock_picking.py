# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _create_move_from_pos_order_lines(self, lines):
        """Goods of a producer in consignment at the till's site leave from
        the producer's stock there (and come back to it on a refund): their
        moves take the site's consignment location and are restricted to
        the producer's quants, so that neither the shop's own stock nor
        another producer's is touched."""
        consignment = self._concierge_consignment_map(lines)
        picking = self.with_context(concierge_consignment=consignment)
        res = super(StockPicking, picking)._create_move_from_pos_order_lines(lines)
        self._concierge_consignment_owner(consignment)
        return res

    def _prepare_stock_move_vals(self, first_line, order_lines):
        vals = super()._prepare_stock_move_vals(first_line, order_lines)
        consignment = self.env.context.get("concierge_consignment") or {}
        if first_line.product_id.id in consignment:
            location_id, producer_id = consignment[first_line.product_id.id]
            # POS makes one picking of the sales and one of the refunds.
            field = "location_id" if first_line.qty > 0 else "location_dest_id"
            vals.update({field: location_id, "restrict_partner_id": producer_id})
        return vals

    def _concierge_consignment_map(self, lines):
        """{product id: (consignment location id, producer id)} for the
        consignment goods among till order lines ``lines``: the products of
        a producer whose consignment agreement is valid on the order's date,
        at the till's site (else the agreement's site). A few queries,
        whatever the number of lines."""
        Line = self.env["concierge.commission.line"].sudo()
        # read the lines together, whatever recordset they come from
        lines = lines.with_prefetch().filtered(
            lambda line: line.product_id.product_tmpl_id.concierge_provider_id
        )
        if not lines:
            return {}
        rules = Line._pos_rules(lines)
        consignment = {}
        for line in lines:
            rule = rules.get(line.id)
            agreement = rule.agreement_id if rule else None
            if not agreement or agreement.commission_model != "consignment":
                continue
            site = (
                line.order_id.config_id.concierge_site_id
                or agreement.consignment_site_id
            )
            if site and line.product_id.id not in consignment:
                consignment[line.product_id.id] = (
                    site._concierge_consignment_location().id,
                    agreement.provider_id.id,
                )
        return consignment

    def _concierge_consignment_owner(self, consignment):
        """The move lines of consignment goods belong to the producer: the
        reserved ones already do; the others (a refund coming back, a sale
        beyond the stock) get the producer as owner, one write per
        producer."""
        by_producer = {}
        for product_id, (_location_id, producer_id) in consignment.items():
            by_producer.setdefault(producer_id, set()).add(product_id)
        for producer_id, product_ids in by_producer.items():
            self.move_line_ids.filtered(
                lambda ml, p=product_ids, o=producer_id: (
                    ml.product_id.id in p and ml.owner_id.id != o
                )
            ).write({"owner_id": producer_id})
        return True
