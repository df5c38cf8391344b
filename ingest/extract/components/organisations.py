"""sg_organisations: networks, front businesses and authorities, with kind and country."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.extract import resources
from ingest.extract.spans import COUNTRIES, DEMONYMS, PLACES, ensure_extensions, group, sentence_of, text_of

QUOTED_GROUP = re.compile(
    r"(?:the|a|an)?\s*[\"“'‘](?P<n>[A-Z][^\"”'’]{1,40})[\"”'’]\s+(?P<cue>network|"
    r"group|gang|clan|cartel|ring|organisation|organization|agency|company|travel agency)\b"
    r"|(?P<cue2>network|group|gang|clan|cartel|ring|agency|company|shop|business)\s+(?:(?:called|"
    r"named|known as)\s+)?[\"“'‘]?(?P<n2>[A-Z][\w&.\- ]{1,40}?)[\"”'’]?(?=[,.;)]|"
    r"\s+(?:in|which|that|and|was|run|as|to|for|from|with)\b)"
)
AUTHORITY = re.compile(
    r"\b(?:police|border|guard|prosecut|court|tribunal|ministry|directorate|coast ?guard|gendarmerie|army|"
    r"navy|customs|immigration|inspectorate|office|department|division|unit|agency for|authority|"
    r"service|commission|crown|justice|judicial|investigat|intelligence|interior|"
    r"marítimo|maritimo|civil|nacional|finanza|carabinieri|europol|frontex|eurojust|"
    r"interpol|headquarters|post|force)",
    re.I,
)
BUSINESS = re.compile(
    r"\b(?:ltd|llc|gmbh|srl|s\.r\.l|d\.o\.o|doo|sarl|ood|eood|s\.a|bv|inc|limited|"
    r"company|travel|tours?|turizm|transport|logistics|"
    r"trading|express|transfer|exchange|autovermietung|rent|rental|overseas|consult\w*|"
    r"holidays|agency|shipping|cargo|import|export)\b",
    re.I,
)
NETWORK = re.compile(r"\b(?:network|group|gang|clan|cartel|ring|ocg|syndicate|mafia|brotherhood|family)\b", re.I)
# Fighting one is an authority's name: "District Anti-Mafia Directorate", "Anti-Smuggling Unit".
AGAINST = re.compile(r"\b(?:anti|counter)[- ]?\w+", re.I)


@cache
def _authorities() -> tuple[dict[str, str | None], frozenset[str]]:
    data = resources.data("authorities.json")
    return data["authorities"], frozenset(data["not_organisations"])


def clean_name(text: str) -> str:
    """An organisation name without a leading article, possessive or trailing punctuation."""
    text = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.I).lstrip("\"“'‘ ")
    return re.sub(r"(?:'s|’s|[\s,;:.\"“”])+$", "", text)


def kind_of(name: str, following: str) -> str:
    """Taxonomy organisation kind from the name and the word after it ('the X network')."""
    if any(known in name for known in _authorities()[0]) or AUTHORITY.search(name):
        return "authority" if not NETWORK.search(AGAINST.sub("", name)) else "criminal_network"
    if NETWORK.search(name) or NETWORK.match(following.strip()):
        return "criminal_network"
    if BUSINESS.search(name) or BUSINESS.match(following.strip()):
        return "front_business"
    return "other"


def country_of(doc: Doc, span: Span, name: str) -> str | None:
    """ISO2 of the organisation: a well-known one, or a country, demonym or place in its name."""
    known = _authorities()[0]
    for key, code in known.items():
        if key in name:
            return code
    inside = [
        s
        for s in group(doc, DEMONYMS) + group(doc, COUNTRIES) + group(doc, PLACES)
        if span.start <= s.start and s.end <= span.end
    ]
    if inside:
        return str(inside[0].kb_id_) or None
    return None


def is_organisation(name: str) -> bool:
    """Whether an ORG entity's text names an organisation rather than a place, term or tool."""
    if re.search(r"\n| - | / ", name) or (name.isupper() and len(name) <= 4 and name not in _authorities()[0]):
        return False
    if not name or name in _authorities()[1] or name.lower() in {n.lower() for n in _authorities()[1]}:
        return False
    if name in resources.country_names() or name in resources.places() or name in resources.demonyms():
        return False
    if any(ch.isdigit() for ch in name) and not re.search(r"No\. ?\d", name):
        return False
    return name.lower() not in resources.all_terms()


EXTEND_OFFICE = re.compile(r"(?:'s|’s) (?:Office|Court|Department|Directorate|Service)(?: (?:in|of) )?")
EXTEND_PLACE = re.compile(r" (?:(?:in|of|for) )?(?P<p>[A-Z][\w-]+)")


ACRONYM = re.compile(r" \([A-Z]{2,6}\)")
OF_AUTHORITY = re.compile(r" of (?:the )?(?:[A-Z][\w-]+ )*(?:Police|Ministry|Guard|Service|Directorate)\b")


def extend_name(doc: Doc, ent: Span) -> int:
    """Where an organisation name really ends: "Public Prosecutor" + "'s Office Düsseldorf",
    "Border Police Directorate" + " Elhovo", "Prosecutor's Office" + " in Haskovo"."""
    end = ent.end_char
    if m := EXTEND_OFFICE.match(text_of(doc), end):
        end = m.end() if not m.group().endswith(" ") else m.end() - 1
    if not AUTHORITY.search(text_of(doc)[ent.start_char : end]):
        return end
    if m := ACRONYM.match(text_of(doc), end):
        end = m.end()
    if m := OF_AUTHORITY.match(text_of(doc), end):
        return m.end()
    if m := EXTEND_PLACE.match(text_of(doc), end):
        place = doc.char_span(m.start("p"), m.end("p"), alignment_mode="expand")
        gazetteer = [(p.start, p.end) for p in group(doc, PLACES)]
        if place is not None and (
            any(t.ent_type_ in ("GPE", "LOC", "ORG") for t in place) or (place.start, place.end) in gazetteer
        ):
            return m.end()
    return end


