"""sg_routes: ordered route stops from the way sentences state them, with modes and corridor."""

from __future__ import annotations

import copy
import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.extract.relations.locations import (
    ARROW,
    DESTINATION,
    ORIGIN,
    TRANSIT,
    Loc,
    assign_cues,
    locations,
)
from ingest.extract.relations.named_routes import choose_named_route
from ingest.extract.spans import ensure_extensions, group, sentences, text_of, vocab_group, within

HUBS = {"border_crossing_point", "airport", "seaport"}
CONTINUATION = re.compile(
    r"\b(?:then|onwards?|on to|further|from there|from where|continued|subsequently|later|afterwards|next)\b", re.I
)


def _chain(locs: list[Loc]) -> list[Loc]:
    """The longest run of locations joined only by arrows or dashes ('Kabul - Tehran - Istanbul')."""
    best: list[Loc] = []
    run: list[Loc] = []
    for loc in locs:
        text = text_of(loc.span.doc)
        if run and ARROW.match(text[run[-1].span.end_char : loc.span.start_char]):
            run.append(loc)
        else:
            run = [loc]
        if len(run) > len(best) and text[run[0].span.start_char - 1 : run[0].span.start_char] != "(":
            best = list(run)
    return best if len(best) >= 2 else []


def _ordered(locs: list[Loc]) -> list[list[Loc]]:
    """Stop sequences from cued locations: origins first, destinations last, one route per
    coordinated destination ('to Italy, Germany and Belgium')."""
    cued = [lo for lo in locs if lo.cue]
    for i, loc in enumerate(locs[:-1]):
        if loc.cue is None and locs[i + 1].cue == DESTINATION:
            gap = text_of(loc.span.doc)[loc.span.end_char : locs[i + 1].span.start_char]
            if re.fullmatch(r"\s*(?:to|towards|into)\s*", gap, re.I):
                loc.cue = ORIGIN
                cued.append(loc)
    first_origin = min((lo.span.start for lo in cued if lo.cue == ORIGIN), default=None)
    for loc in locs:
        # A crossing point or port named after the origin is passed through ('arriving from X at the Y crossing').
        if loc.cue is None and first_origin is not None and loc.span.start > first_origin and loc.span.label_ in HUBS:
            loc.cue = TRANSIT
            cued.append(loc)
    if not any(lo.cue in (TRANSIT, DESTINATION) for lo in cued) and first_origin is not None:
        # 'Location: Kipi BCP, bus from Istanbul': the crossing point is where the trip ended.
        hubs = [lo for lo in locs if lo.cue is None and lo.span.label_ in HUBS]
        for hub in hubs[-1:]:
            hub.cue = DESTINATION
            cued.append(hub)
    cued.sort(key=lambda lo: lo.span.start)
    origins = [lo for lo in cued if lo.cue == ORIGIN]
    # A place passed through is named after the goal as often as before it ('entering Melilla
    # from Morocco ... at the Beni Enzar crossing'): transits come before destinations.
    middle = [lo for lo in cued if lo.cue == TRANSIT] + [lo for lo in cued if lo.cue == DESTINATION]
    if not middle or not (origins or len(middle) >= 2):
        return []
    # Destinations coordinated at the end of the sentence are alternatives, not a sequence.
    tail = [middle.pop()]
    while middle and middle[-1].cue == DESTINATION and tail[0].cue == DESTINATION and _joined(middle[-1], tail[0]):
        tail.insert(0, middle.pop())
    return [origins + middle + [end] for end in tail]


def _joined(a: Loc, b: Loc) -> bool:
    between = text_of(a.span.doc)[a.span.end_char : b.span.start_char]
    return bool(re.fullmatch(r"\s*(?:,|and|or|, and|, or)\s*", between))


def _stops(locs: list[Loc]) -> list[dict[str, str | None]]:
    """Stops without repeats; a bare country next to a place in that country folds into the place."""
    stops: list[dict[str, str | None]] = []
    for loc in locs:
        stop = {"place": loc.place, "country": loc.country}
        if stops and stops[-1] == stop:
            continue
        if stops and stops[-1]["country"] == stop["country"] and stop["country"]:
            if stop["place"] is None:
                continue
            if stops[-1]["place"] is None:
                stops[-1] = stop
                continue
        stops.append(stop)
    return stops


def _modes(doc: Doc, sents: list[Span]) -> list[str]:
    spans = [s for sent in sents for s in within(group(doc, vocab_group("transport_modes")), sent)]
    return list(dict.fromkeys(s.label_ for s in sorted(spans, key=lambda s: s.start)))


