"""Which of the taxonomy's named corridors a sequence of stops follows."""

from __future__ import annotations

CANARY_PLACES = {
    "Las Palmas",
    "Gran Canaria",
    "Tenerife",
    "Lanzarote",
    "Fuerteventura",
    "El Hierro",
    "Arguineguín",
    "Arrecife",
    "Canary Islands",
    "La Restinga",
    "La Gomera",
}
WEST_AFRICA = {"SN", "MR", "GM", "GN", "GW", "ML", "CI", "EH", "MA", "SL", "LR", "CV", "NE", "BF"}
BALKANS = {"AL", "MK", "RS", "BA", "ME", "XK"}
EASTERN_NEIGHBOURS = {"BY", "UA", "MD", "RU"}
EU_EAST = {"PL", "LT", "LV", "EE", "FI", "RO", "SK", "HU"}


def _then(countries: list[str | None], first: set[str], later: set[str]) -> bool:
    """Whether a country of `first` comes before a country of `later` among the stops."""
    return any(code in first and any(c in later for c in countries[i + 1 :]) for i, code in enumerate(countries))


def infer_named_route(stops: list[dict[str, str | None]]) -> str | None:
    """The named corridor the stops fit (taxonomy definitions), None if none fits."""
    countries = [s["country"] for s in stops]
    places = {s["place"] for s in stops if s["place"]}
    if places & CANARY_PLACES and any(c in WEST_AFRICA for c in countries):
        return "western_african_atlantic"
    if _then(countries, {"LY", "TN", "EG", "DZ"}, {"IT", "MT"}):
        return "central_mediterranean"
    if _then(countries, {"MA", "DZ"}, {"ES"}):
        return "western_mediterranean"
    if _then(countries, EASTERN_NEIGHBOURS, EU_EAST | {"DE"}):
        return "eastern_land_borders"
    if countries and countries[-1] == "GB" and any(c in ("FR", "BE") for c in countries):
        return "channel"
    if any(c in BALKANS for c in countries[1:]) or len({c for c in countries if c in BALKANS}) >= 2:
        return "western_balkans"
    if _then(countries, {"TR"}, {"GR", "CY", "BG"}):
        return "eastern_mediterranean"
    if _then(countries, {"FR", "BE"}, {"GB"}):
        return "channel"
    return None


CORRIDOR_COUNTRIES = {
    "eastern_mediterranean": {"TR", "GR", "CY", "BG", "SY", "LB"},
    "central_mediterranean": {"LY", "TN", "IT", "MT", "EG", "DZ", "NE"},
    "western_mediterranean": {"MA", "DZ", "ES"},
    "western_african_atlantic": WEST_AFRICA | {"ES"},
    "western_balkans": BALKANS | {"GR", "BG", "HR", "HU", "SI", "AT", "RO"},
    "eastern_land_borders": EASTERN_NEIGHBOURS | EU_EAST,
    "channel": {"FR", "BE", "GB", "NL"},
}


def fits(named_route: str, stops: list[dict[str, str | None]]) -> bool:
    """Whether a named corridor mentioned in the text can describe these stops."""
    return any(s["country"] in CORRIDOR_COUNTRIES.get(named_route, set()) for s in stops)


def choose_named_route(
    stops: list[dict[str, str | None]], modes: list[str], in_sentence: list[str], in_document: list[str]
) -> str | None:
    """The corridor for a route: one named in its sentence that fits, else the one its stops
    follow (not for air-only trips), else one named elsewhere in the report that fits."""
    for named in in_sentence:
        if fits(named, stops):
            return named
    inferred = infer_named_route(stops) if modes != ["air"] else None
    if inferred:
        return inferred
    return next((n for n in in_document if fits(n, stops) and infer_named_route(stops) in (None, n)), None)
