# Concierge suite: the two commands of the README, and helpers.
# Every command first runs the bootstrap (tools/bootstrap.py): system
# packages, Odoo 18.0 (the one python3 imports, or .venv/ built from
# ODOO_SOURCE) and the suite's Python dependencies. tools/suite.py then runs
# with .venv/ when it exists.
PYTHON ?= python3

.PHONY: setup demo test test-fast i18n readme bench

setup:  ## install what the suite needs (idempotent; ODOO_SOURCE=folder|archive|URL)
	$(PYTHON) tools/bootstrap.py

demo: setup  ## serve Odoo 18 with the whole suite and its demo data on 127.0.0.1:8069
	$(PYTHON) tools/suite.py demo

test: setup  ## lint, static checks, the Odoo tests of all addons, each addon alone
	$(PYTHON) tools/suite.py test

test-fast: setup  ## the Odoo tests of ADDONS (default: all) on one database, no lint
	$(PYTHON) tools/suite.py test --no-pytest --no-alone $(if $(ADDONS),--addons $(ADDONS))

i18n: setup  ## regenerate i18n/<addon>.pot from Odoo and merge i18n/fr.po
	$(PYTHON) tools/suite.py i18n $(if $(ADDONS),--addons $(ADDONS))

readme:  ## regenerate each addon's README.rst from its readme/ fragments
	$(PYTHON) tools/readme_rst.py
