"""Fetching the Neo4j server's jars from Maven Central with Maven, once per machine.

The pom in graph/server/ names the Neo4j Community server artifacts; `mvn
dependency:copy-dependencies` resolves them (and their dependencies) into a class-path folder
under the settings' neo4j_home. The copy goes to a temporary folder first and is renamed into
place, so an interrupted download never leaves a half-filled class path behind.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
from importlib import resources
from pathlib import Path

from graph.errors import Unavailable

log = logging.getLogger(__name__)

ENTRY_JAR_PREFIX = "neo4j-5."


def pom_path() -> Path:
    """The pom.xml that names the server's artifacts."""
    return Path(str(resources.files("graph").joinpath("server/pom.xml")))


def lib_dir(neo4j_home: Path) -> Path:
    return neo4j_home / "lib"


def jars_present(neo4j_home: Path) -> bool:
    lib = lib_dir(neo4j_home)
    return lib.is_dir() and any(p.name.startswith(ENTRY_JAR_PREFIX) for p in lib.glob("*.jar"))


def ensure_server_jars(neo4j_home: Path) -> Path:
    """Return the class-path folder, running Maven first if the jars are not there yet."""
    lib = lib_dir(neo4j_home)
    if jars_present(neo4j_home):
        return lib
    mvn = shutil.which("mvn")
    if mvn is None:
        raise Unavailable("Maven (mvn) is needed once to fetch the Neo4j server from Maven Central; install maven")
    neo4j_home.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="lib-", dir=neo4j_home))
    log.info("fetching the Neo4j server jars with Maven into %s", lib)
    command = [
        mvn, "-q", "-B", "-f", str(pom_path()),
        "dependency:copy-dependencies", "-DincludeScope=runtime", f"-DoutputDirectory={staging}",
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        last = (done.stdout + done.stderr).strip().splitlines()[-1:] or ["no output"]
        raise Unavailable(f"Maven could not fetch the Neo4j server (exit {done.returncode}): {last[0]}")
    if lib.exists():
        shutil.rmtree(lib)
    staging.rename(lib)
    return lib
