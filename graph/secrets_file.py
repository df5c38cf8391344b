"""Secrets smugglegraph makes for itself (the managed Neo4j's password, the audit key), one per file.

A secret file is created once with mode 0600 (readable only by the user the service runs as) and
read back on every later use; it is never logged. Creating it is atomic: a crash leaves either no
file or a whole one, and two processes racing to create it end up with the same secret.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from graph.errors import Unavailable

MANAGED_USER = "neo4j"
PASSWORD_FILE = "neo4j-password"  # in the managed server's data directory


def read_secret(path: Path) -> str | None:
    """The secret stored at `path`, or None when there is none yet."""
    try:
        return path.read_text(encoding="ascii").strip() or None
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise Unavailable(f"cannot read the secret file {path}: {exc.strerror or type(exc).__name__}") from None


def ensure_secret(path: Path, nbytes: int = 32) -> str:
    """The secret stored at `path`, generated (random, URL-safe) and stored mode 0600 on first use."""
    existing = read_secret(path)
    if existing is not None:
        return existing
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    staging = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    try:
        os.write(fd, secrets.token_urlsafe(nbytes).encode("ascii") + b"\n")
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(staging, path)  # fails if another process stored one meanwhile: theirs wins
    except FileExistsError:
        pass
    finally:
        with contextlib.suppress(FileNotFoundError):
            staging.unlink()
    stored = read_secret(path)
    if stored is None:
        raise Unavailable(f"the secret file {path} is empty; remove it to generate a new secret")
    return stored


def managed_password_file(data_dir: Path) -> Path:
    """Where the managed server of `data_dir` keeps the password of its `neo4j` user."""
    return data_dir / PASSWORD_FILE
