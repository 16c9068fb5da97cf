"""The two projects: a temp copy of this one, and a `rasa init` reference; training; server config files."""
from __future__ import annotations

import fnmatch
import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Dict, Optional

import yaml

from .procs import Proc, log

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".bench"
REFERENCE_CACHE = CACHE / "reference"
RASA = Path(sys.prefix) / "bin" / "rasa"

# Not copied: virtualenvs, git, models, caches and state, the benchmark and the tests.
_SKIP_TOP = {".venv", "venv", ".git", "models", ".rasa", ".bench", "results", "bench", "tests", ".ci"}
_SKIP_ANY = ["__pycache__", ".pytest_cache", "node_modules", "*.pyc", "*.db", "*.db-journal"]


def bench_env(extra: Optional[Dict[str, str]] = None) -> Dict[str, str]:
    """The environment of every Rasa process: as the Makefile sets it, and never any telemetry."""
    env = dict(os.environ)
    env.update(
        RASA_TELEMETRY_ENABLED="false",
        TF_CPP_MIN_LOG_LEVEL="2",
        TF_DETERMINISTIC_OPS="1",
        PYTHONHASHSEED="0",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
        PYTHONUNBUFFERED="1",
    )
    env.pop("RASA_CACHE_DIRECTORY", None)
    if extra:
        env.update(extra)
    return env


def rasa_version() -> str:
    try:
        from importlib.metadata import version

        return version("rasa")
    except Exception:
        return "unknown"


def _ignore(root: Path):
    def ignore(directory: str, names):
        skipped = set()
        top = Path(directory).resolve() == root
        for name in names:
            if top and name in _SKIP_TOP:
                skipped.add(name)
            elif any(fnmatch.fnmatch(name, pat) for pat in _SKIP_ANY):
                skipped.add(name)
        return skipped

    return ignore


def copy_project(src: Path, dst: Path) -> Path:
    """A snapshot of the project (what `rasa train` and the action server read) in dst."""
    src = Path(src).resolve()
    shutil.copytree(src, dst, ignore=_ignore(src), symlinks=True)
    return dst


def has_actions(project: Path) -> bool:
    """Whether the project has custom action code (an actions package or module) to serve."""
    if (project / "actions.py").is_file():
        return True
    actions = project / "actions"
    return actions.is_dir() and any(p.stat().st_size > 0 for p in actions.rglob("*.py"))


def rasa_init(target: Path, logs: Path, scratch: Path) -> float:
    """`rasa init --no-prompt --init-dir target` (it also trains a first model). Returns its wall time."""
    target.mkdir(parents=True, exist_ok=True)
    env = bench_env({"RASA_CACHE_DIRECTORY": str(scratch / "cache-init")})
    t0 = time.perf_counter()
    proc = Proc("rasa init", [RASA, "init", "--no-prompt", "--init-dir", target], target.parent, env,
                logs / "reference-init.log")
    try:
        code = proc.wait(timeout=3600)
    finally:
        proc.stop()
    took = time.perf_counter() - t0
    if code != 0 or not (target / "domain.yml").is_file():
        raise RuntimeError(f"rasa init failed (exit {code}); last lines:\n{proc.log_tail()}")
    return took


def train(project: Path, out: Path, name: str, logs: Path, scratch: Path, timeout: float) -> Dict:
    """A fresh `rasa train` (--force, an empty cache, an empty --out) in project; its wall time."""
    for leftover in (project / ".rasa", project / "models"):
        shutil.rmtree(leftover, ignore_errors=True)
    cache = scratch / f"cache-{name}"
    shutil.rmtree(cache, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    env = bench_env({"RASA_CACHE_DIRECTORY": str(cache)})
    cmd = [RASA, "train", "--fixed-model-name", name, "--out", out, "--force"]
    proc = Proc(f"rasa train ({name})", cmd, project, env, logs / f"{name}-train.log")
    try:
        code = proc.wait(timeout=timeout)
    finally:
        proc.stop()
    took = time.perf_counter() - proc.started
    model = out / f"{name}.tar.gz"
    if code != 0 or not model.is_file():
        raise RuntimeError(f"rasa train of {name} failed (exit {code}); last lines of {proc.log_path}:\n"
                           f"{proc.log_tail(40)}")
    return {"train_s": took, "model": model}


def write_server_files(project: Path, where: Path, tracker: str, action_port: Optional[int]) -> Dict[str, Path]:
    """An endpoints file (the project's, if any, with the action server on action_port and a temp tracker
    store) and a credentials file with only the REST channel, both in `where`."""
    where.mkdir(parents=True, exist_ok=True)
    endpoints: Dict = {}
    src = project / "endpoints.yml"
    if src.is_file():
        endpoints = yaml.safe_load(src.read_text()) or {}
    if action_port is not None:
        endpoints["action_endpoint"] = {
            **(endpoints.get("action_endpoint") or {}),
            "url": f"http://127.0.0.1:{action_port}/webhook",
        }
    else:
        endpoints.pop("action_endpoint", None)
    if tracker == "sqlite":
        endpoints["tracker_store"] = {"type": "SQL", "dialect": "sqlite", "db": str(where / "tracker.db")}
    else:
        endpoints.pop("tracker_store", None)  # Rasa's default: in memory
    endpoints.pop("lock_store", None)  # one server: Rasa's default, in memory
    paths = {"endpoints": where / "endpoints.yml", "credentials": where / "credentials.yml"}
    paths["endpoints"].write_text(yaml.safe_dump(endpoints, sort_keys=False))
    # Only the REST channel: that is what is measured, and other channels may call out to the internet.
    paths["credentials"].write_text("rest:\n")
    return paths


# --- the cached reference bot for --skip-train --------------------------------------------------

def cached_reference() -> Optional[Path]:
    """The cached reference project (with models/reference.tar.gz), if made with this Rasa version."""
    meta = REFERENCE_CACHE / "meta.json"
    model = REFERENCE_CACHE / "project" / "models" / "reference.tar.gz"
    try:
        ok = json.loads(meta.read_text()).get("rasa_version") == rasa_version()
    except (FileNotFoundError, ValueError):
        ok = False
    return REFERENCE_CACHE / "project" if ok and model.is_file() else None


def store_reference(project: Path, model: Path, train_s: Optional[float]) -> None:
    """Keep the reference project and its model in .bench/reference/ (never committed: .bench/ is ignored)."""
    staging = CACHE / "reference.tmp"
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(project, staging / "project",
                    ignore=shutil.ignore_patterns(".rasa", "models", "__pycache__", "*.db"))
    (staging / "project" / "models").mkdir()
    shutil.copy2(model, staging / "project" / "models" / "reference.tar.gz")
    (staging / "meta.json").write_text(json.dumps(
        {"rasa_version": rasa_version(), "created": time.strftime("%Y-%m-%dT%H:%M:%S"), "train_s": train_s},
        indent=2))
    shutil.rmtree(REFERENCE_CACHE, ignore_errors=True)
    staging.rename(REFERENCE_CACHE)


def make_cached_reference(scratch: Path, logs: Path) -> Path:
    """Create the cache with `rasa init` (which trains the model itself) when it is missing."""
    log("no cached reference bot in .bench/reference: creating one with `rasa init` (trains a model, a few minutes)")
    target = scratch / "reference-init"
    rasa_init(target, logs, scratch)
    models = sorted((target / "models").glob("*.tar.gz"))
    if not models:
        raise RuntimeError("rasa init made no model")
    store_reference(target, models[-1], None)
    return REFERENCE_CACHE / "project"
