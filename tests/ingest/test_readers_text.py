"""Readers of text-like reports: plain text and encodings, Markdown, HTML, e-mail, JSON incident records."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from graph.errors import ReaderError
from ingest.document import normalise_text
from ingest.readers import SUPPORTED_SUFFIXES, read_document
from tests.ingest.conftest import REPORT, read_error

Write = Callable[[str, bytes | str], Path]
DOCS = Path(__file__).resolve().parents[2] / "docs" / "incident-json.md"
CYRILLIC = "Сергей Иванов задержан в Софии на границе с Турцией."


def test_supported_suffixes_cover_every_format() -> None:
    assert set(SUPPORTED_SUFFIXES) == {".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".eml", ".json"}


# --- plain text and encodings -------------------------------------------------------------------


def test_text_gives_normalised_text_title_date_and_absolute_source(
    write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write("note.txt", f"Title: Operational note 14\r\nDate: 13.03.2026\r\n\r\n\r\n\r\n{REPORT}   More.\r\n")
    monkeypatch.chdir(tmp_path)
    document = read_document(Path("note.txt"))
    assert document.source == str(path.resolve())
    assert document.text == f"Title: Operational note 14\nDate: 13.03.2026\n\n{REPORT} More."
    assert (document.title, document.date, document.media_type) == (
        "Operational note 14",
        date(2026, 3, 13),
        "text/plain",
    )


def test_text_title_from_a_short_first_line_and_subject_line(write: Write) -> None:
    assert read_document(write("a.txt", f"OPERATIONAL NOTE 14/2026\n\n{REPORT}")).title == "OPERATIONAL NOTE 14/2026"
    assert read_document(write("b.txt", f"Subject: Lorry interception\nDate: 12 March 2026\n{REPORT}")).date == date(
        2026, 3, 12
    )
    assert read_document(write("c.txt", f"{REPORT}\n{REPORT}")).title is None


@pytest.mark.parametrize(
    ("encoded", "expected"),
    [
        ("Müller paid EUR 5 000 in Göteborg.".encode("cp1252"), "Müller paid EUR 5 000 in Göteborg."),
        ("Șerban Ionescu, Constanța".encode("utf-16"), "Șerban Ionescu, Constanța"),
        (b"\xef\xbb\xbf" + "Δημήτρης, Θεσσαλονίκη".encode(), "Δημήτρης, Θεσσαλονίκη"),
        (CYRILLIC.encode("cp1251"), CYRILLIC),
    ],
)
def test_text_encodings_are_detected(write: Write, encoded: bytes, expected: str) -> None:
    assert read_document(write("enc.txt", encoded)).text == expected


def test_text_is_normalised_exactly_once(write: Write) -> None:
    document = read_document(write("n.txt", "Cafe\u0301  a\u00a0b\n\n\n\nend"))
    assert document.text == "Café a b\n\nend"
    assert normalise_text(document.text) == document.text


# --- Markdown -----------------------------------------------------------------------------------

MARKDOWN = """# Operational note **14**

Date: 2026-03-14

