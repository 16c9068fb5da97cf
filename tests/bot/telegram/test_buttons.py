"""bot.telegram.buttons: every real payload fits callback_data, decodes on any replica, and only ours decode."""
import ast
import re
from pathlib import Path

import yaml

from bot.telegram.buttons import MAX_DATA_BYTES, ButtonCodec

ROOT = Path(__file__).resolve().parents[3]


def real_payloads() -> set[str]:
    """The payloads of domain.yml (with Rasa's {{ }} unescaped) and of the actions' button dicts."""
    domain = yaml.safe_load((ROOT / "domain.yml").read_text())
    payloads = {b["payload"].replace("{{", "{").replace("}}", "}")
                for variants in domain["responses"].values() for v in variants for b in v.get("buttons", [])}
    for source in (ROOT / "actions").glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text())):
            if isinstance(node, ast.Dict):
                keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
                if "payload" in keys:
                    value = node.values[keys.index("payload")]
                    if isinstance(value, ast.Constant):
                        payloads.add(value.value)
    return payloads


def test_the_real_payloads_fit_and_need_no_store():
    payloads = real_payloads()
    assert len(payloads) > 30 and '/inform{"route_complained": "ontevreden"}' in payloads
    codec = ButtonCodec("s" * 40)
    for payload in payloads:
        data = codec.encode(payload)
        assert len(data.encode("utf-8")) <= MAX_DATA_BYTES, payload
        assert data[0] in "ip", payload  # deterministic: any replica decodes it
        assert codec.decode(data) == payload
    assert len(codec) == 0


def test_deterministic_across_replicas_and_bound_to_the_secret():
    payload = '/inform{"route_place": "nederland"}'
    one, two, other = ButtonCodec("geheim-1"), ButtonCodec("geheim-1"), ButtonCodec("geheim-2")
    assert one.encode(payload) == two.encode(payload)
    assert two.decode(one.encode(payload)) == payload
    assert other.decode(one.encode(payload)) is None


def test_tampering_is_refused():
    codec = ButtonCodec("geheim")
    data = codec.encode('/inform{"route_place": "nederland"}')
    assert data.startswith("i")
    assert codec.decode(data.replace("nederland", "buitenland")) is None
    assert codec.decode("p" + "A" * 8 + "/restart") is None
    for junk in ("", "x", "i", "p1234567", "s-unknown", "r-unknown"):
        assert codec.decode(junk) is None


def test_non_ascii_payloads_are_measured_in_bytes():
    codec = ButtonCodec("geheim")
    payload = "Wat zegt de wet over één ingreep? ééééééééééééé"  # 47 characters, more bytes
    data = codec.encode(payload)
    assert len(data.encode()) <= MAX_DATA_BYTES and codec.decode(data) == payload


def test_long_payloads_go_to_a_bounded_store():
    codec = ButtonCodec("geheim", max_stored=3)
    long = ["Welke vragen kan ik stellen voor een ingreep bij een kliniek in het buitenland? " + str(i)
            for i in range(5)]
    keys = [codec.encode(p) for p in long]
    assert all(k.startswith("s") and len(k.encode()) <= MAX_DATA_BYTES for k in keys)
    assert len(codec) == 3
    assert codec.decode(keys[0]) is None and codec.decode(keys[4]) == long[4]
    assert ButtonCodec("geheim").decode(keys[4]) is None  # another process does not know it


def test_retry_keys():
    codec = ButtonCodec("geheim")
    data = codec.retry("mijn bsn is [bsn]. " + "lang " * 200)
    assert ButtonCodec.is_retry(data) and len(data.encode()) <= MAX_DATA_BYTES
    assert codec.decode(data).startswith("mijn bsn is [bsn].")
    assert not ButtonCodec.is_retry(codec.encode("/restart"))


def test_an_inform_that_does_not_round_trip_is_kept_as_written():
    codec = ButtonCodec("geheim")
    for payload in ('/inform{"a":"b"}', '/inform{"a": "b", "c": "d"}', '/inform{"a": 1}', "/inform{bad"):
        assert codec.decode(codec.encode(payload)) == payload
    assert re.fullmatch(r"i.{8}route_place=nederland", codec.encode('/inform{"route_place": "nederland"}'))
