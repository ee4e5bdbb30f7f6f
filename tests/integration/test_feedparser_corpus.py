"""Every file of feedparser's own test corpus goes through `tracker import` without a
crash; the well-formed ones yield their entries. The corpus lives in ../shared."""

from __future__ import annotations

import html as html_lib
import io
import re
from pathlib import Path

import feedparser
import pytest

from tests.helpers import SHARED, run_cli

CORPUS = SHARED / "corpora" / "feedparser-tests"
LINE = re.compile(r"^  (?P<path>/\S+): (?P<entries>\d+) entries")


def _visible(html: str) -> str:
    return html_lib.unescape(re.sub(r"<[^>]*>", " ", html)).strip()


def _readable_entries(path: Path) -> int:
    """Entries feedparser itself finds with a visible title or text (the tracker skips
    entries with neither: a bare enclosure, an SVG drawing)."""
    parsed = feedparser.parse(io.BytesIO(path.read_bytes()), sanitize_html=False)
    texts = (
        [
            e.get("title") or "",
            e.get("summary") or "",
            *(c.get("value", "") for c in e.get("content") or []),
        ]
        for e in parsed.entries
    )
    return sum(1 for t in texts if any(_visible(x) for x in t))


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"feedparser corpus not found at {CORPUS}")
def test_every_corpus_file_is_imported_without_a_crash(tmp_path: Path) -> None:
    config = tmp_path / "tracker.toml"
    config.write_text('database = "sqlite:///t.db"\n[[officials]]\nname = "Sergey Lavrov"\n')
    files = sorted(p for p in CORPUS.rglob("*") if p.suffix in {".xml", ".rdf", ".json"})
    args = [str(p) for p in files]
    result = run_cli(
        "--verbose", "--config", str(config), "import", *args, "--no-alerts", timeout=300
    )

    assert result.returncode in (0, 3), result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    failed = [line for line in result.stderr.splitlines() if line.startswith("  FAILED ")]
    assert all(len(line) < 400 for line in failed)
    seen = {m["path"]: int(m["entries"]) for m in map(LINE.match, result.stdout.splitlines()) if m}
    assert len(seen) + len(failed) == len(files)

    wellformed = [p for p in files if "wellformed" in p.parts and p.suffix != ".json"]
    short = [str(p) for p in wellformed if str(p) in seen and seen[str(p)] < _readable_entries(p)]
    assert not short, short[:5]
    assert not [line for line in failed if "/wellformed/" in line]
