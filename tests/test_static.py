# Copyright 2026 Concierge Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import ast
import csv
import re
from pathlib import Path

import polib
import pytest
from conftest import ADDONS, ROOT, TEST_ONLY, USER_ADDONS, read_manifest
from lxml import etree

import odoo

import odoo.addons

EXPECTED = [
    "concierge_base",
    "concierge_services",
    "concierge_partners",
    "concierge_b2b_contracts",
    "concierge_volunteers",
    "concierge_pos",
    "concierge_pos_b2b",
]
# Bridges to an optional Odoo app: not needed by the suite's own tests.
BRIDGES = {"concierge_pos", "concierge_pos_b2b"}


def odoo_module_dir(name):
    """Directory of a module outside the suite (Odoo core or an OCA wheel)."""
    for base in odoo.addons.__path__:
        path = Path(base) / name
        if (path / "__manifest__.py").exists():
            return path
    path = Path(odoo.__file__).parent / "addons" / name
    return path if (path / "__manifest__.py").exists() else None


def xml_ids_defined(module_dir):
    ids = set()
    for path in list(module_dir.rglob("*.xml")) + list(module_dir.rglob("*.csv")):
        ids.update(re.findall(r'id="([\w.]+)"', path.read_text(errors="ignore")))
        if path.suffix == ".csv":
            ids.update(
                line.split(",", 1)[0] for line in path.read_text().splitlines()[1:]
            )
    return ids


def models_defined(addon, abstract=False):
    """The ``_name`` of the models an addon defines; abstract models (no
    table, no access rules: QWeb report parsers, mixins) only when asked."""
    names = set()
    for path in (ROOT / addon).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.ClassDef):
                continue
            bases = {ast.unparse(base) for base in node.bases}
            if "models.AbstractModel" in bases and not abstract:
                continue
            for item in node.body:
                if (
                    isinstance(item, ast.Assign)
                    and [ast.unparse(t) for t in item.targets] == ["_name"]
                    and isinstance(item.value, ast.Constant)
                ):
                    names.add(item.value.value)
    return names


def suite_dependencies(addon):
    """The addon and the suite's addons it depends on, transitively."""
    seen = []
    todo = [addon]
    while todo:
        name = todo.pop()
        if name in seen or name not in ADDONS:
            continue
        seen.append(name)
        todo += read_manifest(name)["depends"]
    return seen


def test_five_addons_present():
    assert USER_ADDONS == sorted(EXPECTED)
    assert TEST_ONLY == {"concierge_suite_tests"}
    assert set(read_manifest("concierge_suite_tests")["depends"]) == (
        set(EXPECTED) - BRIDGES
    )


def test_manifest(addon):
    manifest = read_manifest(addon)
    assert manifest["version"] == "18.0.1.0.0" or manifest["version"].startswith(
        "18.0."
    )
    assert manifest["license"] == "AGPL-3"
    assert manifest["author"] == "Concierge Suite contributors"
    assert manifest.get("installable", True) is True
    for key in ("data", "demo"):
        for fname in manifest.get(key, []):
            assert (ROOT / addon / fname).is_file(), f"{addon}: {fname} is missing"
    assert (ROOT / addon / "static/description/icon.png").is_file()
    for fragment in ("DESCRIPTION.md", "USAGE.md", "CONTRIBUTORS.md"):
        assert (ROOT / addon / "readme" / fragment).is_file()
    assert (ROOT / addon / "pyproject.toml").is_file()


def test_dependency_graph():
    deps = {addon: set(read_manifest(addon)["depends"]) for addon in ADDONS}
    assert {"mail", "contacts", "account", "phone_validation", "portal"} <= deps[
        "concierge_base"
    ]
    assert {"concierge_base", "sale_management", "stock"} <= deps["concierge_services"]
    for name in ("concierge_partners", "concierge_volunteers"):
        assert "concierge_services" in deps[name]
    assert {"concierge_services", "crm", "contract"} <= deps["concierge_b2b_contracts"]
    assert {"concierge_partners", "point_of_sale"} <= deps["concierge_pos"]
    assert not read_manifest("concierge_pos").get("auto_install")
    # the till and the company contracts join on their own when both are there
    assert deps["concierge_pos_b2b"] == {"concierge_pos", "concierge_b2b_contracts"}
    assert read_manifest("concierge_pos_b2b")["auto_install"] is True


def test_xml_files_parse(user_addon):
    addon = user_addon
    files = list((ROOT / addon).rglob("*.xml"))
    assert files
    for path in files:
        root = etree.parse(str(path)).getroot()
        if path.parent.name in (
            "views",
            "data",
            "demo",
            "security",
            "report",
            "wizards",
        ):
            assert root.tag == "odoo", f"{path} must start with <odoo>"


def test_acl_rows_name_existing_models_and_groups(addon):
    path = ROOT / addon / "security/ir.model.access.csv"
    if not path.exists():
        assert not models_defined(addon), f"{addon} defines models but has no ACL"
        return
    local_models = set()
    local_ids = set()
    for name in suite_dependencies(addon):
        local_models |= models_defined(name)
        local_ids |= {f"{name}.{i}" for i in xml_ids_defined(ROOT / name)}
    with path.open() as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    for row in rows:
        model_ref = row["model_id:id"]
        module, _, xmlid = model_ref.rpartition(".")
        if not module or module in ADDONS:
            model_name = xmlid.removeprefix("model_")
            assert model_name in {m.replace(".", "_") for m in local_models}, row
        else:
            assert odoo_module_dir(module), row
        group = row["group_id:id"]
        if not group:
            continue
        module, _, xmlid = group.rpartition(".")
        module = module or addon
        if module in ADDONS:
            assert f"{module}.{xmlid}" in local_ids, f"unknown group {group}"
        else:
            module_dir = odoo_module_dir(module)
            assert module_dir and xmlid in xml_ids_defined(module_dir), group


