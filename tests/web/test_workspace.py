"""An investigator's first session in the page, in headless Chromium: sign in, find a smuggler by a
misspelled name and by his phone in local format, expand his network on the chart, read the sentence
behind a fact, find the path between two known people, and export the chart."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from pathlib import Path

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


def hasan_baba_expanded(page: Page, site: Site) -> None:
    """Signed in, Hasan Baba found, on the chart with his neighbours."""
    sign_in(page, site)
    search(page, "Hasan Baba")
    open_hit(page, "Hasan Baba")
    page.get_by_role("button", name="Expand").first.click()
    page.wait_for_function("() => window.sgChart.cy.nodes().length > 1")  # the neighbours are drawn
    expect(page.locator("#status")).to_have_text("")


def run_investigation_panel(page: Page, name: str, **choices: str) -> str:
    """Run one investigation from the panel with the given pickers chosen by label; the answer's text."""
    page.get_by_role("link", name="Investigations").click()
    page.get_by_label("Investigation").select_option(name)
    for field, label in choices.items():
        page.get_by_label(field).select_option(label=label)
    page.get_by_role("button", name="Run").click()
    expect(page.locator("#inv-result table").first).to_be_visible()
    return page.locator("#inv-result").inner_text()


def test_the_readme_walkthrough_from_a_report_to_the_network_its_phones_and_its_forger(page: Page, site: Site) -> None:
    sign_in(page, site)
    search(page, "Hassan Babba")  # the driver named in a follow-up report, misspelled
    open_hit(page, "Hasan Baba")
    page.get_by_role("button", name="Sources").click()
    expect(page.locator("#details")).to_contain_text("WhatsApp number +90 532 123 45 67 seen again")
    networks = run_investigation_panel(page, "clusters")
    network = next(line for line in networks.splitlines() if "Hasan Baba" in line)
    assert "Abu Khalid" in network  # the driver and the facilitator are one network
    search(page, "Hasan Baba")
    open_hit(page, "Hasan Baba")
    page.locator("#details .facts").get_by_role("button", name="+905321234567").click()
    expect(page.locator("#details h2")).to_have_text("+905321234567")
    page.get_by_role("button", name="Expand").first.click()
    page.wait_for_function("() => window.sgChart.cy.nodes().length > 1")  # the neighbours are drawn
    expect(page.locator("#status")).to_have_text("")
    assert {"Hasan Baba", "Abu Khalid"} <= set(chart_nodes(page))  # the phone both use
    page.locator("#details .facts").get_by_role("button", name="Abu Khalid").click()
    expect(page.locator("#details h2")).to_have_text("Abu Khalid")
    supplied = page.locator("#details .facts li", has_text="supplied document")
    expect(supplied).to_contain_text("C4F7K2M91")
    fraud = run_investigation_panel(page, "document-fraud", technique="Impostor / look-alike (impostor)")
    passport = next(line for line in fraud.splitlines() if "C4F7K2M91" in line)
    assert "Abu Khalid" in passport  # the forger behind the borrowed passport


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
    page.wait_for_function("() => window.sgChart.cy.nodes().length > 1")  # the neighbours are drawn
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
    hasan_baba_expanded(page, site)
    with page.expect_download() as info:
        page.get_by_role("button", name="Export GraphML").click()
    root = ET.parse(info.value.path()).getroot()
    names = [d.text for d in root.iter(f"{GRAPHML}data") if d.get("key") == "name"]
    assert "Hasan Baba" in names and len(names) == len(chart_nodes(page))
    assert len(list(root.iter(f"{GRAPHML}edge"))) >= 1


def test_an_investigation_runs_from_the_panel_with_a_country_picked_by_name(page: Page, site: Site) -> None:
    sign_in(page, site)
    page.get_by_role("link", name="Investigations").click()
    page.get_by_label("Investigation").select_option("routes")
    page.get_by_label("through").select_option(label="Bulgaria (BG)")
    page.get_by_role("button", name="Run").click()
    table = page.locator("#inv-result table").first
    expect(table).to_be_visible()
    assert "Sofia" in table.inner_text()  # every route through Bulgaria passes Sofia in the demo data
    assert page.locator(".route-map path.country").count() > 100  # the offline world map
    legs = page.locator(".route-map line.leg")
    assert legs.count() >= 1
    assert page.locator(".route-map path.country.involved").count() >= 2
    titles = page.locator(".route-map line.leg title").all_text_contents()
    assert any("Sofia" in title and "incident" in title for title in titles), titles
    assert "#investigate" in page.url


