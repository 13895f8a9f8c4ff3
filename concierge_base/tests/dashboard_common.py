# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import json
import re

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tools.safe_eval import safe_eval

DATA_SOURCE = re.compile(r"(PIVOT(?:\.VALUE|\.HEADER)?|ODOO\.LIST(?:\.HEADER)?)\((\d+)")
MENU_LINK = re.compile(r"odoo://ir_menu_xml_id/([\w.]+)\)")


class DashboardCheckMixin:
    """Checks that a spreadsheet dashboard of the suite reads what it says:
    each pivot and list names a model and fields that exist (stored or
    groupable where they are grouped, aggregated or sorted), its domain
    runs, each global filter points at a field of the right type, and
    every formula refers to a pivot or a list of the file. Renaming a field
    the dashboard uses makes these checks fail."""

    def _dashboard_data(self, xmlid):
        dashboard = self.env.ref(xmlid)
        self.assertTrue(dashboard.is_published)
        self.assertEqual(
            dashboard.dashboard_group_id,
            self.env.ref("concierge_base.spreadsheet_dashboard_group_concierge"),
        )
        return json.loads(dashboard.spreadsheet_data)

    def _dashboard_domain(self, model, domain):
        if isinstance(domain, str):
            domain = safe_eval(
                domain,
                {
                    "context_today": lambda: fields.Date.context_today(model),
                    "relativedelta": relativedelta,
                },
            )
        model.search_count(domain)
        return domain

    def _field(self, model, chain):
        """The last field of a dotted ``chain`` from ``model``."""
        field = None
        for name in chain.split("."):
            self.assertIn(name, model._fields, f"{model._name} has no field {name}")
            field = model._fields[name]
            if field.relational:
                model = self.env[field.comodel_name]
        return field

    def _check_matching(self, model, matching, filters):
        for filter_id, match in matching.items():
            self.assertIn(filter_id, filters)
            if not match.get("chain"):
                continue
            field = self._field(model, match["chain"])
            expected = filters[filter_id]
            if expected["type"] == "date":
                self.assertIn(field.type, ("date", "datetime"))
                self.assertEqual(match["type"], field.type)
            else:
                self.assertIn(field.type, ("many2one", "many2many"))
                self.assertEqual(field.comodel_name, expected["modelName"])

    def _check_site_filter(self, model, source, filters):
        """A source of a model with a site follows the site filter, unless it
        is a figure kept for the whole conciergerie only."""
        if "site_id" not in model._fields:
            return
        site_filter = next(f for f in filters.values() if f["type"] == "relation")
        domain = source["domain"]
        if isinstance(domain, list) and ["scope", "=", "company"] in domain:
            return
        self.assertEqual(
            source["fieldMatching"].get(site_filter["id"], {}).get("chain"),
            "site_id",
            f"{source['name']} does not follow the site filter",
        )

    def _check_dashboard(self, xmlid):
        data = self._dashboard_data(xmlid)
        filters = {f["id"]: f for f in data["globalFilters"]}
        period = next(f for f in filters.values() if f["type"] == "date")
        self.assertEqual(period["defaultValue"], "this_month")
        self.assertEqual(period["rangeType"], "fixedPeriod")
        site = next(f for f in filters.values() if f["type"] == "relation")
        self.assertEqual(site["modelName"], "concierge.site")
        for pivot in data["pivots"].values():
            model = self.env[pivot["model"]]
            domain = self._dashboard_domain(model, pivot["domain"])
            groupby = []
            for dimension in pivot["rows"] + pivot["columns"]:
                field = self._field(model, dimension["fieldName"])
                self.assertTrue(
                    field._description_groupable(self.env),
                    f"{pivot['name']}: {field} cannot be grouped",
                )
                groupby.append(dimension["fieldName"])
            measures = []
            for measure in pivot["measures"]:
                if measure["fieldName"] == "__count":
                    continue
                field = self._field(model, measure["fieldName"])
                self.assertTrue(field.store, f"{pivot['name']}: {field} not stored")
                aggregator = measure.get("aggregator") or field.aggregator
                self.assertTrue(aggregator, f"{pivot['name']}: {field} no aggregator")
                measures.append(f"{measure['fieldName']}:{aggregator}")
            model._read_group(domain, groupby, measures)
            self._check_matching(model, pivot["fieldMatching"], filters)
            self._check_site_filter(model, pivot, filters)
        for list_ in data["lists"].values():
            model = self.env[list_["model"]]
            domain = self._dashboard_domain(model, list_["domain"])
            for fname in list_["columns"]:
                self._field(model, fname)
            order = ", ".join(o["name"] for o in list_["orderBy"])
            for fname in order.split(", ") if order else ():
                self.assertTrue(self._field(model, fname).store)
            model.search_read(domain, list_["columns"], order=order or None, limit=5)
            self._check_matching(model, list_["fieldMatching"], filters)
            self._check_site_filter(model, list_, filters)
        used = set()
        for sheet in data["sheets"]:
            for cell in sheet["cells"].values():
                for xmlid in MENU_LINK.findall(cell["content"]):
                    self.assertEqual(self.env.ref(xmlid)._name, "ir.ui.menu")
                for function, source_id in DATA_SOURCE.findall(cell["content"]):
                    kind = "lists" if function.startswith("ODOO.LIST") else "pivots"
                    self.assertIn(source_id, data[kind], cell["content"])
                    used.add((kind, source_id))
        for kind in ("pivots", "lists"):
            for source_id in data[kind]:
                self.assertIn((kind, source_id), used, f"{kind} {source_id} unused")
        return data
