"""sg_documents: each document mentioned with its type, issuing country, status and number."""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.extract.spans import COUNTRIES, DEMONYMS, IDENTIFIERS, ensure_extensions, group, text_of, vocab_group

# The status a fraud technique implies for the document it was seen on.
TECHNIQUE_STATUS = {
    "counterfeit": "counterfeit",
    "forgery": "forged",
    "photo_substitution": "forged",
    "page_substitution": "forged",
    "data_alteration": "forged",
    "impostor": "genuine",
    "fraudulently_obtained_genuine": "fraudulently_obtained",
    "stolen_blank": "stolen",
    "pseudo_document": "pseudo",
    "counterfeit_stamp": "genuine",
    "false_supporting_documents": "forged",
    "false_document_unspecified": "unknown",
}
GENERIC = {"counterfeit", "forgery", "false_document_unspecified"}
_BOUNDARY = {
    "with",
    "in",
    "at",
    "by",
    "from",
    "for",
    "to",
    "was",
    "were",
    "had",
    "has",
    "have",
    "which",
    "that",
    "of",
    "on",
    "presented",
    "used",
    "carrying",
    "holding",
    "showed",
    "seized",
    "found",
    "detected",
    "bought",
}
PARENTHESIS = re.compile(r"(?:\s+\w+)?\s*\((?:[^()]*)")
COORDINATOR = re.compile(r"\s*(?:,|and|or|, and|, or|as well as)\s*", re.I)
SENTENCE_BREAK = re.compile(r"(?<!\bno)(?<!\bnr)[.;]\s")
ISSUED_BY = re.compile(r"^\s*,?\s*(?:issued (?:by|in)|of|from)\s+(?:the\s+)?$", re.I)


def noun_phrase_start(type_span: Span, limit: int = 8) -> int:
    """The first token of the phrase that modifies a document-type mention ('six counterfeit
    Bulgarian ID cards', 'genuine Greek, Italian and Bulgarian passports')."""
    doc = type_span.doc
    i = type_span.start
    others = {
        t for s in group(doc, vocab_group("document_types")) if s.end <= type_span.start for t in range(s.start, s.end)
    }
    cues = {t for name in ("document_status",) for s in group(doc, vocab_group(name)) for t in range(s.start, s.end)}
    while i > max(0, type_span.start - limit):
        token = doc[i - 1]
        if token.i in others:
            break
        if token.i in cues:
            i -= 1
            continue
        if token.lower_ in _BOUNDARY or token.text in (".", ";", ":", "(", ")") or token.is_sent_end:
            break
        if token.pos_ in ("VERB", "AUX", "ADP") and token.lower_ not in ("and",):
            break
        i -= 1
    return i


def _issuers(doc: Doc, start: int, type_span: Span) -> list[str]:
    adjectives = [
        s.kb_id_ for s in group(doc, DEMONYMS) + group(doc, COUNTRIES) if start <= s.start and s.end <= type_span.start
    ]
    if adjectives:
        return list(dict.fromkeys(adjectives))
    # '42 counterfeit Schengen visa stickers (mostly Greek and Italian)'
    listed = [
        s.kb_id_
        for s in group(doc, DEMONYMS)
        if 0 <= s.start_char - type_span.end_char < 40
        and PARENTHESIS.fullmatch(text_of(doc)[type_span.end_char : s.start_char])
    ]
    if listed:
        return list(dict.fromkeys(listed))
    for country in group(doc, COUNTRIES) + group(doc, DEMONYMS):
        between = text_of(doc)[type_span.end_char : country.start_char]
        if country.start >= type_span.end and len(between) < 40 and ISSUED_BY.match(between):
            return [country.kb_id_]
    return []


def _scope_end(doc: Doc, type_span: Span) -> int:
    """Where the words about a document end: the next document mention, paragraph end or 250 chars."""
    later = [noun_phrase_start(t) for t in group(doc, vocab_group("document_types")) if t.start >= type_span.end]
    limit = doc[min(later)].idx if later else len(text_of(doc))
    paragraph = text_of(doc).find("\n", type_span.end_char)
    return min(limit, paragraph if paragraph >= 0 else len(text_of(doc)), type_span.end_char + 250)


