"""Helpers for the action tests: a rasa_sdk Tracker for one user message, and a small domain."""
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest
import yaml
from rasa_sdk import Tracker

ROOT = Path(__file__).resolve().parents[2]


def button_values(button: Dict[str, Any]) -> Dict[str, Any]:
    """The slot values in a domain button's "/inform{…}" payload, as Rasa sends it (the domain escapes JSON
    braces as {{ }}); fails the test when the payload has another form."""
    import json
    import re

    from rasa.core.nlg.interpolator import interpolate_text
    m = re.match(r"^/inform(\{.*\})$", interpolate_text(button["payload"], {}))
    assert m, button
    return json.loads(m.group(1))


def make_tracker(text: str = "", intent: Optional[str] = "inform", entities: Optional[List[Dict]] = None,
                 slots: Optional[Dict[str, Any]] = None, requested_slot: Optional[str] = None,
                 active_loop: Optional[str] = None, events: Optional[List[Dict]] = None,
                 parse_data: Optional[Dict[str, Any]] = None) -> Tracker:
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9} if intent else {},
              "entities": entities or []}
    if parse_data:
        latest.update(parse_data)
    all_slots = {"requested_slot": requested_slot}
    all_slots.update(slots or {})
    if events is None:
        events = [{"event": "action", "name": "action_listen"},
                  {"event": "user", "text": text, "parse_data": latest}]
    return Tracker("test-user", all_slots, latest, list(events), False, None,
                   {"name": active_loop} if active_loop else {}, "action_listen")


SMALL_DOMAIN = {
    "forms": {
        "complaint_route_form": {"required_slots": ["route_place", "route_provider", "route_problem",
                                                    "route_complained"]},
        "deadline_form": {"required_slots": ["complaint_date"]},
    },
    "slots": {name: {"type": "text", "mappings": [{"type": "custom"}]} for name in
              ["route_place", "route_country", "route_provider", "route_problem", "route_complained",
               "complaint_date"]},
    "responses": {},
}


@pytest.fixture
def domain():
    return {k: (dict(v) if isinstance(v, dict) else v) for k, v in SMALL_DOMAIN.items()}


@pytest.fixture(scope="session")
def project_domain():
    return yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


@pytest.fixture
def tracker_for():
    """make_tracker(text, intent=..., entities=..., slots=..., requested_slot=..., events=..., parse_data=...)."""
    return make_tracker
