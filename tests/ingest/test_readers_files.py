"""Readers of binary reports (PDF, DOCX), and files that cannot be read at all."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from graph.errors import ReaderError
from ingest.readers import SUPPORTED_SUFFIXES, read_document
from tests.ingest.conftest import REPORT, read_error

Write = Callable[[str, bytes | str], Path]


# --- PDF ----------------------------------------------------------------------------------------


def test_pdf_text_layer_and_metadata_title(write: Write, make_pdf: Callable[..., bytes]) -> None:
    pdf = make_pdf([f"Operational note (14)\n{REPORT}", "Page two: the driver was arrested."], title="ILO report 14")
    document = read_document(write("report.pdf", pdf))
    assert document.text == f"Operational note (14)\n{REPORT}\n\nPage two: the driver was arrested."
    assert (document.title, document.date, document.media_type) == (
        "ILO report 14",
        date(2026, 3, 14),
        "application/pdf",
    )
    assert document.metadata == {"pages": 2}


def test_pdf_with_owner_password_only_is_still_read(
    write: Write, make_pdf: Callable[..., bytes], make_encrypted_pdf: Callable[..., bytes]
) -> None:
    path = write("restricted.pdf", make_encrypted_pdf(make_pdf([REPORT]), ""))
    assert read_document(path).text == REPORT


def test_encrypted_pdf_is_refused(
    write: Write, make_pdf: Callable[..., bytes], make_encrypted_pdf: Callable[..., bytes]
) -> None:
    error = read_error(write("locked.pdf", make_encrypted_pdf(make_pdf([REPORT]), "secret")))
    assert error.reason == "PDF is encrypted (password required)"


def test_image_only_pdf_is_refused(write: Write, make_blank_pdf: Callable[[], bytes]) -> None:
    error = read_error(write("scan.pdf", make_blank_pdf()))
    assert error.reason == "PDF has no text layer (scanned image?)"


@pytest.mark.parametrize("content", [b"%PDF-1.4\n1 0 obj garbage", b"%PDF-1.7\n" + bytes(range(256)) * 4])
def test_corrupt_pdf_is_refused(write: Write, content: bytes) -> None:
    assert read_error(write("broken.pdf", content)).reason.startswith("corrupt PDF")


def test_truncated_pdf_is_refused(write: Write, make_pdf: Callable[..., bytes]) -> None:
    assert read_error(write("cut.pdf", make_pdf([REPORT])[:150])).reason.startswith("corrupt PDF")


def test_pdf_suffix_on_text_is_refused_as_not_a_pdf(write: Write) -> None:
    assert read_error(write("fake.pdf", "<html>login page</html>")).reason == "corrupt PDF (no PDF header)"


# --- DOCX ---------------------------------------------------------------------------------------


def test_docx_paragraphs_and_table_cells_in_order(write: Write, make_docx: Callable[..., bytes]) -> None:
    created = datetime(2026, 3, 16, 9, 30, tzinfo=UTC)
    data = make_docx(
        ["Operational note 14", REPORT],
        table=[["Name", "Role"], ["Ivan Petrov", "driver"]],
        title="Docx note 14",
        created=created,
    )
    document = read_document(write("note.docx", data))
    assert document.text == f"Operational note 14\n{REPORT}\nName | Role\nIvan Petrov | driver\n\nEnd of report."
    assert (document.title, document.date) == ("Docx note 14", date(2026, 3, 16))
    assert document.media_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.mark.parametrize("cut", [None, 400])
def test_corrupt_docx_is_refused(write: Write, make_docx: Callable[..., bytes], cut: int | None) -> None:
    content = b"PK\x03\x04 not really a zip" if cut is None else make_docx([REPORT])[:cut]
    assert read_error(write("broken.docx", content)).reason.startswith("corrupt DOCX")


def test_zip_that_is_not_a_word_document_is_refused(write: Write) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("data.csv", "a,b\n")
    error = read_error(write("archive.zip", buffer.getvalue()))
    assert error.reason == "unsupported file type: zip archive (not a Word document)"


# --- files that cannot be read ------------------------------------------------------------------


def test_missing_file_and_directory_are_refused(tmp_path: Path) -> None:
    assert read_error(tmp_path / "nowhere.txt").reason == "file not found"
    assert read_error(tmp_path).reason == "not a regular file"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_is_refused(write: Write) -> None:
    path = write("secret.txt", REPORT)
    path.chmod(0)
    assert read_error(path).reason == "cannot read file: Permission denied"


def test_empty_and_whitespace_files_are_refused(write: Write, make_docx: Callable[..., bytes]) -> None:
    assert read_error(write("empty.txt", b"")).reason == "file is empty"
    for name, content in (
        ("blank.txt", " \n\t\r\n \u00a0 "),
        ("blank.md", "#  \n\n- \n"),
        ("blank.html", "<p> </p>"),
    ):
        assert read_error(write(name, content)).reason == "no text found (only whitespace after extraction)"


def test_oversized_file_is_refused_before_reading(write: Write, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write("huge.txt", b"")
    os.truncate(path, 25_300_000)

    def refuse_to_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", refuse_to_open)
    assert read_error(path).reason == "file is 25.3 MB, over the 20.0 MB limit"
    assert read_error(path, max_bytes=1_000).reason == "file is 25.3 MB, over the 1.0 kB limit"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        (
            "table.csv",
            "a,b\n1,2\n",
            "unsupported file type '.csv' (supported: .docx, .eml, .htm, .html, .json, .md",
        ),
        ("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "unsupported file type: PNG image"),
        (
            "old.doc",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64),
            "unsupported file type: legacy Office file",
        ),
        ("blob", bytes(range(256)), "unsupported file type: binary content not recognised"),
    ],
)
def test_unsupported_types_are_refused(write: Write, name: str, content: bytes | str, reason: str) -> None:
    assert read_error(write(name, content)).reason.startswith(reason)


@pytest.mark.parametrize("suffix", [*SUPPORTED_SUFFIXES, "", ".bin"])
@pytest.mark.parametrize(
    "content",
    [
        b"\xff\xfe\x00garbage\x00\xd8",
        b"%PDF-\x00\x00",
        b"PK\x03\x04\x00\x00",
        b"{\x00]",
        b"\x00\x01\x02" * 50,
    ],
)
def test_garbage_only_ever_raises_reader_error(write: Write, suffix: str, content: bytes) -> None:
    try:
        read_document(write(f"garbage{suffix}", content))
    except ReaderError as error:
        assert error.reason
    except Exception as error:  # the point of the test: nothing else escapes
        pytest.fail(f"{type(error).__name__} escaped for {suffix!r}: {error}")
