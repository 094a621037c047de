# Zwei Befehle für Lernende: `make serve` und `make test` (siehe README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
HOST   ?= 127.0.0.1:8000

.PHONY: serve build build-offline test lint format benchmarks constraints vendor-katex clean lesson canary

# Virtuelle Umgebung anlegen und das Projekt mit Test- und Doku-Extras installieren,
# in den getesteten Versionen (constraints.txt); erneut nur, wenn sich eine der beiden
# Dateien ändert.
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test]"
	touch $(STAMP)

## Seite bauen und unter http://127.0.0.1:8000 ausliefern
serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr $(HOST)

## Seite einmal streng bauen (nach site/, mit der Seite zum Mitnehmen als Zip)
build: $(STAMP)
	$(BIN)/mkdocs build --strict

## Nur die Seite zum Mitnehmen (aus dem Ordner zu öffnen) nach site-offline/
build-offline: $(STAMP)
	NNV_OFFLINE_SITE=true $(BIN)/mkdocs build --strict --site-dir site-offline

## Alles prüfen: Stil, Bibliothek, Snippets, Codeblöcke, Notebooks, Seite, Browser
test: $(STAMP)
	@t=$$(date +%s); $(BIN)/ruff check . && $(BIN)/ruff format --check . \
	  && echo "⏱ Stil (ruff): $$(( $$(date +%s) - t )) s"
	MNIST_LIB_OFFLINE=1 $(BIN)/python -m pytest

## Neue Lektion anlegen: make lesson NAME="Faltung verstehen" TEIL=vertiefung
lesson: $(STAMP)
	$(BIN)/python tools/new_lesson.py "$(NAME)" "$(TEIL)"

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Frühwarnung: Tests mit den neuesten Versionen aller Pakete (eigene .venv-canary);
## Bericht in test-artifacts/canary.md. Mit ARGS="tests/test_x.py" nur ein Teil.
canary:
	$(PYTHON) tools/canary.py $(ARGS)

## constraints.txt aus der aktuellen Umgebung neu schreiben (nach einem Update)
constraints: $(STAMP)
	{ sed -n '1,3p' constraints.txt; $(BIN)/python -m pip freeze --exclude-editable \
	  | grep -iv '^nnv-mnist-lib'; } > constraints.tmp && mv constraints.tmp constraints.txt

## Laufzeitvergleiche (gibt Verhältnisse aus, keine Asserts)
benchmarks: $(STAMP)
	for f in benchmarks/*.py; do $(BIN)/python $$f || exit 1; done

## KaTeX aus dem npm-Paket neu einspielen (nur bei einem Versionswechsel nötig)
KATEX_VERSION ?= 0.19.1
KATEX_DIR     := docs/assets/vendor/katex
vendor-katex:
	rm -rf .katex-tmp && mkdir .katex-tmp
	cd .katex-tmp && npm pack --silent katex@$(KATEX_VERSION) && tar xzf katex-*.tgz
	rm -rf $(KATEX_DIR) && mkdir -p $(KATEX_DIR)/fonts
	cp .katex-tmp/package/dist/katex.min.js .katex-tmp/package/dist/katex.min.css $(KATEX_DIR)/
	cp .katex-tmp/package/dist/fonts/*.woff2 $(KATEX_DIR)/fonts/
	cp .katex-tmp/package/LICENSE $(KATEX_DIR)/LICENSE
	echo "KaTeX $(KATEX_VERSION) aus dem npm-Paket katex (dist/), unverändert; aktualisieren mit: make vendor-katex" > $(KATEX_DIR)/VERSION
	rm -rf .katex-tmp

clean:
	rm -rf site site-offline test-artifacts .pytest_cache .ruff_cache .cache .venv-canary
