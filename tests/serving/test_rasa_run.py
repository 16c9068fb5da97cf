"""serving/rasa_run.py: Rasa's structured logs lose the message text."""
import logging

import structlog

import rasa.utils.log_utils as log_utils
from serving import rasa_run


def test_content_fields_are_redacted_and_the_rest_stays():
    event = {"event": "rest.message.received.timeout", "text": "mijn bsn is 111222333", "sender_id": "web-x",
             "parse_data_text": "x", "level": "error"}
    assert rasa_run.redact(None, "error", dict(event)) == {**event, "text": "[redacted]", "parse_data_text": "[redacted]"}


def test_rasas_own_logging_set_up_uses_the_redaction(monkeypatch, capsys, caplog):
    monkeypatch.setattr(log_utils, "_anonymizer", rasa_run.redact)
    monkeypatch.setenv("FORCE_JSON_LOGGING", "1")
    log_utils.configure_structlog(logging.INFO)
    structlog.get_logger().error("rest.message.received.timeout", text="geheime vraag over mijn borst")
    out = capsys.readouterr().out + caplog.text
    assert "rest.message.received.timeout" in out
    assert "geheime vraag" not in out and "[redacted]" in out


def test_a_logged_exception_carries_no_local_variables(monkeypatch, capsys, caplog):
    monkeypatch.setattr(log_utils, "_anonymizer", rasa_run.redact)
    monkeypatch.setattr(structlog.processors, "dict_tracebacks", rasa_run.TRACEBACKS_WITHOUT_LOCALS)
    monkeypatch.setenv("FORCE_JSON_LOGGING", "1")
    log_utils.configure_structlog(logging.INFO)

    def handler(text):
        raise RuntimeError("the lock store is away")
    try:
        handler("geheime vraag over mijn borst")
    except RuntimeError:
        structlog.get_logger().exception("rest.message.received.failure", text="geheime vraag over mijn borst")
    out = capsys.readouterr().out + caplog.text
    assert "the lock store is away" in out and "handler" in out
    assert "geheime vraag" not in out
