# congvan — the two commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install bench score clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/congvan batch corpus/samples -o out/samples
	@echo "JSON written to out/samples/ (one file per letter in corpus/samples/)"
	$(BIN)/congvan evaluate corpus/samples out/samples | tail -9

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Scores on the shared development gold (needs ../shared)
score: $(STAMP)
	bash ../shared/eval/dev-score.sh $(BIN)/congvan

# Accuracy on every annotated set, text speed against underthesea, PDF speed against pdftotext
bench: $(STAMP)
	$(BIN)/python bench/score_sets.py
	$(BIN)/python bench/bench_speed.py
	$(BIN)/python bench/bench_pdf.py

clean:
	rm -rf $(VENV) out build *.egg-info
