"""An investigator's first session in the page, in headless Chromium: sign in, find a smuggler by a
misspelled name and by his phone in local format, expand his network on the chart, read the sentence
behind a fact, find the path between two known people, and export the chart."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from playwright.sync_api import Page, expect

from tests.web.conftest import Site

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def sign_in(page: Page, site: Site, role: str = "analyst") -> None:
    page.goto(f"{site.url}/")
    page.get_by_label("API key").fill(site.keys[role])
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("#who")).to_contain_text(f"demo-{role} ({role}, DEMO-AGENCY)")


def search(page: Page, query: str) -> None:
    page.get_by_label("Name, alias or identifier").fill(query)
    page.get_by_role("button", name="Search").click()


def chart_nodes(page: Page) -> list[str]:
    names: list[str] = page.evaluate("() => window.sgChart.cy.nodes().map((n) => n.data('name'))")
    return names


def open_hit(page: Page, name: str) -> None:
    page.locator("#hits").get_by_role("button", name=name).first.click()
    expect(page.locator("#details h2")).to_have_text(name)


def test_a_wrong_key_is_refused_and_a_right_one_signs_in(page: Page, site: Site) -> None:
    page.goto(f"{site.url}/")
    page.get_by_label("API key").fill("sgk_wrong")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("#signin-error")).to_contain_text("401")
    sign_in(page, site)
    expect(page.locator("#workspace")).to_be_visible()


def test_a_misspelled_name_and_a_local_phone_find_the_smuggler(page: Page, site: Site) -> None:
    sign_in(page, site)
    search(page, "Hassan Babba")
    expect(page.locator("#hits li").first).to_contain_text("Hasan Baba")
    search(page, "0532 123 45 67")
    first = page.locator("#hits li").first
    expect(first).to_contain_text("+905321234567")
    expect(first).to_contain_text("read as a number of TR")


def test_expanding_the_phone_draws_who_uses_it(page: Page, site: Site) -> None:
    sign_in(page, site)
    search(page, "0532 123 45 67")
    open_hit(page, "+905321234567")
    assert chart_nodes(page) == ["+905321234567"]
    page.get_by_role("button", name="Expand").first.click()
    expect(page.locator("#status")).to_have_text("")
    drawn = chart_nodes(page)
    assert "Hasan Baba" in drawn and len(drawn) >= 3, drawn
    edges = page.evaluate("() => window.sgChart.cy.edges().map((e) => e.data('type'))")
    assert "HAS_PHONE" in edges


def test_the_sources_of_a_person_show_the_sentence_with_his_name_marked(page: Page, site: Site) -> None:
    sign_in(page, site)
    search(page, "Hasan Baba")
    open_hit(page, "Hasan Baba")
    page.get_by_role("button", name="Sources").click()
    expect(page.locator("#details h2")).to_have_text("Sources of Hasan Baba")
    marks = page.locator("#details .sentence mark")
    expect(marks.first).to_be_visible()
    assert "Hasan Baba" in marks.all_inner_texts()
    sentence = page.locator("#details .sentence").first.inner_text()
    assert "Hasan Baba" in sentence and len(sentence) < 400
    page.locator("#details").get_by_role("button", name="Open report").first.click()
    expect(page.locator("#report-dialog pre")).to_contain_text("Hasan Baba")


def test_why_a_fact_holds_cites_its_sentence(page: Page, site: Site) -> None:
    sign_in(page, site)
    search(page, "Hasan Baba")
    open_hit(page, "Hasan Baba")
    fact = page.locator("#details .facts li", has_text="+905321234567").first
    fact.get_by_role("button", name="why?").click()
    expect(page.locator("#details h2")).to_have_text("Sources of has phone")
    expect(page.locator("#details .sentence").first).to_contain_text("+90 532 123 45 67")


def test_the_path_between_two_people_is_drawn(page: Page, site: Site) -> None:
    sign_in(page, site)
    for name in ("Hasan Baba", "Abu Khalid"):
        search(page, name)
        open_hit(page, name)
    page.evaluate("() => window.sgChart.cy.nodes().select()")
    page.get_by_role("button", name="Paths").click()
    expect(page.locator("#status")).to_contain_text("shortest path")
    on_path = page.evaluate("() => window.sgChart.cy.nodes('.path').map((n) => n.data('name'))")
    assert {"Hasan Baba", "+905321234567"} <= set(on_path), on_path


def test_back_returns_to_the_previous_view(page: Page, site: Site) -> None:
    sign_in(page, site)
    search(page, "Hasan Baba")
    open_hit(page, "Hasan Baba")
    page.locator("#details .facts").get_by_role("button", name="+905321234567").click()
    expect(page.locator("#details h2")).to_have_text("+905321234567")
    page.go_back()
    expect(page.locator("#details h2")).to_have_text("Hasan Baba")


def test_the_chart_exports_as_graphml_that_parses(page: Page, site: Site) -> None:
    sign_in(page, site)
    search(page, "Hasan Baba")
    open_hit(page, "Hasan Baba")
    page.get_by_role("button", name="Expand").first.click()
    expect(page.locator("#status")).to_have_text("")
    with page.expect_download() as info:
        page.get_by_role("button", name="Export GraphML").click()
    root = ET.parse(info.value.path()).getroot()
    names = [d.text for d in root.iter(f"{GRAPHML}data") if d.get("key") == "name"]
    assert "Hasan Baba" in names and len(names) == len(chart_nodes(page))
    assert len(list(root.iter(f"{GRAPHML}edge"))) >= 1
