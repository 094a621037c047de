# Zwei Befehle für Lernende: `make serve` und `make test` (siehe README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
HOST   ?= 127.0.0.1:8000

.PHONY: serve build test lint format benchmarks clean

# Virtuelle Umgebung anlegen und das Projekt mit Test- und Doku-Extras installieren;
# erneut nur, wenn sich pyproject.toml ändert.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

## Seite bauen und unter http://127.0.0.1:8000 ausliefern
serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr $(HOST)

## Seite einmal streng bauen (nach site/)
build: $(STAMP)
	$(BIN)/mkdocs build --strict

## Alles prüfen: Stil, Bibliothek, Snippets, Codeblöcke, Notebooks, Seite, Browser
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	MNIST_LIB_OFFLINE=1 $(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Laufzeitvergleiche (gibt Verhältnisse aus, keine Asserts)
benchmarks: $(STAMP)
	for f in benchmarks/*.py; do $(BIN)/python $$f || exit 1; done

clean:
	rm -rf site test-artifacts .pytest_cache .ruff_cache
