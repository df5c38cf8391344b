"""sg_techniques: the fraud techniques and modus operandi a report shows, from the cue spans
read in context (a 'forged' birth certificate is a false supporting document)."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.extract.spans import ensure_extensions, group, vocab_group

GENERIC = {"counterfeit", "forgery"}
# Techniques that make false documents the main method of a case (taxonomy: document_fraud).
DOCUMENT_FRAUD = {
    "pseudo_document",
    "counterfeit_stamp",
    "photo_substitution",
    "page_substitution",
    "data_alteration",
    "stolen_blank",
    "impostor",
}


def _on_supporting_document(cue: Span, types: list[Span]) -> bool:
    """Whether a generic cue ('forged', 'counterfeit') qualifies a supporting document next to it."""
    following = [t for t in types if 0 <= t.start - cue.end <= 3]
    return bool(following) and following[0].label_ == "supporting_document"


LOOSE = {"false": "false_document_unspecified", "fraudulent": "false_document_unspecified", "fake": "counterfeit"}


def _loose_cues(doc: Doc, types: list[Span], taken: list[Span]) -> list[tuple[str, Span]]:
    """'false Spanish ID cards', 'counterfeit Spanish entry stamps': a fraud word a few words before
    a document or a stamp, with a nationality in between that the phrase lists cannot foresee."""
    found: list[tuple[str, Span]] = []
    covered = {t for s in taken for t in range(s.start, s.end)}
    obtained_by_fraud = any(
        s.label_ in ("sham_marriage", "visa_fraud") for s in group(doc, vocab_group("modus_operandi"))
    )
    for token in doc:
        word = token.lower_
        if word == "obtained" and obtained_by_fraud and any(token.i < t.start <= token.i + 3 for t in types):
            found.append(("fraudulently_obtained_genuine", doc[token.i : token.i + 1]))
            continue
        if word not in LOOSE and word not in ("counterfeit", "forged"):
            continue
        after = doc[token.i + 1 : token.i + 4]
        if any(t.lower_ in ("stamp", "stamps") for t in after):
            found.append(("counterfeit_stamp", doc[token.i : token.i + 1]))
        elif token.i not in covered and word in LOOSE and any(token.i < t.start <= token.i + 3 for t in types):
            found.append((LOOSE[word], doc[token.i : token.i + 1]))
    return found


SPECIFIC = {"photo_substitution", "page_substitution", "data_alteration"}


def _specified_later(cue: Span, cues: list[Span], types: list[Span]) -> bool:
    """'a forged passport with an altered date of birth': the alteration says how, 'forged' adds
    nothing. Only for the same document: no other document is named in between."""
    sent_end = cue.sent.end if cue.doc.has_annotation("SENT_START") else len(cue.doc)
    for later in cues:
        if later.label_ in SPECIFIC and cue.end <= later.start < min(cue.end + 15, sent_end):
            return sum(1 for t in types if cue.end <= t.start < later.start) <= 1
    return False


def _grouped(spans: list[tuple[str, Span]]) -> list[dict[str, Any]]:
    found: dict[str, list[list[int]]] = {}
    for code, span in spans:
        found.setdefault(code, []).append([span.start_char, span.end_char])
    return [{"code": code, "spans": spans_} for code, spans_ in found.items()]


class TechniqueFinder:
    """Sets `doc._.sg_fraud_techniques` and `doc._.sg_modus_operandi` (CodeMention-shaped dicts)."""

    def __init__(self, name: str) -> None:
        self.name = name
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        types = group(doc, vocab_group("document_types"))
        techniques: list[tuple[str, Span]] = []
        for cue in group(doc, vocab_group("fraud_techniques")):
            code = cue.label_
            if code in GENERIC and any(t.lower_ in ("stamp", "stamps") for t in doc[cue.end : cue.end + 3]):
                continue
            if code in GENERIC and _on_supporting_document(cue, types):
                code = "false_supporting_documents"
            elif code in GENERIC and _specified_later(cue, group(doc, vocab_group("fraud_techniques")), types):
                continue
            techniques.append((code, cue))
        techniques += _loose_cues(doc, types, [s for _, s in techniques])
        codes = {code for code, _ in techniques}
        if codes - {"false_document_unspecified"}:
            techniques = [(c, s) for c, s in techniques if c != "false_document_unspecified"]
        operandi = [(s.label_, s) for s in group(doc, vocab_group("modus_operandi"))]
        main_method = codes & DOCUMENT_FRAUD or (codes & GENERIC and "false_supporting_documents" not in codes)
        if main_method and not any(c == "document_fraud" for c, _ in operandi):
            operandi += [("document_fraud", s) for c, s in techniques if c in DOCUMENT_FRAUD | GENERIC][:1]
        doc._.sg_fraud_techniques = _grouped(techniques)
        doc._.sg_modus_operandi = _grouped(operandi)
        return doc


@Language.factory(
    "sg_techniques",
    requires=["doc.spans"],
    assigns=["doc._.sg_fraud_techniques", "doc._.sg_modus_operandi"],
)
def make_techniques(nlp: Language, name: str) -> TechniqueFinder:
    """Factory for the fraud technique / modus operandi reader."""
    return TechniqueFinder(name)
