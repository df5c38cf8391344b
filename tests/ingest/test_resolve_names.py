"""Name comparison for entity resolution: the decisions an analyst would check, and the resolve commands."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli.resolve import resolve_app
from graph.errors import InvalidInput
from ingest.resolve import blocking_keys, compare_names, normalise_person_name

runner = CliRunner()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mohammed Al-Hassan", "Muhamad Hasan"),
        ("Mohammed Al-Hassan", "M. AL HASSAN"),
        ("Muhamad Hasan", "M. AL HASSAN"),
    ],
)
def test_the_issue_spellings_of_one_name_are_the_same(a: str, b: str) -> None:
    assert compare_names(a, b).decision == "same"


def test_a_kunya_alone_is_not_the_same_as_a_full_name() -> None:
    result = compare_names("Abu Khalid", "Mohammed Al-Hassan")
    assert result.decision != "same"
    assert "kunya only" in result.reasons


def test_matching_kunyas_match_across_spellings() -> None:
    assert compare_names("Abu Khalid", "Abou Khaled").decision == "same"
    assert compare_names("Abu Khalid", "Abu Omar").decision == "different"


@pytest.mark.parametrize("a", ["AL-HASSAN, Mohammed", "AL-HASSAN Mohammed", "Hassan, Muhammad al-"])
def test_surname_first_forms_match_the_given_name_first_form(a: str) -> None:
    result = compare_names(a, "Mohammed Al Hassan")
    assert result.decision == "same"
    assert "order swapped" in result.reasons


def test_an_unexplained_swap_of_given_names_is_only_unsure() -> None:
    swapped = compare_names("Ahmed Ali", "Ali Ahmed")
    assert swapped.decision == "unsure"
    assert "no surname marked to explain the order" in swapped.reasons
    assert compare_names("ALI Ahmed", "Ahmed Ali").decision == "same"


def test_surname_first_parsing_puts_the_family_name_last() -> None:
    parsed = normalise_person_name("AL-HASSAN, Mohammed")
    assert [t.canon for t in parsed.tokens] == ["mohammed", "hassan"]
    assert parsed.reordered


@pytest.mark.parametrize(
    "titled",
    ["Dr. Ahmed Karimi", "Sheikh Ahmed Karimi", "Haji Ahmad Karimi", "Hajji Ahmed Karimi", "Mullah Ahmad Karimi",
     "Sayyid Ahmed Karimi", "Eng. Ahmad Karimi", "Mr Ahmed KARIMI"],
)  # fmt: skip
def test_titles_are_ignored(titled: str) -> None:
    assert compare_names(titled, "Ahmad Karimi").decision == "same"


def test_titles_are_recorded_not_compared() -> None:
    parsed = normalise_person_name("Sheikh Abu Khalid Abdul Rahman AL-HASSAN")
    assert parsed.titles == ("sheikh",)
    assert parsed.kunya == "abu khalid"
    assert [t.canon for t in parsed.tokens] == ["abdrahman", "hassan"]


@pytest.mark.parametrize("form", ["Abdulrahman", "Abd al-Rahman", "Abdel Rahman", "Abdurrahman", "Abd-al-Rahman"])
def test_abd_compounds_are_one_unit(form: str) -> None:
    result = compare_names(f"{form} Yousef", "Abdul Rahman Yusuf")
    assert result.decision == "same", result


def test_abd_compounds_with_different_names_differ() -> None:
    assert compare_names("Abdul Rahman Yousef", "Abdul Rahim Yousef").decision == "different"
    assert compare_names("Mohammed Abdullah", "Mohammed Abdulaziz").decision == "different"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mohammed Ali Hassan", "Mohammed Ali Hussein"),
        ("Mohammed Ahmed Khalil", "Mohammed Ahmed Karim"),
        ("Mohammed Yousef Al-Hassan", "Mohammed Ibrahim Al-Hassan"),
        ("Ahmed Karimi", "Ahmed Rahimi"),
        ("Mohammed bin Salman", "Mohammed bin Zayed"),
        ("Ali Reza Ahmadi", "Ali Reza Mohammadi"),
        ("Tesfaye Gebremedhin", "Tesfaye Gebrehiwet"),
        ("Ahmed Khalil Hassan", "Mahmoud Khalil Hassan"),  # brothers: patronymic and surname shared
    ],
)
def test_shared_common_tokens_do_not_make_different_people_the_same(a: str, b: str) -> None:
    result = compare_names(a, b)
    assert result.decision == "different", result
    assert any("differ (distinguishing)" in reason for reason in result.reasons)


def test_a_clash_of_known_names_is_reported_as_distinguishing() -> None:
    reasons = compare_names("Mohammed Ali Hassan", "Mohammed Ali Hussein").reasons
    assert "'hassan' vs 'hussein' differ (distinguishing)" in reasons


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ahmed Karimi", "Ahmad Karimi"),
        ("Hussein Yusuf", "Husayn Yousif"),
        ("Hüseyin Yılmaz", "Huseyin Yilmaz"),
        ("Omar Abdullah Khalil", "Umar Abdallah Khaleel"),
        ("Jafar Rezaei", "Ja'far Rezai"),
        ("Tesfaye Gebremedhin", "Tesfay Gebre Medhin"),
        ("Tekle Haile", "Tekleh Hailé"),
        ("Osama bin Laden", "Usama Bin Ladin"),
        ("Salah ad-Din Ahmed", "Salaheddine Ahmad"),
        ("Habibullah Noorzai", "Habib Ullah Nurzai"),
    ],
)
def test_transliteration_variants_are_the_same(a: str, b: str) -> None:
    assert compare_names(a, b).decision == "same"


def test_reasons_name_the_kind_of_match() -> None:
    reasons = compare_names("Mohammed Al-Hassan", "Muhamad Hasan").reasons
    assert "given name 'mohammed' = 'muhamad' (variant)" in reasons
    initial = compare_names("M. Al Hassan", "Mohammed Al-Hassan").reasons
    assert "initial 'M.' fits 'mohammed'" in initial
    unseen = compare_names("Laden", "Ladin").reasons
    assert "name 'laden' ~ 'ladin' (transliteration)" in unseen


def test_a_dropped_middle_name_is_never_different() -> None:
    assert compare_names("Mohammed Abdullah Al-Hassan", "Mohammed Al-Hassan").decision in {"same", "unsure"}
    assert compare_names("Ahmed Karimi", "Ahmed Nazari Karimi").decision in {"same", "unsure"}


def test_one_common_name_against_a_full_name_is_not_same() -> None:
    assert compare_names("Mohammed", "Mohammed Al-Hassan").decision == "unsure"


def test_thresholds_can_be_overridden() -> None:
    strict = compare_names("Mohammed Abdullah Al-Hassan", "Mohammed Al-Hassan", same_at=0.95)
    assert strict.decision == "unsure"


def test_blocking_keys_meet_for_variants_and_skip_common_names() -> None:
    assert blocking_keys("Mohammed Al-Hassan Karimi") & blocking_keys("Muhamad Karimy")
    assert blocking_keys("Mohammed Al-Hassan Karimi", limit=1) == {"krmi"}
    assert blocking_keys("Abu Khalid") == {"abu kald"}


@pytest.mark.parametrize(
    ("a", "b", "decision"),
    [
        ("Al-Noor Travel & Tourism Co. Ltd", "AL NOUR TRAVEL", "same"),
        ("Sahara Trading LLC", "Sahara Trading L.L.C.", "same"),
        ("The Golden Crescent Network", "Golden Crescent gang", "same"),
        ("Baraka Travel SARL", "Baraka Travels S.A.R.L.", "same"),
        ("Al Noor Travel", "Al Amal Travel", "different"),
        ("Golden Crescent Network", "Golden Eagle Network", "different"),
    ],
)
def test_organisations_ignore_legal_forms_but_not_their_names(a: str, b: str, decision: str) -> None:
    assert compare_names(a, b, kind="organisation").decision == decision


@pytest.mark.parametrize(
    ("a", "b", "decision"),
    [
        ("MV Sea Star", "Sea Star", "same"),
        ('M/V "Sea Star"', "the Sea Star", "same"),
        ("F/V Amira III", "FV Amira 3", "same"),
        ("Sea Star 2", "Sea Star 3", "different"),
        ("Sea Star", "Sea Star 2", "different"),
        ("MV Ocean Queen", "MV Ocean King", "different"),
    ],
)
def test_vessel_numbers_must_match_exactly(a: str, b: str, decision: str) -> None:
    assert compare_names(a, b, kind="vessel").decision == decision


def test_compare_command_prints_json() -> None:
    done = runner.invoke(resolve_app, ["compare", "Mohammed Al-Hassan", "M. AL HASSAN", "--json"])
    assert done.exit_code == 0, done.output
    result = json.loads(done.output)
    assert result["decision"] == "same" and 0.0 <= result["score"] <= 1.0 and result["reasons"]


def test_compare_command_prints_text_with_kind() -> None:
    done = runner.invoke(resolve_app, ["compare", "Sea Star 2", "Sea Star 3", "--kind", "vessel"])
    assert done.exit_code == 0, done.output
    assert done.output.startswith("different")
    assert "numbers/letters '2' vs '3' differ" in done.output


def test_compare_batch_round_trip(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(
        "name1,name2,kind\n"
        '"AL-HASSAN, Mohammed",Muhamad Hasan,\n'
        "Mohammed Ali Hassan,Mohammed Ali Hussein,person\n"
        "Sea Star 2,Sea Star 3,vessel\n"
        "Al Noor Travel Ltd,AL NOUR TRAVEL,organisation\n"
        "Abu Khalid,Mohammed Al-Hassan,alien\n",
        encoding="utf-8",
    )
    done = runner.invoke(resolve_app, ["compare-batch", str(pairs)])
    assert done.exit_code == 0, done.output
    rows = list(csv.DictReader(io.StringIO(done.output)))
    assert list(rows[0]) == ["name1", "name2", "kind", "score", "decision", "reasons"]
    assert [r["name1"] for r in rows] == ["AL-HASSAN, Mohammed", "Mohammed Ali Hassan", "Sea Star 2",
                                          "Al Noor Travel Ltd", "Abu Khalid"]  # fmt: skip
    assert [r["decision"] for r in rows] == ["same", "different", "different", "same", "unsure"]
    assert "; " in rows[0]["reasons"]
    assert all(0.0 <= float(r["score"]) <= 1.0 for r in rows)


def test_compare_batch_names_the_file_and_line_of_a_malformed_row(tmp_path: Path) -> None:
    pairs = tmp_path / "bad.csv"
    pairs.write_text("name1,name2,kind\nAhmed Karimi,Ahmad Karimi,person\nonly one field\n", encoding="utf-8")
    done = runner.invoke(resolve_app, ["compare-batch", str(pairs)])
    assert isinstance(done.exception, InvalidInput)
    assert done.exception.message == f"{pairs}:3: expected name1,name2[,kind], got 1 field(s)"
    assert done.output == ""


def test_compare_batch_rejects_a_wrong_header(tmp_path: Path) -> None:
    pairs = tmp_path / "noheader.csv"
    pairs.write_text("Ahmed Karimi,Ahmad Karimi,person\n", encoding="utf-8")
    done = runner.invoke(resolve_app, ["compare-batch", str(pairs)])
    assert isinstance(done.exception, InvalidInput)
    assert done.exception.message.startswith(f"{pairs}:1:")


def test_a_lone_particle_does_not_break_the_comparison() -> None:
    # This pair once raised IndexError (an empty stem after "Abdul"); it must get a scored, reasoned answer.
    result = compare_names("ABDUL HILALKHHEL", "ABDUL HILALKHHELx")
    assert 0 <= result.score <= 1 and result.reasons


@pytest.mark.parametrize(
    ("short", "full"), [("Ted Kaczynski", "Theodore Kaczynski"), ("Bill Gates", "William Gates"),
                        ("Theodore Kaczynski", "Ted Kaczynski")],
)  # fmt: skip
def test_a_short_form_of_a_given_name_is_the_same_name(short: str, full: str) -> None:
    result = compare_names(short, full)
    assert result.decision == "same", result
    assert any("(short form)" in reason for reason in result.reasons)


def test_a_name_the_lexicon_knows_is_not_a_short_form_of_an_english_one() -> None:
    # the nicknames dataset lists "ali" under "alison"; Ali is a name of its own
    result = compare_names("Ali Hassan", "Alison Hassan")
    assert result.decision == "different" and not any("short form" in reason for reason in result.reasons)
