"""Shared access to the project's knowledge files (data/knowledge/*.yml) and the organisations they name."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Optional, Tuple

import yaml

PROJECT_DIR = Path(__file__).resolve().parents[1]
DATA_DIR = PROJECT_DIR / "data"
KNOWLEDGE_DIR = DATA_DIR / "knowledge"
SOURCES_DIR = DATA_DIR / "sources"

WKKGZ_URL = "https://wetten.overheid.nl/BWBR0037173"
KAMERVRAGEN_URL = "https://zoek.officielebekendmakingen.nl/ah-tk-20202021-3368.html"
BILL_33109_URL = "https://zoek.officielebekendmakingen.nl/kst-33109-2.html"


def data_dir() -> Path:
    """The project's data directory."""
    return DATA_DIR


@lru_cache(maxsize=None)
def load_yaml(name: str) -> Dict[str, Any]:
    """A file from data/knowledge/, parsed; `name` with or without ".yml". Cached: the files don't change at runtime."""
    filename = name if name.endswith((".yml", ".yaml")) else f"{name}.yml"
    path = KNOWLEDGE_DIR / filename
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


def read_source(name: str) -> str:
    """The text of a source document in data/sources/."""
    return (SOURCES_DIR / name).read_text(encoding="utf-8")


@dataclass(frozen=True)
class Source:
    document: str
    url: str

    def cite(self) -> str:
        """The form a `Bron:` line uses: "document · url"."""
        return f"{self.document} · {self.url}"


@dataclass(frozen=True)
class Organisation:
    key: str
    name: str
    short: str
    what: str
    source: Source
    phone: Optional[str] = None
    hours: Optional[str] = None
    website: Optional[str] = None
    more_sources: Tuple[Source, ...] = ()
    extra: Dict[str, Any] = field(default_factory=dict)

    @property
    def sources(self) -> Tuple[Source, ...]:
        """The main source first, then the others."""
        return (self.source,) + self.more_sources


@lru_cache(maxsize=None)
def organisations() -> Dict[str, Organisation]:
    """Every organisation the routes name, by key (see data/knowledge/organisations.yml)."""
    out = {}
    known = {"name", "short", "what", "source", "sources", "phone", "hours", "website"}
    for key, item in (load_yaml("organisations").get("organisations") or {}).items():
        out[key] = Organisation(
            key=key,
            name=item["name"],
            short=item.get("short") or item["name"],
            what=item["what"].strip(),
            source=Source(item["source"]["document"], item["source"]["url"]),
            phone=item.get("phone"),
            hours=item.get("hours"),
            website=item.get("website"),
            more_sources=tuple(Source(s["document"], s["url"]) for s in item.get("sources") or []),
            extra={k: v for k, v in item.items() if k not in known},
        )
    return out


def organisation(key: str) -> Organisation:
    """One organisation; a KeyError names the keys that exist."""
    orgs = organisations()
    if key not in orgs:
        raise KeyError(f"no organisation {key!r}; known: {', '.join(sorted(orgs))}")
    return orgs[key]
