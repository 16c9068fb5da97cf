# The assistant: `make run` to talk to it, `make test` to prove it works. Both install and train what is missing.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.10 2>/dev/null || echo $(HOME)/.pyenv/versions/3.10.13/bin/python)
VENV := .venv
BIN := $(VENV)/bin
MODEL := models/assistant.tar.gz
TRAINING_FILES := config.yml domain.yml $(shell find data -type f \( -name '*.yml' -o -name '*.txt' \) -not -path 'data/tests/*' 2>/dev/null)

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export TF_DETERMINISTIC_OPS := 1
export PYTHONHASHSEED := 0
export SQLALCHEMY_SILENCE_UBER_WARNING := 1

.PHONY: install train run run-prod shell test test-unit test-rasa exam bench bench-load validate clean

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	@test -x "$(PYTHON)" || { echo "Python 3.10 is needed (Rasa 3.6 runs on 3.8-3.10); set PYTHON=/path/to/python3.10"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip wheel
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

train: $(MODEL)

$(MODEL): $(VENV)/.installed $(TRAINING_FILES)
	$(BIN)/rasa train --fixed-model-name assistant --out models
	touch $@

validate: install
	$(BIN)/rasa data validate --fail-on-warnings

# Starts the action server (5055) and Rasa with the REST channel (5005); Ctrl-C stops both.
run: $(MODEL)
	scripts/run.sh

# The production layout on this machine: PostgreSQL, Redis, 2 Rasa replicas and 2 gateways behind nginx (:8080).
run-prod: $(MODEL)
	bash scripts/install-debian.sh /usr/sbin/nginx=nginx-light
	scripts/run-prod.sh

# Chat in the terminal.
shell: $(MODEL)
	scripts/run.sh --shell

test: $(MODEL)
	scripts/test.sh

test-unit: install
	$(BIN)/pytest -q tests

exam: $(MODEL)
	scripts/test.sh --exam-only

bench: $(MODEL)
	$(BIN)/python -m bench.run

# 1, 10 and 50 concurrent users through the gateway and straight to Rasa, beside a `rasa init` bot.
bench-load: $(MODEL)
	$(BIN)/python -m bench.load_levels --skip-train

clean:
	rm -rf models results .rasa
