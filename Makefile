# The two set-up commands of the README are `make demo` and `make test`.
# Both install what they need on first use (a virtual environment in .venv,
# the front-end assets from npm, and for tests Debian's chromium).

VENV   ?= .venv
PY     := $(VENV)/bin/python
CG     := $(VENV)/bin/claimgraph
SAMPLE ?= ../shared/seed/mir-ali-agreement.txt
DEMO_DB ?= out/demo.sqlite

.PHONY: demo test install system-deps frontend eval bench docs clean

install: $(VENV)/.installed frontend

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

frontend:
	@if [ -f frontend/package.json ]; then bash scripts/build-frontend.sh; fi

system-deps:
	bash scripts/system-deps.sh

demo: install
	@mkdir -p out
	$(CG) analyze $(SAMPLE) --db $(DEMO_DB) --outlet "Afghanistan International"
	$(CG) show doc --db $(DEMO_DB) --first
	@echo
	@echo "Open the analyst UI on these results:  $(CG) serve --db $(DEMO_DB)   then browse http://127.0.0.1:8000"

test: system-deps install
	$(PY) -m pytest -q -p no:cacheprovider

eval: install
	$(CG) eval all --docs

bench: install
	$(CG) bench --docs

clean:
	rm -rf out .pytest_cache
