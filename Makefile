PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install run test bench evaluate clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(PY) -m extract seeds/ -o out/facts.jsonl

test: $(STAMP)
	$(PY) -m pytest -q

evaluate: $(STAMP)
	$(PY) -m extract evaluate --gold gold/ --corpus seeds/

bench: $(STAMP)
	$(PY) bench/bench.py

clean:
	rm -rf $(VENV) out
