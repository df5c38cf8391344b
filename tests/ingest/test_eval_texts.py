"""`smugglegraph eval-extract GOLD_DIR --texts TEXT_DIR`: scoring gold whose texts live elsewhere.

The real-text corpus commits only gold files; its third-party texts sit in an ignored folder.
CI has no such texts, so these tests write their own tiny report and gold in tmp_path.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ingest.evaluate import gold_pairs

SCRIPT = str(Path(sys.executable).parent / "smugglegraph")
TEXT = (
    "On 2 May 2026 police in Subotica arrested Dragan Ilic, a Serbian national, who drove 9 Syrian migrants "
    "from Kelebija towards the Hungarian border."
)
GOLD = {
    "document": {"id": "subotica", "title": None, "date": "2026-05-02", "language": "en"},
    "persons": [
        {
            "name": "Dragan Ilic",
            "aliases": [],
            "nationality": "RS",
            "birth_date": None,
            "roles": ["transporter"],
            "spans": [],
        }
    ],
    "organisations": [],
    "places": [
        {"name": "Subotica", "kind": "city", "country": "RS", "spans": []},
        {"name": "Kelebija", "kind": "border_crossing_point", "country": "RS", "spans": []},
    ],
    "countries": [{"code": "RS", "roles": ["location"]}],
    "routes": [],
    "fraud_techniques": [],
    "documents": [],
    "modus_operandi": [],
    "identifiers": [],
    "nationalities": {"suspects": ["RS"], "migrants": ["SY"]},
    "numbers": {"arrests": 1, "migrants": 9, "fee_eur_min": None, "fee_eur_max": None},
    "relations": [],
}


def _corpus(tmp_path: Path) -> tuple[Path, Path]:
    """A gold folder with two gold files and a separate text folder holding the text of one of them."""
    gold_dir, text_dir = tmp_path / "gold", tmp_path / "texts"
    gold_dir.mkdir()
    text_dir.mkdir()
    for stem in ("subotica", "no_text_here"):
        gold = {**GOLD, "document": {**GOLD["document"], "id": stem}}
        (gold_dir / f"{stem}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    (text_dir / "subotica.txt").write_text(TEXT, encoding="utf-8")
    return gold_dir, text_dir


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "SMUGGLEGRAPH_"))}
    return subprocess.run([SCRIPT, *args], capture_output=True, text=True, env=env, timeout=300, check=False)


def test_gold_pairs_finds_reports_in_the_text_folder(tmp_path: Path) -> None:
    gold_dir, text_dir = _corpus(tmp_path)
    assert gold_pairs(gold_dir) == []
    assert gold_pairs(gold_dir, text_dir) == [(text_dir / "subotica.txt", gold_dir / "subotica.gold.json")]


def test_eval_extract_scores_gold_against_texts_kept_elsewhere(tmp_path: Path) -> None:
    gold_dir, text_dir = _corpus(tmp_path)
    done = _run("eval-extract", str(gold_dir), "--texts", str(text_dir), "--format", "json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["documents"] == 1
    persons, overall = result["fields"]["persons"], result["fields"]["overall (micro)"]
    assert persons["tp"] + persons["fn"] == 1  # the one gold file that has a text, scored once
    assert overall["tp"] + overall["fp"] > 0  # something was extracted from the text
    assert done.stderr.strip() == f"not scored: 1 of 2 gold files in {gold_dir} have no report in {text_dir}"


def test_eval_extract_skips_with_one_line_when_the_texts_are_missing(tmp_path: Path) -> None:
    gold_dir, _ = _corpus(tmp_path)
    missing = tmp_path / "not_restored"
    done = _run("eval-extract", str(gold_dir), "--texts", str(missing))
    assert done.returncode == 0
    assert done.stdout == ""
    assert done.stderr == f"skipped: none of the 2 gold files in {gold_dir} has its report in {missing}\n"
