"""What the words around a person's name say about them: aliases, nationality, birth date, roles."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ingest.extract.spans import text_of
from ingest.readers.dates import parse_date

_Q = "\"“”'‘’"
_ALIAS_CUE = (
    r"alias|a\.k\.a\.?|aka|also known as|known as|nicknamed|nickname|called|also called|also spelled|"
    r"also written|spelled|also recorded as|recorded(?: in [\w ]{1,30}?)? as|calls himself|calls herself|"
    r"using the name|(?:who|which) (?:also )?(?:uses|used|goes by|went by) the (?:name|alias)|"
    r"(?:also )?going by(?: the name)?|"
    r"whose (?:real|true|actual) name is|(?:real|true) name|(?:(?:travell?ing|operating|living|registered|booked) )?"
    r"under the (?:name|alias)|also using the name"
)
_QUOTED_ALIAS = r"(?:[\"“](?P<q>[^\"”\n]{2,40})[\"”]|['‘](?P<q2>[^'’\n]{2,40})['’])"
ALIAS = re.compile(
    rf"[*_]*\s*(?:,\s*\d{{1,2}}\s*)?[,(]?\s*(?:{_ALIAS_CUE})\s*:?\s*(?:{_QUOTED_ALIAS}"
    rf"|(?P<a>[A-Z][\w\-.]*(?: (?:al|el|bin|abu|[A-Z])[\w\-.]*){{0,3}}))"
)
MORE_ALIAS = re.compile(
    rf"\s*(?:,|or|and|/)\s*(?:(?:nicknamed|known as|alias|called|also known as)\s+)?{_QUOTED_ALIAS}"
)
NICKNAME = re.compile(rf"\s*(?:\(\s*[{_Q}]?|[{_Q}])(?P<a>[A-Z][\w\-]*(?: [A-Z][\w\-]*)?)[{_Q}]?\s*\)?")
NOT_ALIASES = {"DOB", "born", "Born", "aged", "b", "ID", "No", "nicknamed"}
BORN = re.compile(r"(?:born(?: on)?|b\.|DOB:?|date of birth:?)\s*(?P<d>[\w .,/-]{6,22})", re.I)
AFTER_GAP = re.compile(
    r"(?:\s*,?\s*\(?(?:alias|a\.k\.a\.?|aka|also known as|known as|nicknamed|also spelled)[^,()]{1,40}\)?)?"
    r"\s*(?:\(\s*(?:\d{1,2}\s*\)\s*,\s*)?|,\s*(?:\d{1,2}\s*,\s*)?(?:(?:is|was|who is|who was|also)\s+)?"
    r"|\s+(?:is|was)\s+)(?:an?\s+|the\s+)?"
    r"(?:\d{1,2}[- ]years?[- ]old\s+|aged \d{1,2}\s*,?\s*|\d{1,2}\s*,\s*)?(?:(?:man|woman|male|female)\s*,?\s*)?",
    re.I,
)
BEFORE_GAP = re.compile(
    r"\s*(?:(?:national|citizen|man|woman|nationals|citizens|driver|skipper|smuggler|suspect)\s*)?,?\s*"
    r"(?:(?:known|referred to) (?:to \w+ )?(?:only )?as|called|named)?\s*[\"“]?",
    re.I,
)
BYLINE = re.compile(r"(?:^|\n)\s*(?:by|text:|report by)\s+$", re.I)
OFFICIAL = re.compile(
    r"\b(?:prosecutor|judge|spokes(?:person|man|woman)|inspector|commissioner|minister|director|"
    r"investigator|police officer|chief of police|head of (?:the )?(?:police|unit|department)|officer|"
    r"official|employee|clerk|border guard|journalist|reporter|correspondent|lawyer|attorney|barrister|"
    r"solicitor|researcher|interpreter)\b",
    re.I,
)


def aliases_after(doc: Doc, end_char: int, limit: int = 60) -> list[tuple[str, int, int]]:
    """Aliases stated right after a name: 'alias X', 'a.k.a. X or Y', 'known as "x"', '("X")'."""
    text = text_of(doc)
    m = ALIAS.match(text, end_char, end_char + limit) or NICKNAME.match(text, end_char, end_char + limit)
    found: list[tuple[str, int, int]] = []
    while m:
        key = next(k for k in ("q", "q2", "a") if m.groupdict().get(k))
        alias = m.group(key).rstrip(".,")
        if alias.split()[0] not in NOT_ALIASES:
            found.append((alias, m.start(key), m.start(key) + len(alias)))
        m = MORE_ALIAS.match(text, m.end(), m.end() + limit)
    return found


def nationality_near(mention: Span, demonyms: list[Span], stop: int) -> str | None:
    """ISO2 of a demonym in apposition after the name ('X, a 34-year-old Iraqi national', 'X (Iraqi)')
    or right before it ('Iraqi national X', 'the Bulgarian driver X'); `stop` bounds the look-ahead."""
    doc = mention.doc
    after = [d for d in demonyms if mention.end <= d.start and d.end_char <= stop]
    for dem in after:
        if AFTER_GAP.fullmatch(text_of(doc)[mention.end_char : dem.start_char]):
            return dem.kb_id_
    before = [d for d in demonyms if d.end <= mention.start and mention.start - d.end <= 4]
    if before:
        gap = text_of(doc)[before[-1].end_char : mention.start_char]
        if BEFORE_GAP.fullmatch(gap):
            return before[-1].kb_id_
    return None


def birth_date_after(doc: Doc, end_char: int, stop: int) -> str | None:
    """A full birth date stated after the name ('born on 12 March 1985', 'DOB 12.03.1985')."""
    m = BORN.search(text_of(doc)[end_char : min(stop, end_char + 120)])
    if not m:
        return None
    found = parse_date(m.group("d"))
    return found.isoformat() if found else None


def is_official(mention: Span) -> bool:
    """Whether the name is introduced by an official title ('Prosecutor X', 'X, a police spokesperson')."""
    doc = mention.doc
    before = text_of(doc)[max(0, mention.start_char - 40) : mention.start_char]
    after = text_of(doc)[mention.end_char : mention.end_char + 50]
    near_before = bool(OFFICIAL.search(before.split(",")[-1].split(".")[-1])) or bool(BYLINE.search(before))
    near_after = bool(re.match(r"^\s*,\s*(?:the |a |an )?[\w\s]{0,25}?" + OFFICIAL.pattern, after, re.I))
    return near_before or near_after


def roles_near(
    mention: Span, role_spans: list[Span], others: list[Span], skip: list[tuple[int, int]], max_gap: int = 12
) -> set[str]:
    """Role codes cued within `max_gap` tokens of the name in the same clause and nearer to it
    than to any other named person. Migrant cues count only in apposition ('X, an Afghan migrant')."""
    roles: set[str] = set()
    for cue in role_spans:
        if any(s <= cue.start_char < e for s, e in skip) or text_of(mention.doc)[cue.end_char :].startswith(
            ("'s", "’s")
        ):
            continue
        gap = _gap(mention, cue)
        near = gap <= max_gap and not _clause_break(mention, cue) and not any(_gap(o, cue) < gap for o in others)
        if not near and not _same_predicate(mention, cue, others):
            continue
        if cue.label_ == "migrant" and not _apposed(mention, cue):
            continue
        roles.add(cue.label_)
    return roles


def _same_predicate(mention: Span, cue: Span, others: list[Span]) -> bool:
    """The name is the subject of the verb whose clause holds the cue ('X acted as driver')."""
    root = mention.root
    while root.dep_ in ("appos", "compound", "conj") and root.head.i != root.i:
        root = root.head
    if root.dep_ not in ("nsubj", "nsubjpass") or root.head.pos_ not in ("VERB", "AUX"):
        return False
    verb = root.head
    clause = {t.i for t in verb.subtree}
    if cue.root.i not in clause:
        return False
    return not any(o.root.i in clause and o.root.dep_ in ("nsubj", "nsubjpass") for o in others)


def _apposed(mention: Span, cue: Span) -> bool:
    text = text_of(mention.doc)
    if cue.end <= mention.start:
        return mention.start - cue.end <= 1
    return bool(re.fullmatch(r"\s*[,(]\s*(?:an?|the)?\s*[\w\s-]{0,30}", text[mention.end_char : cue.start_char]))


def _gap(a: Span, b: Span) -> int:
    if a.end <= b.start:
        return b.start - a.end
    if b.end <= a.start:
        return a.start - b.end
    return 0


def _clause_break(a: Span, b: Span) -> bool:
    lo, hi = (a, b) if a.end <= b.start else (b, a)
    between = text_of(a.doc)[lo.end_char : hi.start_char]
    return bool(re.search(r"[;.:]\s|\n", between))


OFFICER = re.compile(
    r"\b(?:officer|official|border guard|policeman|policewoman|customs|clerk|employee|civil servant|consular)\b", re.I
)


def is_officer(mention: Span) -> bool:
    """Whether the name is described as an officer or employee who could be bribed."""
    doc = mention.doc
    around = text_of(doc)[max(0, mention.start_char - 40) : mention.end_char + 60]
    return bool(OFFICER.search(around))


MIGRANT_BEFORE = re.compile(
    r"(?:holder|passenger|traveller|traveler|identified himself as|identified herself as|migrant)\s*:?\s*$", re.I
)


def introduced_as_migrant(mention: Span) -> bool:
    """Whether the name is given as a document holder or traveller ('Holder: ABBASI, Reza')."""
    before = text_of(mention.doc)[max(0, mention.start_char - 40) : mention.start_char]
    before = re.sub(r"[A-Z]{2,}[\w-]*,\s*$", "", before)
    return bool(MIGRANT_BEFORE.search(before))


SUPPLIED_FROM = re.compile(
    r"\b(?:bought|purchased|obtained|received|got|acquired)\b[^.;]{0,60}?\b(?:passports?|id cards?|cards?|visas?|"
    r"documents?|permits?|papers)\b[^.;]{0,60}?\bfrom\s*(?:a man\s+|a woman\s+)?[\"“]?$",
    re.I,
)


def supplied_to_speaker(mention: Span) -> bool:
    """Whether the name is where a document was bought ('bought the card in Istanbul from "Abu Omar"')."""
    return bool(SUPPLIED_FROM.search(text_of(mention.doc)[max(0, mention.start_char - 140) : mention.start_char]))