def nearby_country(doc: Doc, span: list[int]) -> str | None:
    """The country of the gazetteer place nearest to an organisation mention in its sentence."""
    mention = doc.char_span(span[0], span[1], alignment_mode="expand")
    if mention is None:
        return None
    sent = sentence_of(mention)
    places = [p for p in group(doc, PLACES) if sent.start <= p.start and p.end <= sent.end]
    if not places:
        return None
    nearest = min(places, key=lambda p: min(abs(p.start_char - span[1]), abs(span[0] - p.end_char)))
    return str(nearest.kb_id_)


def main_country(doc: Doc) -> str | None:
    """The country the report is mostly about: the most mentioned among gazetteer countries and places."""
    counts: dict[str, int] = {}
    for span in group(doc, COUNTRIES) + group(doc, PLACES):
        counts[span.kb_id_] = counts.get(span.kb_id_, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


MONTH_START = re.compile(
    r"^(?:On|In|At|By|From|January|February|March|April|May|June|July|August|September|October|November|December)\s+"
)
_CAP = r"(?:[A-Z][\w'’-]+|[A-Z]{2,})"
# Capitalised names ending in an authority's head noun: 'Court of Appeal of Thrace',
# 'Csongrád-Csanád County Police Headquarters', 'Almería Investigating Court No. 3'.
AUTHORITY_NAME = re.compile(
    rf"(?<![\w-]){_CAP}(?:\s+(?:{_CAP}|of|and|for|de|la|du|des))*\s+"
    r"(?:Court|Tribunal|Police|Guard|Office|Unit|Directorate|Headquarters|Agency|Ministry|Inspectorate|"
    r"Department|Division|Service|Gendarmerie|Command|Force|Nationale)"
    rf"(?:\s+(?:of|for|de|of the|de la)\s+{_CAP}(?:\s+{_CAP})*)?(?:\s+No\.\s*\d+)?"
    rf"|(?<![\w-])(?:Court|Tribunal)\s+of\s+{_CAP}(?:\s+(?:{_CAP}|of))*"
    r"|Direction\s+G[ée]n[ée]rale(?:\s+(?:de|du|des|de la)\s+[\w\s]+?(?=[,.;(]))"
)


class OrganisationFinder:
    """Sets `doc._.sg_organisations`: OrganisationMention-shaped dicts, one per name."""

    def __init__(self, name: str) -> None:
        self.name = name
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        found: dict[str, dict[str, Any]] = {}
        people = {w for e in doc.ents if e.label_ == "PERSON" for w in e.text.split()}
        for ent in doc.ents:
            if ent.label_ != "ORG":
                continue
            end = extend_name(doc, ent)
            name = clean_name(text_of(doc)[ent.start_char : end])
            if is_organisation(name) and name not in people:
                start = ent.start_char + text_of(doc)[ent.start_char : end].find(name)
                self._add(found, doc, name, start, start + len(name))
        for m in AUTHORITY_NAME.finditer(text_of(doc)):
            name = clean_name(MONTH_START.sub("", m.group()))
            if len(name.split()) < 2 or any(name in n for n in found) or not is_organisation(name):
                continue
            for shorter in [n for n in found if n in name]:
                del found[shorter]
            start = m.start() + m.group().find(name)
            self._add(found, doc, name, start, start + len(name))
        for known in _authorities()[0]:
            for m in re.finditer(rf"(?<![\w-]){re.escape(known)}(?![\w-])", text_of(doc)):
                if not any(known in n and known != n for n in found):
                    self._add(found, doc, known, m.start(), m.end())
        for m in QUOTED_GROUP.finditer(text_of(doc)):
            key = "n" if m.group("n") else "n2"
            cue = m.group("cue") or m.group("cue2") or ""
            if not is_organisation(m.group(key).strip()):
                continue
            self._add(found, doc, m.group(key).strip(), m.start(key), m.end(key), cue)
        for name in list(found):
            for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text_of(doc)):
                self._add(found, doc, name, m.start(), m.end())
        fallback = main_country(doc)
        for entry in found.values():
            if entry["kind"] == "authority" and entry["country"] is None and entry["name"] not in _authorities()[0]:
                entry["country"] = nearby_country(doc, entry["spans"][0]) or fallback
        # 'PAF' inside 'French Border Police (PAF)' is the same organisation, not another one.
        names = list(found)
        for name in names:
            if any(name != other and re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", other) for other in names):
                del found[name]
        doc._.sg_organisations = [o for o in found.values() if o["kind"] != "other" or o.get("quoted")]
        return doc

    def _add(self, found: dict[str, dict[str, Any]], doc: Doc, name: str, start: int, end: int, cue: str = "") -> None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return
        following = cue or text_of(doc)[end : end + 20].lstrip("\"”’' ")
        entry = found.get(name)
        if entry is None:
            kind = kind_of(name, following)
            entry = found[name] = {"name": name, "kind": kind, "country": country_of(doc, span, name), "spans": []}
        if cue:
            entry["quoted"] = True
            if entry["kind"] == "other":
                entry["kind"] = kind_of(name, following)
        if [start, end] not in entry["spans"]:
            entry["spans"].append([start, end])


@Language.factory("sg_organisations", requires=["doc.ents", "doc.spans"], assigns=["doc._.sg_organisations"])
def make_organisations(nlp: Language, name: str) -> OrganisationFinder:
    """Factory for the organisation finder."""
    return OrganisationFinder(name)
