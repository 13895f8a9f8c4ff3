# Concierge suite: the two commands of the README, and helpers.
PYTHON ?= python3

.PHONY: demo test test-fast i18n readme bench

demo:  ## serve Odoo 18 with the whole suite and its demo data on 127.0.0.1:8069
	$(PYTHON) tools/suite.py demo

test:  ## lint, static checks, the Odoo tests of all addons, each addon alone
	$(PYTHON) tools/suite.py test

test-fast:  ## the Odoo tests of ADDONS (default: all) on one database, no lint
	$(PYTHON) tools/suite.py test --no-pytest --no-alone $(if $(ADDONS),--addons $(ADDONS))

i18n:  ## regenerate i18n/<addon>.pot from Odoo and merge i18n/fr.po
	$(PYTHON) tools/suite.py i18n $(if $(ADDONS),--addons $(ADDONS))

readme:  ## regenerate each addon's README.rst from its readme/ fragments
	$(PYTHON) tools/readme_rst.py