def test_a_network_from_the_panel_is_drawn_on_the_chart(page: Page, site: Site) -> None:
    sign_in(page, site)
    search(page, "Hasan Baba")
    open_hit(page, "Hasan Baba")
    page.get_by_role("link", name="Investigations").click()
    page.get_by_label("Investigation").select_option("network")
    expect(page.get_by_label("uid (required)")).to_have_value(page.evaluate("() => window.sgChart.selected()[0]"))
    page.get_by_role("button", name="Run").click()
    page.get_by_role("button", name="Draw on chart").click()
    assert len(chart_nodes(page)) >= 4


def test_the_time_slider_hides_what_lies_outside_the_window(page: Page, site: Site) -> None:
    hasan_baba_expanded(page, site)
    shown = "() => window.sgChart.cy.edges(':visible').map((e) => e.data('last')).filter(Boolean)"
    lasts = page.evaluate(shown)
    assert len(set(lasts)) >= 2, lasts  # his ties come from reports of two dates
    expect(page.locator("#window-label")).not_to_have_text("all dates")  # the slider spans the chart's dates
    move = "(r, day) => { r.value = Math.floor(Date.parse(day) / 86400000); r.dispatchEvent(new Event('input')); }"
    page.locator("#window-from").evaluate(move, max(lasts))
    expect(page.locator("#window-label")).to_contain_text(f"{max(lasts)} to ")
    # ties drawn a moment after the move are narrowed too, when the chart settles (app.js resetWindow)
    page.wait_for_function(f"() => ({shown})().every((last) => last === {max(lasts)!r})")
    narrowed = page.evaluate(shown)
    assert narrowed and set(narrowed) == {max(lasts)} and len(narrowed) < len(lasts)


NEW_INCIDENT = ("On 2 June 2026 Bulgarian border police stopped a car near Svilengrad with 4 Syrian migrants. "
                "The driver, Hasan Baba, called +90 532 123 45 67 before the stop.")  # fmt: skip


def test_an_analyst_sees_no_linking_or_review(page: Page, site: Site) -> None:
    sign_in(page, site)
    expect(page.get_by_role("link", name="Link a new incident")).to_be_hidden()
    expect(page.get_by_role("link", name="Review queue")).to_be_hidden()


def test_an_ilo_links_a_new_incident_commits_it_and_sees_it_on_the_chart(page: Page, site: Site) -> None:
    sign_in(page, site, "ilo")
    page.get_by_role("link", name="Link a new incident").click()
    page.get_by_label("The new incident, as written").fill(NEW_INCIDENT)
    page.get_by_role("button", name="Check what it touches").click()
    matches = page.locator("#link-result .matches")
    expect(matches).to_contain_text("Hasan Baba", timeout=30_000)
    expect(matches).to_contain_text("+905321234567")
    page.get_by_role("button", name="Commit this incident").click()
    expect(page.locator("#link-result")).to_contain_text("committed as report", timeout=30_000)
    page.get_by_role("button", name="Draw the kept matches on the chart").click()
    assert "Hasan Baba" in chart_nodes(page)
    search(page, "Hasan Baba")
    open_hit(page, "Hasan Baba")
    page.get_by_role("button", name="Sources").click()
    expect(page.locator("#details .sentence").first).to_contain_text("called +90 532 123 45 67 before the stop")


def test_an_ilo_who_says_a_match_is_someone_else_keeps_them_apart(page: Page, site: Site) -> None:
    sign_in(page, site, "ilo")
    page.get_by_role("link", name="Link a new incident").click()
    page.get_by_label("The new incident, as written").fill(
        "On 3 June 2026 Greek police at Kipi arrested Hasan Babah, who drove 5 Afghan migrants."
    )
    page.get_by_role("button", name="Check what it touches").click()
    page.get_by_label("judgement: Hasan Babah and Hasan Baba").select_option(label="is someone else", timeout=30_000)
    page.get_by_role("button", name="Commit this incident").click()
    expect(page.locator("#link-result")).to_contain_text("0 merged", timeout=30_000)
    expect(page.locator("#link-result")).to_contain_text("1 of your judgements recorded")
    search(page, "Hasan Babah")
    expect(page.locator("#hits").get_by_role("button", name="Hasan Babah", exact=True)).to_be_visible()
    expect(page.locator("#hits").get_by_role("button", name="Hasan Baba", exact=True)).to_be_visible()


def test_a_timeline_has_its_own_view_and_any_table_downloads_as_csv(page: Page, site: Site) -> None:
    sign_in(page, site)
    search(page, "Hasan Baba")
    open_hit(page, "Hasan Baba")
    page.get_by_role("button", name="Timeline").click()
    assert "#timeline/" in page.url
    table = page.locator("#inv-result table").first
    expect(table).to_be_visible()
    rows = table.locator("tbody tr").count()
    assert rows >= 2
    with page.expect_download() as info:
        page.get_by_role("button", name="Download CSV").first.click()
    lines = list(csv.reader(Path(info.value.path()).read_text().splitlines()))
    assert len(lines) == rows + 1 and lines[0] == table.locator("thead th").all_inner_texts()


