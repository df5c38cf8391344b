"""Reports' releasability (originator or admin) and the user list (admin)."""

from __future__ import annotations

from typing import Annotated, Literal, Self

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field, model_validator

from api.audit import audited, record, record_success
from api.auth import ViewerDep, require_role
from api.deps import GraphDep
from graph import users
from graph.errors import Forbidden, NotFound
from graph.visibility import Viewer, change_report_release, scope_agencies, scope_for, scope_key

router = APIRouter(tags=["administration"])
AdminDep = Annotated[Viewer, Depends(require_role("admin"))]


class Release(BaseModel):
    model_config = ConfigDict(extra="forbid")
    releasability: Literal["network", "agencies", "originator"] = Field(examples=["agencies"])
    release_to: list[Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._@\-]{1,63}$")]] = Field(
        default_factory=list, max_length=100, examples=[["GR-HP"]], description="agencies, with 'agencies'"
    )

    @model_validator(mode="after")
    def _agencies_named(self) -> Self:
        if (self.releasability == "agencies") != bool(self.release_to):
            raise ValueError("release_to names the agencies exactly when releasability is 'agencies'")
        return self


class ReleaseOut(Release):
    uid: str


class Me(BaseModel):
    user: str
    agency: str | None
    role: str


class UserOut(BaseModel):
    name: str
    agency: str
    role: str
    keys: list[str] = Field(description="key ids, with ' (revoked)' after revoked ones")


@router.get("/me", response_model=Me, summary="Who the key belongs to")
def me(viewer: ViewerDep) -> Me:
    return Me(user=viewer.user, agency=viewer.agency, role=viewer.role)


@router.patch("/reports/{uid}/release", response_model=ReleaseOut, summary="Change to whom a report is released",
              responses={403: {"description": "not the originating agency or an admin"},
                         404: {"description": "no such report visible to you"}})  # fmt: skip
def change_release(uid: str, release: Release, request: Request, graph: GraphDep, viewer: ViewerDep) -> ReleaseOut:
    """The originating agency's ILOs or an admin may change a report's releasability."""
    audited(request, "report:release", {"uid": uid, **release.model_dump()})
    rows = graph.read("access/get_report_release", {"uid": uid})
    if not rows or rows[0]["scope"] not in scope_for(graph, viewer).scopes:
        raise NotFound(f"no report with id {uid!r}")
    originator = rows[0]["originator_agency"]
    if viewer.role != "admin" and not (viewer.agency == originator and viewer.role == "ilo"):
        raise Forbidden("only the originating agency's ILOs or an admin may change a report's releasability")
    key = scope_key(release.releasability, originator, release.release_to)
    row = change_report_release(graph, uid, {**release.model_dump(), "scope": key, "agencies": scope_agencies(key)})
    result = ReleaseOut(uid=row["uid"], releasability=row["releasability"], release_to=row["release_to"])
    record_success(request, result)
    return result


@router.get("/admin/users", response_model=list[UserOut], summary="Users of the API (admin only)")
def list_users(request: Request, graph: GraphDep, _: AdminDep) -> list[UserOut]:
    audited(request, "users:list", {})
    found = [
        UserOut(name=row["name"], agency=row["agency"], role=row["role"],
                keys=[k["key_id"] + (" (revoked)" if k["revoked_at"] else "") for k in row["keys"]])
        for row in users.list_users(graph)
    ]  # fmt: skip
    record(request, 200, len(found))
    return found
