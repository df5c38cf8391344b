"""Names and helpers the components share: span groups, Doc extensions, sentences and windows."""

from __future__ import annotations

from spacy.tokens import Doc, Span

COUNTRIES = "sg_countries"
PLACES = "sg_places"
OFFICE_PLACES = "sg_office_places"  # places named only in an office's name ('ILO Belgrade')
DEMONYMS = "sg_demonyms"
IDENTIFIERS = "sg_identifiers"

# One Doc extension per result a component assigns; values are JSON-like so that
# nlp.pipe(n_process>1) can ship them between processes.
EXTENSIONS = (
    "sg_persons",
    "sg_organisations",
    "sg_routes",
    "sg_documents",
    "sg_countries",
    "sg_nationalities",
    "sg_numbers",
    "sg_relations",
    "sg_person_status",
    "sg_fraud_techniques",
    "sg_modus_operandi",
)


TEXT = "sg_text"


def text_of(doc: Doc) -> str:
    """The document's text, joined once: spaCy's `Doc.text` joins every token again on each call."""
    text = doc.user_data.get(TEXT)
    if not isinstance(text, str):
        text = doc.user_data[TEXT] = doc.text
    return text


def ensure_extensions() -> None:
    """Register the Doc extensions the components write (idempotent)."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def vocab_group(vocabulary: str) -> str:
    """The span group that holds the matches of one taxonomy vocabulary."""
    return f"sg_{vocabulary}"


def sentences(doc: Doc) -> list[Span]:
    """The sentences of a doc, also split at line breaks (list items, headings, table rows);
    the whole doc as one sentence if nothing set boundaries."""
    parsed = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    found: list[Span] = []
    for sent in parsed:
        start = sent.start
        for token in sent:
            if (token.is_space and "\n" in token.text) or "\n" in token.whitespace_:
                if any(not t.is_space for t in doc[start : token.i + 1]):
                    found.append(doc[start : token.i + 1])
                start = token.i + 1
        if start < sent.end:
            found.append(doc[start : sent.end])
    return found


def sentence_of(span: Span) -> Span:
    """The sentence (as split by `sentences`) that contains the start of a span."""
    return next((s for s in sentences(span.doc) if s.start <= span.start < s.end), span.doc[:])


def group(doc: Doc, name: str) -> list[Span]:
    """The spans of a span group, or none if the group is absent."""
    return list(doc.spans[name]) if name in doc.spans else []


def within(spans: list[Span], container: Span) -> list[Span]:
    """The spans that lie inside a container span."""
    return [s for s in spans if s.start >= container.start and s.end <= container.end]