def _named_mentions(doc: Doc, within_: list[Span] | None = None) -> list[str]:
    spans = group(doc, vocab_group("named_routes"))
    if within_ is not None:
        spans = [s for sent in within_ for s in within(spans, sent)]
    return [s.label_ for s in spans if s.text[:1].isupper() or s.label_ != "channel"]


def _named(doc: Doc, sents: list[Span], stops: list[dict[str, str | None]], modes: list[str]) -> str | None:
    return choose_named_route(stops, modes, _named_mentions(doc, sents), _named_mentions(doc))


def _contained(small: list[Any], big: list[Any]) -> bool:
    return len(small) <= len(big) and any(big[i : i + len(small)] == small for i in range(len(big) - len(small) + 1))


def _without_repeats(routes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Routes that are not repeated, nor a stretch of a longer route already found."""
    kept: list[dict[str, Any]] = []
    for i, route in enumerate(routes):
        others = [
            r["stops"] for j, r in enumerate(routes) if j != i and (len(r["stops"]) > len(route["stops"]) or j < i)
        ]
        if not any(_contained(route["stops"], other) for other in others):
            kept.append(route)
    return kept


def _is_heading(sent: Span) -> bool:
    return not any(t.is_alpha and t.is_lower and len(t) > 3 for t in sent)


class RouteFinder:
    """Sets `doc._.sg_routes`: RouteMention-shaped dicts plus `span` (the sentences that state them)."""

    def __init__(self, name: str) -> None:
        self.name = name
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        routes: list[dict[str, Any]] = []
        last: tuple[int, dict[str, Any]] | None = None
        sents = sentences(doc)
        for index, sent in enumerate(sents):
            if _is_heading(sent):
                continue
            locs = locations(sent)
            assign_cues(locs, sent.start_char)
            chain = _chain(locs)
            sequences = [chain] if chain else _ordered(locs)
            follows = last is not None and index - last[0] <= 2 and bool(CONTINUATION.search(sent.text))
            if not sequences and last and follows:
                extension = [lo for lo in locs if lo.cue in (TRANSIT, DESTINATION)]
                if extension:
                    self._extend(doc, last[1], extension, sent)
                    last = (index, last[1])
                continue
            if last and follows and sequences and all(len(_stops(seq)) == 1 for seq in sequences):
                # 'From there they travelled on to Germany, France and Belgium': one branch per goal
                routes += self._branch(doc, last[1], sequences, sent)
                last = (index, last[1])
                continue
            for sequence in sequences:
                route = self._route(doc, sequence, [sent])
                if not route["modes"]:
                    # 'They left Zuwara on 30 March.' + 'The boat was intercepted ...': the neighbours say how.
                    route["modes"] = _modes(doc, sents[max(0, index - 1) : index + 2])
                if len(route["stops"]) >= 2:
                    routes.append(route)
                    last = (index, route)
        doc._.sg_routes = _without_repeats(routes)
        return doc

    def _route(self, doc: Doc, locs: list[Loc], sents: list[Span]) -> dict[str, Any]:
        stops = _stops(locs)
        modes = _modes(doc, sents)
        return {
            "stops": stops,
            "modes": modes,
            "named_route": _named(doc, sents, stops, modes),
            "span": [sents[0].start_char, sents[-1].end_char],
            "loc_spans": [[lo.span.start_char, lo.span.end_char] for lo in locs],
        }

    def _branch(self, doc: Doc, route: dict[str, Any], goals: list[list[Loc]], sent: Span) -> list[dict[str, Any]]:
        """Extend `route` by the first goal; the others become routes of their own from the same stops."""
        before = copy.deepcopy(route)
        branches = [copy.deepcopy(before) for _ in goals[1:]]
        for branch, goal in zip([route, *branches], goals, strict=True):
            self._extend(doc, branch, goal, sent)
        return branches

    def _extend(self, doc: Doc, route: dict[str, Any], locs: list[Loc], sent: Span) -> None:
        route["stops"] = _dedupe(route["stops"] + _stops(locs))
        route["modes"] = list(dict.fromkeys(route["modes"] + _modes(doc, [sent])))
        route["span"][1] = sent.end_char
        route["loc_spans"] += [[lo.span.start_char, lo.span.end_char] for lo in locs]
        route["named_route"] = _named(doc, [sent], route["stops"], route["modes"]) or route["named_route"]


def _dedupe(stops: list[dict[str, str | None]]) -> list[dict[str, str | None]]:
    out: list[dict[str, str | None]] = []
    for stop in stops:
        if not out or out[-1] != stop:
            out.append(stop)
    return out


@Language.factory("sg_routes", requires=["doc.spans", "doc.ents"], assigns=["doc._.sg_routes"])
def make_routes(nlp: Language, name: str) -> RouteFinder:
    """Factory for the route finder."""
    return RouteFinder(name)
