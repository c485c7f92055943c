# Contrechamp: `make run` starts the app on the demo area, `make test` passes the whole suite.
PYTHON ?= $(shell packaging/find-python.sh)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
QM := i18n/contrechamp_fr.qm i18n/contrechamp_en.qm

.PHONY: qt-libs-run qt-libs-test run test bench bench-quick lint translations screenshots clean \
	bundle bundle-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml $(STAMP)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

i18n/%.qm: i18n/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

qt-libs-run:
	@sh packaging/qt-libs.sh run

qt-libs-test:
	@sh packaging/qt-libs.sh test

run: qt-libs-run $(STAMP) $(QM)
	$(BIN)/contrechamp --demo

lint: $(TEST_STAMP)
	$(BIN)/ruff check app tests $(wildcard bench)
	$(BIN)/ruff format --check app tests $(wildcard bench)
	$(BIN)/mypy

test: qt-libs-test $(TEST_STAMP) $(QM) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q

bench: $(TEST_STAMP) $(QM)
	bash bench/install-tools.sh
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.run

bench-quick: $(TEST_STAMP) $(QM)
	bash bench/install-tools.sh
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.run --quick

screenshots: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen PYTHONPATH=. $(BIN)/python docs/screenshots/take.py

# The PyInstaller one-folder bundle (packaging/README.md), in dist/contrechamp/; not in `make test`.
BUNDLE := dist/contrechamp/contrechamp
bundle: $(BUNDLE)

$(BUNDLE): $(STAMP) $(QM) packaging/contrechamp.spec $(shell find app packaging/pyinstaller resources -type f -not -name '*.pyc')
	$(BIN)/pip install --quiet 'pyinstaller>=6.10'
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/contrechamp.spec
	touch $@

bundle-test: $(BUNDLE)
	$(BIN)/python packaging/bundle_test.py dist/contrechamp

clean:
	rm -rf $(VENV) $(QM) .mypy_cache .ruff_cache .pytest_cache
