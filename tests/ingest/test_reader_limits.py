"""Readers are bounded: an archive bomb, an archive of countless members and a slow read are refused in one
line; text in a damaged encoding is refused rather than garbled."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import docx
import pytest

from graph.errors import ReaderError
from ingest.readers import ReadLimits, read_document
from ingest.readers.limits import ReadTimedOut, bounded

NOTE = "On 3 April 2026 the driver, Hüseyin Çelik, a Turkish national, was arrested at Kapitan Andreevo."


def docx_bytes(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def with_extra_members(data: bytes, members: dict[str, bytes]) -> bytes:
    """A copy of a zip package with more members, deflated (a 100 MB member of zeros is about 100 kB)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        for name, content in members.items():
            target.writestr(name, content)
    return out.getvalue()


def docx_bomb(unpacked_mb: int = 100) -> bytes:
    return with_extra_members(docx_bytes([NOTE]), {"word/media/padding.bin": bytes(unpacked_mb * 1_000_000)})


def _refusal(path: Path, **limits: float) -> str:
    with pytest.raises(ReaderError) as caught:
        read_document(path, limits=ReadLimits(**limits) if limits else None)  # type: ignore[arg-type]
    assert "\n" not in str(caught.value)
    return caught.value.reason


def test_a_docx_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    path.write_bytes(docx_bomb())
    assert path.stat().st_size < 1_000_000  # small on disk
    reason = _refusal(path)
    assert reason.startswith("DOCX unpacks to 100.") and reason.endswith("over the 64.0 MB limit (an archive bomb?)")
    assert NOTE in read_document(path, limits=ReadLimits(max_unpacked_bytes=200_000_000)).text  # a bigger limit


def test_a_docx_of_too_many_members_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "many.docx"
    path.write_bytes(with_extra_members(docx_bytes([NOTE]), {f"customXml/item{n}.xml": b"<a/>" for n in range(60)}))
    assert _refusal(path, max_members=50).startswith("DOCX archive has ")
    assert read_document(path).text.startswith("On 3 April 2026")


def test_a_read_over_the_time_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "long.docx"
    path.write_bytes(docx_bytes([NOTE] * 3000))
    assert _refusal(path, max_seconds=0.001) == "reading took longer than the 0.001 s limit"


def _swallowing_read(seconds: float, swallowed: list[int]) -> None:
    """A reader that swallows every interruption that lands inside its work (as a raise inside a
    garbage-collector hook is lost), counting them."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            sum(range(1000))
        except ReadTimedOut:
            swallowed.append(1)


def test_an_interruption_that_was_swallowed_fires_again_and_the_read_is_still_refused() -> None:
    # An alarm can land on the loop's own line rather than inside the work, and then the first one is not
    # swallowed; up to three reads, so that one of them swallows an alarm and is still refused after it.
    for _ in range(3):
        swallowed: list[int] = []
        with pytest.raises(ReadTimedOut), bounded(ReadLimits(max_seconds=0.01)):
            _swallowing_read(1.0, swallowed)
        if swallowed:
            break
    assert swallowed, "no alarm was swallowed in three reads, so none was seen to fire again"


def test_a_read_that_ran_over_and_then_ended_is_refused_and_leaves_no_alarm_behind() -> None:
    with pytest.raises(ReadTimedOut), bounded(ReadLimits(max_seconds=0.01)):
        _swallowing_read(0.1, [])
    after: list[int] = []
    _swallowing_read(0.2, after)
    assert not after  # an alarm left armed with its handler would fire here, outside any read
    within: list[int] = []
    with bounded(ReadLimits(max_seconds=5)):
        _swallowing_read(0.05, within)
    assert not within


def test_damaged_utf8_is_refused_not_garbled(tmp_path: Path) -> None:
    path = tmp_path / "damaged.txt"
    path.write_bytes(NOTE.encode() + b" Phone \xff\xfe 0532.")
    reason = _refusal(path)
    assert reason.startswith("text is UTF-8 with invalid bytes (first at byte ")


def test_a_code_page_that_cannot_be_told_is_refused_not_guessed(tmp_path: Path) -> None:
    """Too few letters to tell cp1252 (ï, à) from cp1250 (ď, ŕ) or cp1257: refused, where a guess garbles."""
    path = tmp_path / "legacy.txt"
    path.write_bytes("The suspect, Mohamed Ben Saïd, né à Sfax, was arrested.".encode("cp1252"))
    assert _refusal(path).startswith("cannot tell the text encoding (")
    path.write_bytes("Müller paid EUR 5 000 in Göteborg.".encode("cp1252"))  # every code page agrees: read
    assert read_document(path).text == "Müller paid EUR 5 000 in Göteborg."
