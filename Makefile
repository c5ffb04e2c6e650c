# helsekg: every install step lives here and in pyproject.toml.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
NORNE  ?= ../shared/data/norne

.PHONY: venv run test test-slow model docs clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

run: venv
	$(VENV)/bin/helsekg extract corpus -o out/corpus.ttl --summary

test: venv
	$(PY) -m pytest -q -m "not slow"

test-slow: venv
	$(PY) -m pytest -q -m slow

model: venv
	$(PY) -m helsekg.training.convert --norne $(NORNE) --out training/corpus
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 $(PY) -m helsekg.training.train --corpus training/corpus --output training/output
	$(PY) -m helsekg.training.package training/output/model-best helsekg/models/nor_helsekg

docs: venv
	$(PY) -m helsekg.ontology_tools namespace > helsekg/namespace.py
	$(PY) -m helsekg.ontology_tools docs > docs/ontology.md

clean:
	rm -rf $(VENV) out .pytest_cache
