"""sg_taxonomy: cue phrases for every taxonomy vocabulary, one span group per vocabulary."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ingest.extract import resources
from ingest.extract.spans import vocab_group

VOCABULARIES = (
    "fraud_techniques",
    "document_types",
    "document_status",
    "modus_operandi",
    "person_roles",
    "organisation_kinds",
    "transport_modes",
    "named_routes",
)


class TaxonomyMatcher:
    """Marks taxonomy cues; span label = taxonomy code, group `sg_<vocabulary>`.

    Within one vocabulary the longest match wins ('stolen blank' over 'stolen'), so a phrase
    yields one code; different vocabularies may mark the same words.
    """

    def __init__(self, nlp: Language, name: str, vocabularies: list[str]) -> None:
        self.name = name
        self.matchers: dict[str, PhraseMatcher] = {}
        for vocabulary in vocabularies:
            matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
            for code, phrases in resources.vocabulary(vocabulary).items():
                matcher.add(code, _pattern_docs(nlp, phrases))
            self.matchers[vocabulary] = matcher

    def __call__(self, doc: Doc) -> Doc:
        for vocabulary, matcher in self.matchers.items():
            spans = [Span(doc, s, e, label=k) for k, s, e in matcher(doc)]
            doc.spans[vocab_group(vocabulary)] = filter_spans(spans)
        return doc


def _pattern_docs(nlp: Language, phrases: list[str]) -> list[Doc]:
    """Tokenised patterns in lower and upper case: the tokenizer splits some words ('id') by case."""
    variants = sorted({v for p in phrases for v in (p, p.upper())})
    docs = [nlp.make_doc(v) for v in variants]
    unique: dict[tuple[str, ...], Doc] = {tuple(t.lower_ for t in d): d for d in docs}
    return list(unique.values())


@Language.factory(
    "sg_taxonomy",
    assigns=["doc.spans"],
    default_config={"vocabularies": list(VOCABULARIES)},
)
def make_taxonomy_matcher(nlp: Language, name: str, vocabularies: list[str]) -> TaxonomyMatcher:
    """Factory for the taxonomy cue matcher."""
    return TaxonomyMatcher(nlp, name, vocabularies)