def _status(doc: Doc, start: int, type_span: Span) -> str | None:
    """The status said of a document: a status word in its phrase or right after it ('(genuine)'),
    else the most specific fraud technique stated about it before the next document is named."""
    statuses = group(doc, vocab_group("document_status"))
    stated = [s for s in statuses if start <= s.start and s.end <= type_span.start]
    after = [s for s in statuses if 0 <= s.start_char - type_span.end_char <= 30]
    if not stated and after and not SENTENCE_BREAK.search(text_of(doc)[type_span.end_char : after[0].start_char]):
        stated = after[:1]
    end = _scope_end(doc, type_span)
    techniques = [
        s
        for s in group(doc, vocab_group("fraud_techniques"))
        if start <= s.start < type_span.end or type_span.end_char <= s.start_char < end
    ]
    implied = [TECHNIQUE_STATUS[t.label_] for t in sorted(techniques, key=lambda t: (t.label_ in GENERIC, t.start))]
    if stated:
        status = str(stated[-1].label_)
        # 'genuine visas obtained through fictitious enrolment' are fraudulently obtained genuine ones.
        stronger = [s for s in implied if s in ("fraudulently_obtained", "stolen")]
        return stronger[0] if status == "genuine" and stronger else status
    return implied[0] if implied else None


def _number(doc: Doc, type_span: Span) -> str | None:
    numbers = [
        s
        for s in group(doc, IDENTIFIERS)
        if s.label_ == "document_number"
        and 0 <= s.start_char - type_span.end_char < 60
        and not SENTENCE_BREAK.search(text_of(doc)[type_span.end_char : s.start_char])
    ]
    return str(numbers[0].kb_id_) if numbers else None


class DocumentFinder:
    """Sets `doc._.sg_documents`: DocumentMention-shaped dicts, one per type/issuer/status/number,
    for documents the text says something about (an issuer, a status, a technique or a number)."""

    def __init__(self, name: str) -> None:
        self.name = name
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        found: list[dict[str, Any]] = []
        previous: tuple[Span, str | None, list[str]] | None = None
        for type_span in group(doc, vocab_group("document_types")):
            start = noun_phrase_start(type_span)
            status = _status(doc, start, type_span)
            number = _number(doc, type_span)
            issuers = _issuers(doc, start, type_span)
            if previous and _coordinated(doc, previous[0], type_span):
                # 'forged passports, ID cards and residence permits': the list shares what opens it
                status, issuers = status or previous[1], issuers or previous[2]
            previous = (type_span, status, issuers)
            if status is None and number is None and not issuers:
                continue
            options: list[str | None] = list(issuers) or [None]
            for issuer in options:
                entry = {
                    "type": type_span.label_,
                    "issuing_country": issuer,
                    "status": status or "unknown",
                    "number": number,
                }
                found.append(entry)
        doc._.sg_documents = _dedupe(found)
        return doc


def _coordinated(doc: Doc, before: Span, after: Span) -> bool:
    """Whether document type `after` is the next bare item of a list after `before` ('passports, ID cards')."""
    return bool(COORDINATOR.fullmatch(text_of(doc)[before.end_char : after.start_char]))


def _dedupe(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per document: vaguer repeats (no issuer, unknown status, no number) fold into
    a more specific entry of the same type."""
    unique: list[dict[str, Any]] = []
    for entry in found:
        if entry not in unique:
            unique.append(entry)

    def covered(vague: dict[str, Any], other: dict[str, Any]) -> bool:
        return (
            vague is not other
            and vague["type"] == other["type"]
            and all(vague[k] in (None, "unknown", other[k]) for k in ("issuing_country", "status", "number"))
        )

    for vague in [e for e in unique if e["issuing_country"] is None]:
        partner = next(
            (o for o in unique if o is not vague and o["type"] == vague["type"] and o["status"] == "unknown"), None
        )
        if partner is not None:
            partner["status"] = vague["status"]
            unique.remove(vague)
    return [e for e in unique if not any(covered(e, o) for o in unique)]


@Language.factory("sg_documents", requires=["doc.spans"], assigns=["doc._.sg_documents"])
def make_documents(nlp: Language, name: str) -> DocumentFinder:
    """Factory for the document finder."""
    return DocumentFinder(name)