On 12 March, *14* Afghan nationals were [intercepted](https://example.org/x) at __Kapitan Andreevo__.

## Persons

- Ivan `PETROV`, driver
1. Ahmad_Karimi stays one word
> quoted line with \\*stars\\*

---
"""


def test_markdown_strips_markup_but_keeps_words_and_lines(write: Write) -> None:
    document = read_document(write("note.md", MARKDOWN))
    assert document.text.split("\n") == [
        "Operational note 14",
        "",
        "Date: 2026-03-14",
        "",
        "On 12 March, 14 Afghan nationals were intercepted at Kapitan Andreevo.",
        "",
        "Persons",
        "",
        "Ivan PETROV, driver",
        "Ahmad_Karimi stays one word",
        "quoted line with *stars*",
    ]
    assert (document.title, document.date, document.media_type) == (
        "Operational note 14",
        date(2026, 3, 14),
        "text/markdown",
    )


def test_markdown_front_matter_gives_title_and_date(write: Write) -> None:
    document = read_document(write("fm.md", f"---\ntitle: Weekly report\ndate: 2026-03-20\n---\n{REPORT}\n"))
    assert (document.title, document.date, document.text) == ("Weekly report", date(2026, 3, 20), REPORT)


# --- HTML ---------------------------------------------------------------------------------------

HTML = """<!doctype html><html><head><title>Press release: ring   dismantled</title>
<meta name="date" content="2026-03-15"><style>p { color: red }</style>
<script>var tracking = "SECRET-SCRIPT";</script></head>
<body><header><a href="/">Police portal</a></header>
<nav><a href="/news">All news</a> | <a href="/contact">Contact</a></nav>
<!-- editor's comment -->
<main><h1>Smuggling ring dismantled</h1>
<p>On 12 March, 14 <b>Afghan</b>
nationals were intercepted at <a href="/x">Kapitan Andreevo</a>.<br>The driver was arrested.</p>
<table><tr><th>Name</th><th>Role</th></tr><tr><td>Ivan Petrov</td><td>driver</td></tr></table>
<aside>Related: other news</aside></main>
<footer>Copyright police</footer><script>alert("SECRET-SCRIPT")</script></body></html>"""


def test_html_keeps_main_text_and_drops_page_furniture(write: Write) -> None:
    document = read_document(write("press.html", HTML))
    assert document.text == (
        "Smuggling ring dismantled\n\n"
        "On 12 March, 14 Afghan nationals were intercepted at Kapitan Andreevo.\n"
        "The driver was arrested.\n\nName | Role\n\nIvan Petrov | driver"
    )
    for noise in ("SECRET-SCRIPT", "color", "Police portal", "All news", "Related", "Copyright", "comment"):
        assert noise not in document.text
    assert (document.title, document.date, document.media_type) == (
        "Press release: ring dismantled",
        date(2026, 3, 15),
        "text/html",
    )


def test_html_title_falls_back_to_first_h1_and_meta_charset_is_honoured(write: Write) -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><h1>Arrest in Göteborg</h1><p>Text</p></body>'
    document = read_document(write("page.htm", page.encode("cp1252")))
    assert document.title == "Arrest in Göteborg"
    assert document.text == "Arrest in Göteborg\n\nText"


# --- e-mail -------------------------------------------------------------------------------------


def test_email_subject_date_body_and_attachments(
    write: Write, make_email: Callable[..., bytes], make_pdf: Callable[..., bytes]
) -> None:
    data = make_email(
        "Interception at Kapitan Andreevo",
        f"{REPORT}\nDetails attached.",
        sent=datetime(2026, 3, 13, 23, 30, tzinfo=UTC),
        attachments=(
            ("note.pdf", make_pdf(["The driver was arrested."]), "application/pdf"),
            ("photo.png", b"\x89PNG\r\n\x1a\n0000", "image/png"),
            ("memo.txt", "Mémo: passports from Göteborg.".encode(), "text/plain"),
        ),
    )
    document = read_document(write("mail.eml", data))
    assert document.text == (
        f"{REPORT}\nDetails attached.\n\n"
        "--- attachment: note.pdf ---\nThe driver was arrested.\n\n"
        "--- attachment: memo.txt ---\nMémo: passports from Göteborg."
    )
    assert (document.title, document.date, document.media_type) == (
        "Interception at Kapitan Andreevo",
        date(2026, 3, 13),
        "message/rfc822",
    )
    assert document.metadata["attachments"] == ["note.pdf", "memo.txt"]
    assert document.metadata["skipped_attachments"] == [{"name": "photo.png", "reason": "unsupported file type"}]


def test_email_html_body_goes_through_the_html_reader(write: Write, make_email: Callable[..., bytes]) -> None:
    document = read_document(write("html.eml", make_email("HTML only", None, html=HTML)))
    assert document.text.startswith("Smuggling ring dismantled\n\nOn 12 March, 14 Afghan nationals")
    assert "SECRET-SCRIPT" not in document.text
    assert document.title == "HTML only"


def test_email_with_only_an_attachment_is_read_and_a_broken_one_is_reported(
    write: Write, make_email: Callable[..., bytes], make_blank_pdf: Callable[[], bytes]
) -> None:
    data = make_email(
        "Forwarded report",
        None,
        attachments=(
            ("report.txt", REPORT.encode(), "text/plain"),
            ("scan.pdf", make_blank_pdf(), "application/pdf"),
        ),
    )
    document = read_document(write("fwd.eml", data))
    assert document.text == f"--- attachment: report.txt ---\n{REPORT}"
    assert document.metadata["skipped_attachments"] == [
        {"name": "scan.pdf", "reason": "PDF has no text layer (scanned image?)"}
    ]


def test_email_without_readable_body_is_refused(write: Write, make_email: Callable[..., bytes]) -> None:
    data = make_email("Photo", None, attachments=(("photo.png", b"\x89PNG\r\n\x1a\n0000", "image/png"),))
    error = read_error(write("photo.eml", data))
    assert error.reason.startswith("e-mail has no readable body")


# --- JSON incident records ----------------------------------------------------------------------


def documented(language: str) -> str:
    """The fenced block of the given language in docs/incident-json.md (the example users copy)."""
    match = re.search(rf"```{language}\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.DOTALL)
    assert match is not None
    return match.group(1)


def incident(**changes: object) -> dict[str, object]:
    record: dict[str, object] = json.loads(documented("json"))
    record.update(changes)
    return record


def test_documented_incident_example_reads_as_documented(write: Write) -> None:
    document = read_document(write("incident.json", documented("json")))
    assert document.text == documented("text").strip()
    assert (document.title, document.date, document.media_type) == (
        "Interception of 14 Afghan nationals in a lorry at Kapitan Andreevo",
        date(2026, 3, 12),
        "application/json",
    )
    record = document.metadata["incident"]
    assert isinstance(record, dict)
    assert record["persons"][0]["birth_date"] == "1985-04-02"
    assert record["route"] == [
        {"place": "Istanbul", "country": "TR"},
        {"place": "Edirne", "country": "TR"},
        {"place": "Sofia", "country": "BG"},
    ]


def test_minimal_incident_and_country_codes_in_lower_case(write: Write) -> None:
    minimal = {
        "title": "Rescue off Lampedusa",
        "date": "2026-04-01",
        "place": {"name": "Lampedusa", "country": "it"},
        "incident_kind": "rescue",
        "migrants": {"count": 1},
    }
    document = read_document(write("rescue.json", json.dumps(minimal)))
    assert document.text == "Rescue off Lampedusa\n\nIncident on 2026-04-01 at Lampedusa (IT): rescue.\n1 migrant."
    record = document.metadata["incident"]
    assert isinstance(record, dict)
    assert record["place"] == {"name": "Lampedusa", "kind": None, "country": "IT"}


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        (
            incident(persons=[{"name": "X", "roles": ["boss"]}]),
            "persons[0].roles[0]: 'boss' is not a person_roles code",
        ),
        (incident(vehicle="CB 1234 AB"), "vehicle: Extra inputs are not permitted"),
        (incident(date="2026-02-30"), "date: "),
        ({k: v for k, v in incident().items() if k != "title"}, "title: Field required"),
        (incident(migrants={"count": -3}), "migrants.count: "),
        (
            incident(place={"name": "Sofia", "country": "ZZ"}),
            "place.country: 'ZZ' is not an ISO 3166-1 alpha-2",
        ),
        (
            incident(documents=[{"type": "passport", "fraud_technique": "magic"}]),
            "documents[0].fraud_technique: ",
        ),
        (incident(route=[{}]), "route[0]: "),
        (incident(incident_kind="party"), "incident_kind: "),
    ],
)
def test_invalid_incident_names_the_first_bad_field(write: Write, record: dict[str, object], reason: str) -> None:
    error = read_error(write("bad.json", json.dumps(record)))
    assert error.reason.startswith(f"invalid incident record: {reason}")


def test_incident_list_and_broken_json_are_refused(write: Write) -> None:
    listed = read_error(write("many.json", json.dumps([incident(), incident()])))
    assert listed.reason == "one incident per file: found a list of 2 records"
    broken = read_error(write("broken.json", '{\n  "title": "x",\n  date: "2026-03-12"\n}'))
    assert broken.reason.startswith("invalid JSON at line 3, column 3:")
    scalar = read_error(write("scalar.json", "42"))
    assert scalar.reason == "an incident record must be a JSON object, not int"


# --- content sniffing ---------------------------------------------------------------------------


def test_content_wins_when_the_suffix_lies_or_is_missing(
    write: Write,
    make_pdf: Callable[..., bytes],
    make_email: Callable[..., bytes],
    make_docx: Callable[..., bytes],
) -> None:
    assert read_document(write("report.txt", make_pdf([REPORT]))).media_type == "application/pdf"
    assert read_document(write("note.pdf", make_docx([REPORT]))).text.startswith(REPORT)
    mail = read_document(write("message", make_email("Sniffed mail", REPORT)))
    assert (mail.media_type, mail.title, mail.text) == ("message/rfc822", "Sniffed mail", REPORT)
    page = read_document(write("saved.txt", HTML))
    assert page.media_type == "text/html"
    assert "SECRET-SCRIPT" not in page.text
    assert read_document(write("export.dat", json.dumps(incident()))).metadata["incident"]
    plain = read_document(write("README", REPORT))
    assert (plain.media_type, plain.text) == ("text/plain", REPORT)


def test_no_report_text_is_logged_at_info_or_above(
    write: Write, make_pdf: Callable[..., bytes], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    read_document(write("a.pdf", make_pdf([REPORT])))
    read_document(write("a.html", HTML))
    with pytest.raises(ReaderError):
        read_document(write("bad.pdf", b"%PDF-1.4\n" + REPORT.encode()))
    loud = [record.getMessage() for record in caplog.records if record.levelno >= logging.INFO]
    assert not any("Afghan" in message or "Kapitan" in message for message in loud)
