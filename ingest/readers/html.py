"""HTML (.html/.htm): the main text only, with page furniture (navigation, scripts, ...) dropped."""

from __future__ import annotations

import re
from datetime import date

from bs4 import BeautifulSoup, Comment, Tag
from bs4.element import NavigableString

from ingest.readers.base import Extracted
from ingest.readers.dates import parse_date
from ingest.readers.encoding import decode_bytes

MEDIA_TYPE = "text/html"

_NOISE = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "svg",
    "iframe",
)
_NOISE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search"}
_BLOCKS = {
    "address", "article", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure", "h1", "h2",
    "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p", "pre", "section", "table", "tr", "ul",
}  # fmt: skip
_CELLS = {"td", "th"}
_DATE_META = ("date", "dc.date", "dcterms.date", "dcterms.created", "article:published_time", "pubdate")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def _meta_date(soup: BeautifulSoup) -> date | None:
    for meta in soup.find_all("meta"):
        key = str(meta.get("name") or meta.get("property") or "").lower()
        if key in _DATE_META and (found := parse_date(str(meta.get("content") or ""))):
            return found
    return None


def _title(soup: BeautifulSoup) -> str | None:
    for tag in (soup.title, soup.find("h1")):
        if tag is not None and (text := _SPACE.sub(" ", tag.get_text()).strip()):
            return text
    return None


def _drop_noise(soup: BeautifulSoup) -> None:
    for comment in soup.find_all(string=lambda node: isinstance(node, Comment)):
        comment.extract()
    for tag in soup.find_all(_NOISE):
        tag.decompose()
    for tag in soup.find_all(role=True):
        if not tag.decomposed and str(tag.get("role")).lower() in _NOISE_ROLES:
            tag.decompose()


def _main_element(soup: BeautifulSoup) -> Tag:
    for candidate in (soup.find("main"), soup.find(role="main"), soup.body):
        if isinstance(candidate, Tag):
            return candidate
    return soup


def _layout(root: Tag) -> None:
    """Collapse source whitespace the way a browser does, then mark block edges with line breaks."""
    for node in list(root.find_all(string=True)):
        if node.find_parent("pre") is None:
            node.replace_with(NavigableString(_SPACE.sub(" ", str(node))))
    for tag in list(root.find_all(True)):
        if tag.name == "br":
            tag.replace_with(NavigableString("\n"))
        elif tag.name in _BLOCKS:
            tag.insert_before(NavigableString("\n"))
            tag.insert_after(NavigableString("\n"))
        elif tag.name in _CELLS:
            tag.insert_after(NavigableString(" | "))


def html_to_text(markup: str) -> tuple[str, str | None, date | None]:
    """Main text of an HTML page, its title (<title>, else the first <h1>) and a date from its meta
    tags. Used for .html files and for the HTML bodies of e-mails."""
    soup = BeautifulSoup(markup, "html.parser")
    title = _title(soup)
    found_date = _meta_date(soup)
    _drop_noise(soup)
    root = _main_element(soup)
    _layout(root)
    lines = (line.strip().removesuffix("|").strip() for line in root.get_text().split("\n"))
    return "\n".join(lines), title, found_date


def read_html(data: bytes) -> Extracted:
    """Read an HTML page: main text, title and date."""
    declared = _META_CHARSET.search(data[:4096])
    markup = decode_bytes(data, declared.group(1).decode("ascii") if declared else None)
    text, title, found_date = html_to_text(markup)
    return Extracted(text=text, media_type=MEDIA_TYPE, title=title, date=found_date)