def test_every_model_has_access_rules():
    for addon in ADDONS:
        acl = ROOT / addon / "security/ir.model.access.csv"
        text = acl.read_text() if acl.exists() else ""
        for model in models_defined(addon):
            assert f"model_{model.replace('.', '_')}," in text, (addon, model)


def test_addon_has_tests(addon):
    tests = ROOT / addon / "tests"
    init = (tests / "__init__.py").read_text()
    imported = set(re.findall(r"from \. import (\w+)", init))
    files = {p.stem for p in tests.glob("test_*.py")}
    assert files, f"{addon} has no test file"
    assert files <= imported, f"{addon}: test files not imported: {files - imported}"
    count = 0
    for name in files:
        tree = ast.parse((tests / f"{name}.py").read_text())
        count += sum(
            isinstance(node, ast.FunctionDef) and node.name.startswith("test_")
            for node in ast.walk(tree)
        )
    assert count > 0


def test_no_pre_18_idioms(addon):
    # spelt in pieces so that greps for these idioms do not flag this check
    idioms = [
        "<" + r"tree[\s>]",
        r"\bat" + "trs=",
        r"\bsta" + "tes=",
        "group_" + "operator=",
        "def name_" + r"get\(",
    ]
    bad = re.compile("|".join(idioms))
    for path in list((ROOT / addon).rglob("*.xml")) + list(
        (ROOT / addon).rglob("*.py")
    ):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            assert not bad.search(line), f"{path}:{number}: {line.strip()}"


# OCA's po-pretty-format empties a msgstr equal to its msgid: these strings
# read the same in French (and demo data is written in French already)
SAME_IN_FRENCH = {
    "Association",
    "Catalogue",
    "Code",
    "Conciergerie",
    "Configuration",
    "Contact",
    "Description",
    "ID",
    "Messages",
    "Note",
    "Notes",
    "Service",
    "Services",
    "SIRET",
    "Site",
    "Sites",
    "Type",
}
FRENCH_LETTERS = set("éèêëàâçôûùîïœÉÈÀÇ")
FRENCH_DEMO_PREFIXES = (
    "Accueil ",
    "Aide ",
    "Colis ",
    "Cordonnerie",
    "Lavage ",
    "Nettoyage ",
    "Paniers ",
    "Pressing ",
    "Ressemelage ",
)


def reads_the_same_in_french(msgid):
    return (
        msgid in SAME_IN_FRENCH
        or bool(FRENCH_LETTERS & set(msgid))
        or msgid.startswith(FRENCH_DEMO_PREFIXES)
    )


@pytest.mark.parametrize("addon", USER_ADDONS)
def test_french_translation_complete(addon):
    pot_path = ROOT / addon / "i18n" / f"{addon}.pot"
    po_path = ROOT / addon / "i18n" / "fr.po"
    assert pot_path.is_file(), f"{addon}: run `make i18n` to export the .pot"
    assert po_path.is_file()
    pot, po = polib.pofile(str(pot_path)), polib.pofile(str(po_path))
    # an entry that reads the same in French may say so in a translator
    # comment ("# same in French"), which msgmerge keeps
    translated = {
        (e.msgctxt, e.msgid)
        for e in po
        if (e.msgstr and not e.fuzzy) or "same in French" in (e.tcomment or "")
    }
    missing = [
        e.msgid
        for e in pot
        if e.msgid
        and (e.msgctxt, e.msgid) not in translated
        and not reads_the_same_in_french(e.msgid)
    ]
    assert not missing, f"{addon}: {len(missing)} strings without French: {missing[:5]}"


# Odoo hooks that return nothing by contract
NO_RETURN_HOOKS = {"init"}


def _ends_with_a_value(stmts):
    """Whether a block cannot fall through to an implicit ``return None``."""
    if not stmts:
        return False
    last = stmts[-1]
    if isinstance(last, ast.Return):
        return last.value is not None
    if isinstance(last, ast.Raise):
        return True
    if isinstance(last, ast.If):
        return _ends_with_a_value(last.body) and _ends_with_a_value(last.orelse)
    if isinstance(last, ast.With):
        return _ends_with_a_value(last.body)
    if isinstance(last, ast.Try):
        return _ends_with_a_value(last.orelse or last.body)
    return False


def test_public_methods_return_a_value(addon):
    """Every public method of the suite's models and wizards answers an
    XML-RPC client: ``True``, an action, ids... never ``None`` (which Odoo
    commits and then fails to marshal, so the client gets a Fault)."""
    silent = []
    paths = [*(ROOT / addon).glob("models/*.py"), *(ROOT / addon).glob("wizards/*.py")]
    for path in paths:
        tree = ast.parse(path.read_text())
        for cls in (node for node in tree.body if isinstance(node, ast.ClassDef)):
            for func in cls.body:
                if (
                    not isinstance(func, ast.FunctionDef)
                    or func.name.startswith("_")
                    or func.name in NO_RETURN_HOOKS
                ):
                    continue
                bare = any(
                    isinstance(node, ast.Return) and node.value is None
                    for node in ast.walk(func)
                )
                if bare or not _ends_with_a_value(func.body):
                    rel = path.relative_to(ROOT)
                    silent.append(f"{rel}:{func.lineno} {cls.name}.{func.name}")
    assert not silent, "public methods returning None:\n" + "\n".join(silent)
