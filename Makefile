# helsekg: every install step lives here and in pyproject.toml.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
NORNE  ?= ../shared/data/norne

.PHONY: venv browser run test test-slow model model-resume model-package model-ner-experiment docs clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

run: venv
	$(VENV)/bin/helsekg extract corpus -o out/corpus.ttl --summary
	$(VENV)/bin/helsekg query out/corpus.ttl --name measures-addressing-recommendations

# Debian's chromium for the review page's headless-browser test (skipped without it); only as root, only when missing
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq chromium; } || true

test: venv browser
	$(PY) -m pytest -q -m "not slow"

test-slow: venv
	$(PY) -m pytest -q -m slow

# Rebuild the shipped model from NorNE (hours on 2 cores; see MODEL.md). model-resume continues a run.
TRAIN_ENV := OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
model: venv
	$(PY) -m helsekg.training.convert --norne $(NORNE) --out training/corpus
	$(TRAIN_ENV) $(PY) -m helsekg.training.train --corpus training/corpus --output training/output
	$(MAKE) model-package

# continue an interrupted run; the second phase of the shipped model used a lower rate with averaging:
#   make model-resume TRAIN_ARGS="--set training.optimizer.learn_rate=0.0003 --set training.optimizer.use_averages=true"
model-resume: venv
	$(TRAIN_ENV) $(PY) -m helsekg.training.train --corpus training/corpus --output training/output --resume $(TRAIN_ARGS)
	$(MAKE) model-package

model-package: venv
	$(PY) -m helsekg.training.package training/output/model-best helsekg/models/nor_helsekg
	$(TRAIN_ENV) $(PY) -m helsekg.training.evaluate helsekg/models/nor_helsekg --norne $(NORNE) --json > helsekg/models/nor_helsekg/scores.json
	$(TRAIN_ENV) $(PY) -m helsekg.training.evaluate helsekg/models/nor_helsekg --norne $(NORNE)

# experiment (not shipped, see MODEL.md): a dedicated NER model composed into the base pipeline
model-ner-experiment: venv
	$(TRAIN_ENV) $(PY) -m helsekg.training.train --corpus training/corpus --output training/ner/output \
		--config helsekg/training/config_ner.cfg
	$(PY) -m helsekg.training.compose training/output/model-best training/ner/output/model-best training/composed

docs: venv
	$(PY) -m helsekg.graph.ontology namespace > helsekg/graph/namespace.py.tmp && mv helsekg/graph/namespace.py.tmp helsekg/graph/namespace.py
	$(PY) -m helsekg.graph.ontology docs > docs/ontology.md.tmp && mv docs/ontology.md.tmp docs/ontology.md
	$(PY) -m helsekg.graph.jsonld > helsekg/data/context.jsonld.tmp && mv helsekg/data/context.jsonld.tmp helsekg/data/context.jsonld

clean:
	rm -rf $(VENV) out .pytest_cache
