"""Parameters the investigations share: paging, limits and the time window."""

from __future__ import annotations

from datetime import date
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Params(BaseModel):
    """Every investigation's parameters are strict: unknown names are errors, not ignored."""

    model_config = ConfigDict(extra="forbid")


class Window(Params):
    since: date | None = Field(None, description="only facts from reports dated on or after this day")
    until: date | None = Field(None, description="only facts from reports dated on or before this day")

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.since and self.until and self.since > self.until:
            raise ValueError("since must not be after until")
        return self


class Paged(Window):
    limit: int = Field(50, ge=1, le=500, description="most results returned")
    skip: int = Field(0, ge=0, le=100_000, description="results skipped (for paging)")
