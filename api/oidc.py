"""Optional: bearer JWTs from an OpenID Connect provider, with the agency and role taken from claims.

Enabled when SMUGGLEGRAPH_OIDC_ISSUER, _AUDIENCE and _JWKS_URL are set. The signing keys come
from the configured JWKS address (the deployment's own identity provider) and are cached.
"""

from __future__ import annotations

from functools import cache

import jwt

from graph.settings import Settings
from graph.users import ROLES
from graph.visibility import Viewer

ALGORITHMS = ["RS256", "RS384", "RS512", "ES256", "ES384", "PS256"]


@cache
def _jwks(url: str) -> jwt.PyJWKClient:
    return jwt.PyJWKClient(url, cache_keys=True, lifespan=600)


def oidc_enabled(settings: Settings) -> bool:
    return bool(settings.oidc_issuer and settings.oidc_audience and settings.oidc_jwks_url)


def verify_jwt(token: str, settings: Settings) -> Viewer | None:
    """The viewer a valid token stands for; None for any token that fails a check."""
    if not oidc_enabled(settings):
        return None
    assert settings.oidc_jwks_url is not None
    try:
        key = _jwks(settings.oidc_jwks_url).get_signing_key_from_jwt(token)
        claims = jwt.decode(token, key.key, algorithms=ALGORITHMS, audience=settings.oidc_audience,
                            issuer=settings.oidc_issuer, options={"require": ["exp", "iss", "aud", "sub"]})  # fmt: skip
    except (jwt.PyJWTError, OSError):
        return None
    agency, role = claims.get(settings.oidc_agency_claim), claims.get(settings.oidc_role_claim)
    if not isinstance(agency, str) or not agency or role not in ROLES:
        return None
    user = claims.get("preferred_username") or claims["sub"]
    return Viewer(user=str(user), agency=agency, role=str(role))
