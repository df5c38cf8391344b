"""sg_numbers: counts of arrests and migrants, and smuggling fees in EUR, from each sentence."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ingest.extract.components.numwords import NUMBER, parse_count, parse_number, scaled
from ingest.extract.spans import ensure_extensions, sentences

_N = rf"(?P<n>{NUMBER})"
_SUSPECTS = (
    r"(?:suspects?|smugglers?|facilitators?|members?|individuals?|persons?|people|"
    r"men|women|drivers?|nationals|traffickers?|accomplices|others|accused|defendants|crew)"
)
ARRESTS = [
    re.compile(
        rf"\b{_N} (?:[\w-]+ ){{0,3}}?{_SUSPECTS}\b[^.;]{{0,80}}?\b(?:were|have been|"
        rf"had been|was|being) (?:arrested|detained|apprehended|taken into custody)",
        re.I,
    ),
    re.compile(
        rf"\b(?:arrested|arresting|detained|apprehended)(?: a total of| another| further|"
        rf" at least)? {_N}\b(?! ?(?:migrants|irregular|asylum|refugees))",
        re.I,
    ),
    re.compile(rf"\b{_N} (?:[\w-]+ )?arrests\b", re.I),
    re.compile(rf"\barrests? of {_N}\b", re.I),
    re.compile(rf"\b{_N} (?:were |have been )?arrested\b", re.I),
    re.compile(rf"\b{_N} (?:[\w-]+ ){{0,3}}?(?:suspects|smugglers|facilitators)\b[^.;]{{0,40}}?\barrested", re.I),
]
_MIGRANT_NOUNS = (
    r"(?:migrants|irregular migrants|nationals|third-country nationals|persons|"
    r"people|refugees|asylum[- ]seekers|passengers|individuals|children|men|foreigners|"
    r"foreign nationals|applicants)"
)
_MIGRANT_CONTEXT = re.compile(
    r"intercept|rescu|smuggl|found|detect|on board|aboard|carrying|transport|"
    r"hidden|concealed|disembark|apprehend|crammed|landed|arriv|drown|dead|died|"
    r"bodies|missing|pushed back|moved|brought|left from|departed|boarded|crossed|entered|carried|travell?ed",
    re.I,
)
SMUGGLED_BEFORE = re.compile(r"smuggl|moved|transport|carr|rescu|intercept|brought|apprehend", re.I)
MIGRANTS = re.compile(rf"\b(?!(?:19|20)\d\d\b){_N} (?:[\w-]+ ){{0,3}}?(?P<noun>{_MIGRANT_NOUNS})\b", re.I)
# '9 Moroccan nationals and 2 Guineans': counts joined in one phrase add up.
MORE_MIGRANTS = re.compile(rf"\s*(?:,|and|, and)\s*{_N} (?:[\w-]+ ){{0,2}}?(?:{_MIGRANT_NOUNS}|[A-Z][a-z]+s)\b")
_EUR = r"(?:EUR|€|euros?|Euros?)"
_AMOUNT = rf"(?P<a>{NUMBER})(?P<ak>\s*(?:thousand|k)\b)?"
_AMOUNT2 = rf"(?P<b>{NUMBER})(?P<bk>\s*(?:thousand|k)\b)?"
_RANGE = r"\s*(?:to|-|–|—|and)\s*"
FEES = [
    re.compile(rf"{_EUR}\s?{_AMOUNT}(?:{_RANGE}(?:{_EUR}\s?)?{_AMOUNT2})?"),
    re.compile(rf"(?<![\w.,]){_AMOUNT}(?:\s?{_EUR})?(?:{_RANGE}{_AMOUNT2})?\s?{_EUR}"),
]
FEE_CUE = re.compile(
    r"charg|paid|pay|fee|price|per person|per migrant|each|cost|per head|per passenger|per crossing|demand|ask", re.I
)
SUSPECT_CONTEXT = re.compile(r"arrest|suspect|charged|convicted|sentenced|smugglers", re.I)


class NumberFinder:
    """Sets `doc._.sg_numbers` = {arrests, migrants, fee_eur_min, fee_eur_max} (None when not stated).

    Counts are the largest stated in any one sentence (reports restate totals); fees come only
    from EUR amounts in sentences that speak of payment.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        arrests: list[int] = []
        migrants: list[int] = []
        fees: list[tuple[float, float]] = []
        for sent in sentences(doc):
            text = sent.text
            arrests += [c for rx in ARRESTS for m in rx.finditer(text) if (c := parse_count(m.group("n")))]
            migrants += self._migrants(text)
            if FEE_CUE.search(text):
                fees += self._fees(text)
        if not arrests:
            arrests = [n] if (n := _single_arrests(doc)) else []
        doc._.sg_numbers = {
            "arrests": max(arrests) if arrests else None,
            "migrants": max(migrants) if migrants else None,
            "fee_eur_min": min(f[0] for f in fees) if fees else None,
            "fee_eur_max": max(f[1] for f in fees) if fees else None,
        }
        return doc

    def _migrants(self, text: str) -> list[int]:
        if not _MIGRANT_CONTEXT.search(text):
            return []
        counts = []
        for m in MIGRANTS.finditer(text):
            words = m.group().lower()
            if re.search(r"suspect|smuggler|driver", words):
                continue
            moved = SMUGGLED_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
            if (
                "migrant" not in words
                and not moved
                and SUSPECT_CONTEXT.search(text)
                and not _MIGRANT_CONTEXT.search(text[m.end() : m.end() + 60])
            ):
                continue
            count = parse_count(m.group("n"))
            if count and not re.match(r"\s*(?:years?|year-old|-year)", text[m.end("n") :]):
                end = m.end()
                while more := MORE_MIGRANTS.match(text, end):
                    count += parse_count(more.group("n")) or 0
                    end = more.end()
                counts.append(count)
        return counts

    def _fees(self, text: str) -> list[tuple[float, float]]:
        found: list[tuple[float, float]] = []
        taken: list[tuple[int, int]] = []
        for rx in FEES:
            for m in rx.finditer(text):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                low = parse_number(m.group("a"))
                if low is None:
                    continue
                low = scaled(low, m.group("ak") or "")
                high = parse_number(m.group("b")) if m.group("b") else None
                high = scaled(high, m.group("bk") or "") if high is not None else low
                if m.group("bk") and not m.group("ak") and low < 1000 <= high:
                    low *= 1000
                if high < low:
                    continue
                taken.append((m.start(), m.end()))
                found.append((low, high))
        return found


SINGLE_ARREST = re.compile(r"\b(?P<verb>was|were) (?:also )?(?:arrested|arested|detained|taken into custody)\b", re.I)


def _single_arrests(doc: Doc) -> int:
    """Arrests stated without a number: one per 'X was arrested', two for 'X and Y were arrested'."""
    total = 0
    for sent in sentences(doc):
        for m in SINGLE_ARREST.finditer(sent.text):
            subject = sent.text[: m.start()].split(";")[-1]
            if re.search(r"migrants?|nationals were|people were", subject[-40:], re.I):
                continue
            total += (
                2
                if m.group("verb").lower() == "were" and " and " in subject
                else 1
                if m.group("verb").lower() == "was"
                else 0
            )
    return total


@Language.factory("sg_numbers", assigns=["doc._.sg_numbers"])
def make_numbers(nlp: Language, name: str) -> NumberFinder:
    """Factory for the arrests / migrants / fee finder."""
    return NumberFinder(name)