def test_a_proposal_is_drawn_dashed_as_possibly_same_never_as_a_fact(page: Page, site: Site) -> None:
    sign_in(page, site, "admin")
    page.get_by_role("link", name="Review queue").click()
    pair = page.locator("#details .pair").first
    expect(pair).to_contain_text("score")
    name = pair.locator(".sides strong").first.inner_text()
    search(page, name)
    open_hit(page, name)
    page.get_by_role("button", name="Expand").first.click()
    page.wait_for_function("() => window.sgChart.cy.nodes().length > 1")  # the neighbours are drawn
    expect(page.locator("#status")).to_have_text("")
    drawn = "() => window.sgChart.cy.edges('.proposal').map((e) => [e.data('label'), e.style('line-style')])"
    dashed = page.evaluate(drawn)
    assert dashed and all(d == ["possibly same", "dashed"] for d in dashed), dashed
    facts = page.evaluate(
        "() => window.sgChart.cy.edges().filter((e) => !e.hasClass('proposal')).map((e) => e.data('type'))"
    )
    assert "POSSIBLY_SAME_AS" not in facts


def test_an_admin_confirms_a_proposal_then_splits_it(page: Page, site: Site) -> None:
    sign_in(page, site, "admin")
    page.get_by_role("link", name="Review queue").click()
    pair = page.locator("#details .pair").first
    expect(pair).to_contain_text("score")
    for end in pair.locator(".side").all():  # both sides with their evidence, side by side
        expect(end).to_contain_text("fact(s)")
    pair.get_by_role("button", name="Same: confirm").click()
    expect(pair).to_contain_text("(decision ")
    pair.get_by_role("button", name="Split again").click()
    expect(pair).to_contain_text("split: both entities as they were")


def test_the_chart_can_be_worked_from_the_keyboard(page: Page, site: Site) -> None:
    hasan_baba_expanded(page, site)
    page.locator("#chart-list summary").focus()
    page.keyboard.press("Enter")  # opens the list of what is on the chart
    phone = page.get_by_role("button", name="+905321234567 (Phone)")
    expect(phone).to_be_visible()
    page.get_by_label("select +905321234567").check()
    page.get_by_label("select Hasan Baba").uncheck()
    assert page.evaluate("() => window.sgChart.selected()") == [
        page.evaluate(
            "() => window.sgChart.cy.nodes().filter((n) => n.data('name') === '+905321234567').map((n) => n.id())[0]"
        )
    ]
    phone.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#details h2")).to_have_text("+905321234567")


def test_the_chart_canvas_takes_arrows_enter_space_and_delete(page: Page, site: Site) -> None:
    hasan_baba_expanded(page, site)
    canvas, focus = page.locator("#chart"), page.locator("#chart-focus")
    canvas.focus()
    expect(focus).to_contain_text("tie(s)")  # a node has the focus ring, and it is announced

    def focused() -> str:
        return focus.inner_text().split(" (")[0]

    seen = {focused()}
    for key in ("ArrowRight", "ArrowDown", "ArrowLeft", "ArrowUp") * 2:
        page.keyboard.press(key)
        seen.add(focused())
    assert len(seen) >= 3 and seen <= set(chart_nodes(page))
    name = focused()
    page.keyboard.press("Enter")
    assert page.evaluate("() => decodeURIComponent(window.location.hash)").startswith("#entity/")
    expect(page.locator("#details h2")).to_have_text(name)  # a person, a phone or a country alike
    canvas.focus()
    page.keyboard.press("Escape")
    expect(focus).to_have_text("selection cleared")
    page.keyboard.press(" ")
    expect(focus).to_contain_text(f"{name} (")
    expect(focus).to_contain_text(", selected")
    assert page.evaluate(
        "() => window.sgChart.selected().map((id) => window.sgChart.cy.getElementById(id).data('name'))"
    ) == [name]
    before = len(chart_nodes(page))
    page.keyboard.press("Delete")
    assert len(chart_nodes(page)) == before - 1 and name not in chart_nodes(page)


def test_a_country_on_the_chart_opens_as_reference_data(page: Page, site: Site) -> None:
    hasan_baba_expanded(page, site)
    country = page.evaluate(
        "() => window.sgChart.cy.nodes().filter((n) => n.data('kind') === 'Country')"
        ".map((n) => [n.id(), n.data('name')])[0]"
    )
    assert country, "expanding Hasan Baba draws the countries he is tied to"
    page.evaluate("(uid) => { window.location.hash = `entity/${encodeURIComponent(uid)}`; }", country[0])
    expect(page.locator("#details h2")).to_have_text(country[1])
    expect(page.locator("#details")).to_contain_text("reference data")
    expect(page.locator("#status")).to_have_text("")
