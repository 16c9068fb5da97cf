"""The shared knowledge loader and the organisations file."""
import re
from pathlib import Path

import pytest

from actions import knowledge
from actions.knowledge import load_yaml, organisation, organisations

FACTS = (knowledge.SOURCES_DIR / "facts.md").read_text(encoding="utf-8")
SOURCES_README = (knowledge.SOURCES_DIR / "README.md").read_text(encoding="utf-8")
KAMERVRAGEN = (knowledge.SOURCES_DIR / "kamervragen-2021Z09590.txt").read_text(encoding="utf-8")


def plain(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/")


def known_links():
    links = re.findall(r"(?:https?://)?((?:www\.)?[a-z0-9.-]+\.(?:nl|com|org)(?:/[^\s;),]*)?)", FACTS + SOURCES_README)
    return {re.sub(r"^www\.", "", l).rstrip("/.") for l in links}


def test_data_dir_is_the_projects():
    assert knowledge.data_dir() == Path(__file__).resolve().parents[2] / "data"
    assert (knowledge.data_dir() / "sources" / "wkkgz.txt").exists()


def test_load_yaml_with_or_without_extension_and_cached():
    a = load_yaml("organisations")
    b = load_yaml("organisations.yml")
    assert a is load_yaml("organisations")  # cached
    assert a == b
    with pytest.raises(FileNotFoundError):
        load_yaml("no-such-file")


def test_every_organisation_the_routes_name_is_there():
    assert {"lmz", "igj", "klachtenloket_zorg", "geschillencommissie_zorg", "nvcg", "nvpc", "rivm_meldpunt",
            "implantatenregister", "politie", "tuchtcollege", "big_register"} <= set(organisations())
    with pytest.raises(KeyError, match="known"):
        organisation("nobody")


def test_contact_details_are_those_of_facts_md():
    lmz = organisation("lmz")
    assert lmz.phone == "088 - 120 50 20" and lmz.phone in FACTS
    assert "9:00" in lmz.hours and "17:00" in lmz.hours
    police = organisation("politie")
    assert police.phone == "0900-8844" and police.extra["emergency"] == "112"
    assert "0900-8844" in FACTS and "112" in FACTS
    assert organisation("geschillencommissie_zorg").extra["fee"] == "€ 52,50" and "€ 52,50" in FACTS
    assert "1 mei 2022" in organisation("nvpc").what
    assert "3 juli 2017" in organisation("rivm_meldpunt").what


@pytest.mark.parametrize("key", sorted(organisations()))
def test_each_organisation_has_what_and_a_source_from_the_sources(key):
    org = organisation(key)
    assert org.name and org.what and org.short
    links = known_links()
    for source in org.sources:
        assert source.document
        link = plain(source.url)
        assert any(link.startswith(k) or k.startswith(link) for k in links), f"{key}: {source.url} not in sources"
    if org.website:
        site = plain(org.website)
        assert any(k.startswith(site.split("/")[0]) for k in links), f"{key}: website {org.website}"


def test_kamervragen_back_the_lmz_and_the_meldpunten():
    assert "Landelijk Meldpunt Zorg (LMZ)" in KAMERVRAGEN and "NVCG en NVPC, eigen meldpunten" in KAMERVRAGEN


def test_source_cite_form():
    assert organisation("lmz").source.cite() == (
        "Inspectie Gezondheidszorg en Jeugd · https://www.igj.nl/onderwerpen/klacht-of-vraag-over-de-zorg")
