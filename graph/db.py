"""Access to Neo4j: one driver per process, queries by name, timeouts, and clear errors.

`connect(settings)` opens the driver and checks that the server answers; `Graph.read` runs a
named query in a read transaction (routed to followers on a cluster), `Graph.write` in a write
transaction, `Graph.write_transaction` runs several statements atomically, and
`Graph.in_one_transaction` hands code written against a Graph one whose every read and write is part of
a single write transaction. Every query carries the server-side timeout from the settings. Driver
errors that mean "the database is not there" become graph.errors.Unavailable with one line saying what
was tried and how to start one.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from neo4j import Driver, GraphDatabase, ManagedTransaction, Query, Result, RoutingControl, unit_of_work
from neo4j.exceptions import (
    AuthError,
    ClientError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

from cypher import load_query
from graph.errors import Unavailable
from graph.settings import Settings

T = TypeVar("T")
Row = dict[str, Any]
_TIMEOUT_CODES = ("TransactionTimedOut", "TransactionTimedOutClientConfiguration")


@dataclass
class Graph:
    """A connected Neo4j database: the driver plus what every query needs."""

    driver: Driver
    uri: str
    database: str
    timeout_s: float
    hint: str

    def query(self, name: str) -> Query:
        return Query(cast(Any, load_query(name)), timeout=self.timeout_s)

    def read(self, name: str, params: dict[str, Any] | None = None) -> list[Row]:
        """Run the named query in a read transaction and return its rows as dicts."""
        with self.errors():
            records, _, _ = self.driver.execute_query(
                self.query(name), params or {}, routing_=RoutingControl.READ, database_=self.database
            )
        return [record.data() for record in records]

    def write(self, name: str, params: dict[str, Any] | None = None) -> list[Row]:
        """Run the named query in a write transaction and return its rows as dicts."""
        with self.errors():
            records, _, _ = self.driver.execute_query(
                self.query(name), params or {}, routing_=RoutingControl.WRITE, database_=self.database
            )
        return [record.data() for record in records]

    def write_transaction(self, work: Callable[[ManagedTransaction], T], timeout_factor: float = 4.0) -> T:
        """Run `work` in one write transaction: all its statements land, or none do.

        The transaction as a whole gets `timeout_factor` times the per-query timeout.
        """
        bounded = unit_of_work(timeout=self.timeout_s * timeout_factor)(work)
        with self.errors(), self.driver.session(database=self.database) as session:
            return session.execute_write(bounded)

    def in_one_transaction(self, work: Callable[[Graph], T], timeout_factor: float = 20.0) -> T:
        """Run `work` against a graph whose reads and writes (nested transactions too) all happen in one
        write transaction: all land, or none do. A transient failure (a deadlock) runs `work` again."""
        return self.write_transaction(lambda tx: work(InTransaction(*self._connection(), tx=tx)), timeout_factor)

    def run_in(self, tx: ManagedTransaction, name: str, params: dict[str, Any] | None = None) -> Result:
        """Run a named query inside a transaction that `write_transaction` opened."""
        return tx.run(cast(Any, load_query(name)), params or {})

    def _connection(self) -> tuple[Driver, str, str, float, str]:
        return self.driver, self.uri, self.database, self.timeout_s, self.hint

    @contextlib.contextmanager
    def errors(self) -> Iterator[None]:
        """Turn 'database not there / too slow' driver errors into one clear Unavailable line."""
        try:
            yield
        except (ServiceUnavailable, SessionExpired) as exc:
            raise Unavailable(f"cannot reach Neo4j at {self.uri} ({_reason(exc)}); {self.hint}") from None
        except AuthError:
            raise Unavailable(f"Neo4j at {self.uri} refused the credentials; check NEO4J_USER/NEO4J_PASSWORD") from None
        except ClientError as exc:
            if exc.code and exc.code.endswith(_TIMEOUT_CODES):
                raise Unavailable(f"the query timed out at Neo4j {self.uri} after {self.timeout_s:.0f}s") from None
            raise
        except DriverError as exc:
            raise Unavailable(f"Neo4j at {self.uri} failed: {_reason(exc)}; {self.hint}") from None

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> Graph:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


@dataclass
class InTransaction(Graph):
    """A graph bound to one open write transaction (see `Graph.in_one_transaction`)."""

    tx: ManagedTransaction

    def read(self, name: str, params: dict[str, Any] | None = None) -> list[Row]:
        return [record.data() for record in self.run_in(self.tx, name, params)]

    write = read

    def write_transaction(self, work: Callable[[ManagedTransaction], T], timeout_factor: float = 4.0) -> T:
        return work(self.tx)

    def in_one_transaction(self, work: Callable[[Graph], T], timeout_factor: float = 20.0) -> T:
        return work(self)


def connect(settings: Settings, verify: bool = True) -> Graph:
    """Open the process's driver to the configured database (and check it answers)."""
    hint = (
        "start the local one with `smugglegraph neo4j start`, or point NEO4J_URI at a running server"
        if settings.uses_managed_server
        else "check NEO4J_URI and that the server is up"
    )
    driver = GraphDatabase.driver(
        settings.effective_uri,
        auth=settings.auth(),
        # Fail fast when the server is gone: the driver would otherwise retry for 30 s per call.
        connection_timeout=settings.connect_timeout_s,
        connection_acquisition_timeout=settings.connect_timeout_s,
        max_transaction_retry_time=settings.retry_time_s,
        notifications_min_severity="OFF",  # planner hints (e.g. a type no report has used yet) are not errors
    )
    graph = Graph(driver, settings.effective_uri, settings.neo4j_database, settings.query_timeout_s, hint)
    if verify:
        try:
            with graph.errors():
                driver.verify_connectivity()
        except Unavailable:
            driver.close()
            raise
    return graph


def _reason(exc: Neo4jError | DriverError) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if "refused" in text.lower() or "couldn't connect" in text.lower():
        return "connection refused"
    return text[:160]
