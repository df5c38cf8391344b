"""sg_persons: named persons with aliases, nationality, birth date and roles, mentions merged."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz
from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.extract import resources
from ingest.extract.components.person_names import clean, is_name
from ingest.extract.relations import person_attrs as attrs
from ingest.extract.spans import (
    COUNTRIES,
    DEMONYMS,
    IDENTIFIERS,
    PLACES,
    ensure_extensions,
    group,
    sentence_of,
    text_of,
    vocab_group,
)
from ingest.resolve.compare import compare_names

PLACE_PREP = re.compile(r"\b(?:in|at|near|from|to|via|towards|through|of)\s+$", re.I)
PLACE_NOUN = re.compile(
    r"\s*(?:railway|border|airport|port|harbour|area|district|region|province|crossing|camp)\b", re.I
)
THING_QUOTED = re.compile(
    r"(?:airport|boat|speedboat|vessel|ship|yacht|dinghy|trawler|port|ferry|company|agency|page|group)\s*[\"“'‘]$",
    re.I,
)
JOINER = re.compile(r"\s*(?:,|and|, and)\s*")
CITIZENS = re.compile(r"\s*(?:citizens?|nationals?)\b")


INNER_NICKNAME = re.compile(
    r"(?<![\w\-])(?P<given>[A-Z][\w\-]+) [\"“‘](?P<nick>[A-Z][^\"”’\n]{1,30})[\"”’]"
    r" (?P<family>[A-Z][\w\-]+(?: [A-Z][\w\-]+)?)"
)


def _inner_nicknames(doc: Doc) -> list[re.Match[str]]:
    """Nicknames written inside a name: 'Zoran "Zoki" Petrovic' is Zoran Petrovic, alias Zoki."""
    return [m for m in INNER_NICKNAME.finditer(text_of(doc)) if is_name(f"{m.group('given')} {m.group('family')}")]


@dataclass
class _Person:
    name: str
    mentions: list[Span] = field(default_factory=list)
    char_spans: list[tuple[int, int]] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    alias_spans: list[tuple[int, int]] = field(default_factory=list)

    def matches(self, name: str) -> bool:
        """Whether a mention names this person: same name or alias, a close spelling, or the surname alone."""
        parts, own = name.split(), self.name.split()
        if name == self.name or name in self.aliases:
            return True
        if len(parts) > 1 and len(own) > 1 and fuzz.ratio(name.lower(), self.name.lower()) >= 85:
            # close letters, unless the comparator sees two people: brothers who share a patronymic and a
            # surname ("Ahmed Khalil Hassan" / "Mahmoud Khalil Hassan") are never one person's alias
            return compare_names(name, self.name).decision != "different"
        # A later mention by surname (or by given name) alone is the same person.
        return len(parts) == 1 and len(own) > 1 and parts[0] in (own[-1], own[0])


class PersonFinder:
    """Sets `doc._.sg_persons` (PersonMention-shaped dicts) and `doc._.sg_person_status`
    ("suspect", "migrant" or "official" per person, same order)."""

    def __init__(self, name: str, max_role_gap: int) -> None:
        self.name = name
        self.max_role_gap = max_role_gap
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        people = self._collect(doc)
        doc._.sg_persons = [self._describe(doc, p, people) for p in people]
        _share_coordinated(doc, people, doc._.sg_persons)
        doc._.sg_person_status = [self._status(doc, p, d) for p, d in zip(people, doc._.sg_persons, strict=True)]
        for person, status in zip(doc._.sg_persons, doc._.sg_person_status, strict=True):
            if status == "suspect" and not person["roles"]:
                person["roles"] = ["facilitator"]
            elif status == "migrant":
                person["roles"] = ["migrant"]
        return doc

    def _collect(self, doc: Doc) -> list[_Person]:
        people: list[_Person] = []
        mentions: list[tuple[str, Span, tuple[int, int]]] = []
        inner = _inner_nicknames(doc)
        for ent in doc.ents:
            cleaned = clean(ent) if ent.label_ == "PERSON" else None
            if cleaned and (whole := next((n for n in inner if n.start() <= cleaned[0] < n.end()), None)):
                if any(chars == (whole.start(), whole.end()) for _, _, chars in mentions):
                    continue  # 'Zoran' and 'Petrovic' of 'Zoran "Zoki" Petrovic' are one mention
                cleaned = (whole.start(), whole.end(), f"{whole.group('given')} {whole.group('family')}")
            if cleaned and is_name(cleaned[2]) and not self._place_like(doc, ent, cleaned[2]):
                span = doc.char_span(cleaned[0], cleaned[1], alignment_mode="expand")
                if span is not None:
                    mentions.append((cleaned[2], span, (cleaned[0], cleaned[1])))
        nicknames = {(n.start(), n.end()): (n.group("nick"), n.start("nick"), n.end("nick")) for n in inner}
        for m in QUOTED_PERSON.finditer(text_of(doc)):
            span = doc.char_span(m.start("n"), m.end("n"), alignment_mode="expand")
            if span is not None and is_name(m.group("n")):
                mentions.append((m.group("n"), span, (m.start("n"), m.end("n"))))
        # A name given as another's alias ('X (also recorded as Y)') is not a person of its own.
        alias_taken = [(a[1], a[2]) for _, span, _ in mentions for a in attrs.aliases_after(doc, span.end_char)]
        # Full names first so that a bare surname finds its owner whatever the order.
        for name, span, chars in sorted(mentions, key=lambda m: (-len(m[0].split()), m[1].start)):
            if any(s <= span.start_char < e for s, e in alias_taken):
                continue
            person = next((p for p in people if p.matches(name)), None)
            if person is None:
                person = _Person(name)
                people.append(person)
            if name != person.name and len(name.split()) > 1 and name not in person.aliases:
                person.aliases.append(name)
            person.mentions.append(span)
            person.char_spans.append(chars)
            for alias, start, end in [*filter(None, [nicknames.get(chars)]), *attrs.aliases_after(doc, span.end_char)]:
                if alias not in resources.demonyms() and alias not in resources.country_names() and alias != name:
                    if alias not in person.aliases:
                        person.aliases.append(alias)
                    person.alias_spans.append((start, end))
        return sorted(people, key=lambda p: min(m.start for m in p.mentions))

    @staticmethod
    def _place_like(doc: Doc, ent: Span, name: str) -> bool:
        """A 'person' the model mislabelled: after a place preposition, next to a place noun or
        another place ('Duisburg, Essen and Bochum'), quoted ('the speedboat "Deniz"'), or an identifier."""
        text = text_of(doc)
        before = text[max(0, ent.start_char - 25) : ent.start_char]
        after = text[ent.end_char : ent.end_char + 25]
        if any(s.start < ent.end and ent.start < s.end for s in group(doc, IDENTIFIERS)):
            return True
        if THING_QUOTED.search(before) or PLACE_NOUN.match(after):
            return True
        places = [(s.start_char, s.end_char) for s in group(doc, PLACES)]
        places += [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("GPE", "LOC")]
        for start, end in places if len(name.split()) == 1 else []:
            if JOINER.fullmatch(text[end : ent.start_char]) or JOINER.fullmatch(text[ent.end_char : start]):
                return True
        return len(name.split()) == 1 and bool(PLACE_PREP.search(before))

    def _describe(self, doc: Doc, person: _Person, people: list[_Person]) -> dict[str, Any]:
        others = [m for p in people if p is not person for m in p.mentions]
        demonyms = group(doc, DEMONYMS) + [
            c for c in group(doc, COUNTRIES) if CITIZENS.match(text_of(doc)[c.end_char : c.end_char + 12])
        ]
        role_spans = group(doc, vocab_group("person_roles"))
        nationality, birth, roles = None, None, set()
        for mention in sorted(person.mentions, key=lambda m: m.start):
            stop = self._stop(mention, others)
            nationality = nationality or attrs.nationality_near(mention, demonyms, stop)
            birth = birth or attrs.birth_date_after(doc, mention.end_char, stop)
            roles |= attrs.roles_near(mention, role_spans, others, person.alias_spans, self.max_role_gap)
            if attrs.supplied_to_speaker(mention):
                roles.add("document_supplier")
        spans = sorted(set(person.char_spans) | set(person.alias_spans))
        ordered = [r for r in resources.taxonomy_codes("person_roles") if r in roles and r != "migrant"]
        return {
            "name": person.name,
            "aliases": person.aliases,
            "nationality": nationality,
            "birth_date": birth,
            "roles": ordered or (["migrant"] if "migrant" in roles else []),
            "spans": [list(s) for s in spans],
        }

    def _stop(self, mention: Span, others: list[Span]) -> int:
        """Where the words about this mention end: the next other person or the sentence end."""
        sent_end = sentence_of(mention).end_char
        later = [o.start_char for o in others if o.start_char >= mention.end_char]
        return min([sent_end, *later])

    def _status(self, doc: Doc, person: _Person, described: dict[str, Any]) -> str:
        if "corrupt_official" in described["roles"]:
            return "suspect"
        if any(attrs.is_official(m) for m in person.mentions):
            if (
                group(doc, vocab_group("modus_operandi"))
                and any(s.label_ == "corruption" for s in group(doc, vocab_group("modus_operandi")))
                and any(attrs.is_officer(m) for m in person.mentions)
            ):
                described["roles"] = ["corrupt_official"]
                return "suspect"
            described["roles"] = []
            return "official"
        if described["roles"] == ["migrant"] or any(attrs.introduced_as_migrant(m) for m in person.mentions):
            described["roles"] = ["migrant"]
            return "migrant"
        return "suspect"


QUOTED_PERSON = re.compile(
    r"\b(?:man|woman|person|contact|smuggler|facilitator|organiser|organizer|someone|intermediary)\s+"
    r"(?:known|referred to|named|called|saved|nicknamed)(?: to \w+)?(?: only)?(?: as)?\s+"
    r"[\"“](?P<n>[A-Z][^\"”\n]{1,30})[\"”]"
)
COORDINATED = re.compile(r"\s*(?:\([^)]{0,30}\))?\s*,?\s*and\s*")


def _share_coordinated(doc: Doc, people: list[_Person], described: list[dict[str, Any]]) -> None:
    """'X (born 1988) and Y, who had driven migrants': coordinated names share role and nationality."""
    for a, da in zip(people, described, strict=True):
        for b, db in zip(people, described, strict=True):
            if a is b or not any(
                COORDINATED.fullmatch(text_of(doc)[m.end_char : n.start_char]) for m in a.mentions for n in b.mentions
            ):
                continue
            roles = [r for r in resources.taxonomy_codes("person_roles") if r in set(da["roles"]) | set(db["roles"])]
            da["roles"], db["roles"] = list(roles), list(roles)
            da["nationality"] = da["nationality"] or db["nationality"]
            db["nationality"] = db["nationality"] or da["nationality"]


@Language.factory(
    "sg_persons",
    requires=["doc.ents", "doc.spans"],
    assigns=["doc._.sg_persons", "doc._.sg_person_status"],
    default_config={"max_role_gap": 12},
)
def make_persons(nlp: Language, name: str, max_role_gap: int) -> PersonFinder:
    """Factory for the person finder; `max_role_gap` is how many tokens a role word may be from a name."""
    return PersonFinder(name, max_role_gap)
