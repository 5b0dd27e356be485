"""What a scan stores is exactly what it stored before the speed work of issue 27: `mlwiki cards --json` on the
shared corpora, the bundled notes and a synthetic wiki, compared with digests recorded by the code before that
change (tests/fixtures/cards_digests.json). The output itself is not kept: the corpora's text stays out of the
project.

The digests hold for one EXTRACTOR_VERSION: a release that changes what notes yield raises it (so stores extract
again) and records new digests with `python tests/test_scan_cards_unchanged.py --update`. A change of the output that
does not raise it is a regression this test exists to catch.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent / "shared" / "corpora"
DIGESTS = REPO / "tests" / "fixtures" / "cards_digests.json"
NOW = "2026-03-02T12:00:00Z"
WIKIS = ("bundled", "synthetic", "obsidian-ml-notes", "obsidian-basic-ml", "myst-ml-notes")

pytestmark = pytest.mark.slow


def make(name: str, into: Path) -> Path | None:
    """A private copy of the wiki `name` under `into` (its root), or None where it is not available."""
    if name == "bundled":
        shutil.copytree(REPO / "notes", into / "notes")
        shutil.copy(REPO / "mlwiki.toml", into / "mlwiki.toml")
    elif name == "synthetic":
        sys.path.insert(0, str(REPO / "benchmarks"))
        try:
            from make_wiki import make_wiki
        finally:
            sys.path.remove(str(REPO / "benchmarks"))
        make_wiki(into, 600, seed=3)
    elif (CORPORA / name).is_dir():
        shutil.copytree(CORPORA / name, into / "notes")
        (into / "mlwiki.toml").write_text(f'name = "{name}"\n', encoding="utf-8")
    else:
        return None
    return into


def cards_json(root: Path, workers: int) -> str:
    """`mlwiki cards --json` in a fresh process (as a user runs it), scanning with `workers` processes."""
    import mlwiki

    checkout = str(Path(mlwiki.__file__).resolve().parents[1])  # the mlwiki this test imports, whatever the cwd
    env = {**os.environ, "MLWIKI_WORKERS": str(workers),
           "PYTHONPATH": os.pathsep.join([checkout, *filter(None, [os.environ.get("PYTHONPATH")])])}
    done = subprocess.run([sys.executable, "-m", "mlwiki", "--root", str(root), "--now", NOW, "cards", "--json"],
                          capture_output=True, text=True, env=env, cwd=root, stdin=subprocess.DEVNULL, timeout=600)
    assert done.returncode == 0, done.stderr
    return done.stdout


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def recorded() -> dict:
    return json.loads(DIGESTS.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", WIKIS)
def test_cards_json_is_what_it_was(name, tmp_path):
    from mlwiki.models import EXTRACTOR_VERSION

    known = recorded()
    if known["extractor_version"] != EXTRACTOR_VERSION:
        pytest.skip("the extractor changed on purpose: record new digests (--update)")
    root = make(name, tmp_path / "wiki")
    if root is None:
        pytest.skip("shared/corpora is not available here")
    cold = cards_json(root, workers=1)
    assert json.loads(cold), "the wiki makes cards"
    assert digest(cold) == known["digests"][name]
    assert cards_json(root, workers=1) == cold, "a rescan with nothing changed lists the same cards"
    shutil.rmtree(root / ".mlwiki")
    assert cards_json(root, workers=2) == cold, "a scan in worker processes stores the same cards"


def main() -> None:
    """--update: record the digests of what this checkout's `cards --json` prints."""
    import tempfile

    from mlwiki.models import EXTRACTOR_VERSION

    digests = {}
    for name in WIKIS:
        with tempfile.TemporaryDirectory() as tmp:
            root = make(name, Path(tmp) / "wiki")
            if root is not None:
                digests[name] = digest(cards_json(root, workers=1))
                print(name, digests[name])
    DIGESTS.write_text(json.dumps({"extractor_version": EXTRACTOR_VERSION, "digests": digests}, indent=2) + "\n",
                       encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python tests/test_scan_cards_unchanged.py --update")
    main()
