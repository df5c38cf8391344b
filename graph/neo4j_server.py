"""Start, stop and inspect the real Neo4j 5.26 Community server that smugglegraph runs for itself.

The server is Neo4j's own entry point (org.neo4j.server.CommunityEntryPoint) on the machine's
Java 17, with a neo4j.conf generated into the data directory. Authentication is on: the first start
generates a password for the `neo4j` user into `<data dir>/neo4j-password` (mode 0600) and sets it
over Bolt (ALTER CURRENT USER, from Neo4j's initial `neo4j`/`neo4j`) as soon as the server answers;
the settings read it from there, so the project's own commands log in with it. Each data directory holds one
server; a small state file (run/smugglegraph-server.json) records its pid and port so `status`
and `stop` find it and a second `start` on the same directory is refused. Neo4j shuts down
cleanly on SIGTERM through its own shutdown hook, which is what `stop` sends.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, DriverError, Neo4jError

from graph.errors import Conflict, Unavailable
from graph.secrets_file import MANAGED_USER, ensure_secret, managed_password_file
from graph.server_jars import ensure_server_jars

INITIAL_PASSWORD = "neo4j"  # what Neo4j gives its `neo4j` user until it is changed

ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
STATE_FILE = "run/smugglegraph-server.json"
JVM_OPTIONS = [
    "-XX:+UseG1GC",
    "-XX:+ExitOnOutOfMemoryError",
    "-XX:-OmitStackTraceInFastThrow",
    "-Dfile.encoding=UTF-8",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
]


@dataclass(frozen=True)
class ServerConfig:
    """Where and how one managed server runs."""

    data_dir: Path
    port: int = 7687
    heap: str = "1g"
    pagecache: str = "1g"
    neo4j_home: Path = Path.home() / ".cache" / "smugglegraph" / "neo4j"


@dataclass(frozen=True)
class ServerStatus:
    data_dir: Path
    running: bool
    pid: int | None = None
    port: int | None = None

    @property
    def uri(self) -> str | None:
        return f"bolt://127.0.0.1:{self.port}" if self.port else None

    def describe(self) -> str:
        if not self.running:
            return f"Neo4j is not running for data directory {self.data_dir}"
        return f"Neo4j is running for {self.data_dir} on {self.uri} (pid {self.pid})"


def render_config(config: ServerConfig) -> str:
    """The neo4j.conf for one managed server: loopback only, Bolt only, auth on, bounded memory."""
    data = config.data_dir.resolve()
    lines = {
        "server.default_listen_address": "127.0.0.1",
        "server.bolt.listen_address": f"127.0.0.1:{config.port}",
        "server.bolt.advertised_address": f"127.0.0.1:{config.port}",
        "server.http.enabled": "false",
        "server.https.enabled": "false",
        "dbms.security.auth_enabled": "true",
        "server.memory.pagecache.size": config.pagecache,
        "dbms.memory.transaction.total.max": "2g",
        "db.transaction.timeout": "300s",
        "dbms.usage_report.enabled": "false",
        "server.directories.data": str(data / "data"),
        "server.directories.logs": str(data / "logs"),
        "server.directories.run": str(data / "run"),
        "server.directories.plugins": str(data / "plugins"),
        "server.directories.import": str(data / "import"),
    }
    return "".join(f"{key}={value}\n" for key, value in lines.items())


def status(data_dir: Path) -> ServerStatus:
    """Whether a managed server is running for this data directory (stale state files are ignored)."""
    state_file = data_dir / STATE_FILE
    try:
        state = json.loads(state_file.read_text())
        pid, port = int(state["pid"]), int(state["port"])
    except (OSError, ValueError, KeyError, TypeError):
        return ServerStatus(data_dir, running=False)
    if not _is_our_server(pid):
        return ServerStatus(data_dir, running=False)
    return ServerStatus(data_dir, running=True, pid=pid, port=port)


def start(config: ServerConfig, timeout_s: float = 180.0) -> ServerStatus:
    """Start a server and wait until Bolt answers; refuse a data directory or port already in use."""
    current = status(config.data_dir)
    if current.running:
        raise Conflict(f"{current.describe()}; refusing to start a second server on the same data directory")
    if not port_is_free(config.port):
        raise Conflict(f"port {config.port} on 127.0.0.1 is already in use; choose another with --port")
    java = shutil.which("java")
    if java is None:
        raise Unavailable("Java 17 is needed to run Neo4j, and no `java` is on PATH; install openjdk-17-jre-headless")
    lib = ensure_server_jars(config.neo4j_home)
    config.data_dir.mkdir(parents=True, exist_ok=True)
    password = ensure_secret(managed_password_file(config.data_dir))
    for sub in ("conf", "data", "logs", "run", "plugins", "import"):
        (config.data_dir / sub).mkdir(parents=True, exist_ok=True)
    conf_dir = config.data_dir.resolve() / "conf"
    (conf_dir / "neo4j.conf").write_text(render_config(config))
    command = [
        java, f"-Xms{config.heap}", f"-Xmx{config.heap}", *JVM_OPTIONS,
        "-cp", f"{lib}/*", ENTRY_POINT,
        f"--home-dir={config.data_dir.resolve()}", f"--config-dir={conf_dir}",
    ]  # fmt: skip
    console = (config.data_dir / "logs" / "console.log").open("ab")
    process = subprocess.Popen(
        command, stdout=console, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True
    )
    console.close()
    state = {"pid": process.pid, "port": config.port}
    (config.data_dir / STATE_FILE).write_text(json.dumps(state))
    _wait_for_bolt(process, config, password, timeout_s)
    return ServerStatus(config.data_dir, running=True, pid=process.pid, port=config.port)


def stop(data_dir: Path, timeout_s: float = 60.0) -> ServerStatus:
    """Stop the server of this data directory with SIGTERM (SIGKILL after timeout_s)."""
    current = status(data_dir)
    if not current.running or current.pid is None:
        raise Conflict(f"{current.describe()}; nothing to stop")
    os.kill(current.pid, signal.SIGTERM)
    if not _wait_for_exit(current.pid, timeout_s):
        os.kill(current.pid, signal.SIGKILL)
        _wait_for_exit(current.pid, 10)
    (data_dir / STATE_FILE).unlink(missing_ok=True)
    return ServerStatus(data_dir, running=False)


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _is_our_server(pid: int) -> bool:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return ENTRY_POINT.encode() in cmdline


def _wait_for_exit(pid: int, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
        if not _is_our_server(pid):
            return True
        time.sleep(0.2)
    return False


def _wait_for_bolt(process: subprocess.Popen[bytes], config: ServerConfig, password: str, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    log_file = config.data_dir / "logs" / "neo4j.log"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            (config.data_dir / STATE_FILE).unlink(missing_ok=True)
            raise Unavailable(f"Neo4j exited during start-up (exit {process.returncode}); see {log_file}")
        try:
            if _bolt_answers(config.port, password):
                return
        except Unavailable:
            process.terminate()
            (config.data_dir / STATE_FILE).unlink(missing_ok=True)
            raise
        time.sleep(0.3)
    process.terminate()
    (config.data_dir / STATE_FILE).unlink(missing_ok=True)
    raise Unavailable(f"Neo4j did not answer on port {config.port} within {timeout_s:.0f}s; see {log_file}")


def _bolt_answers(port: int, password: str) -> bool:
    """True once a Bolt handshake and a login with `password` succeed; the first time, sets it."""
    try:
        with GraphDatabase.driver(_uri(port), auth=(MANAGED_USER, password), connection_timeout=2) as driver:
            driver.verify_connectivity()
            return True
    except AuthError:
        return _set_initial_password(port, password)
    except (Neo4jError, DriverError, OSError):
        return False


def _set_initial_password(port: int, password: str) -> bool:
    """Replace Neo4j's initial password by ours; refuse a server whose password someone else set."""
    try:
        with GraphDatabase.driver(_uri(port), auth=(MANAGED_USER, INITIAL_PASSWORD), connection_timeout=2) as driver:
            driver.execute_query("ALTER CURRENT USER SET PASSWORD FROM $old TO $new",
                                 old=INITIAL_PASSWORD, new=password, database_="system")  # fmt: skip
            return True
    except AuthError:
        raise Unavailable(
            f"Neo4j on port {port} refuses the password in the data directory's {managed_password_file(Path())}; "
            "it was changed outside smugglegraph"
        ) from None
    except (Neo4jError, DriverError, OSError):
        return False


def _uri(port: int) -> str:
    return f"bolt://127.0.0.1:{port}"
