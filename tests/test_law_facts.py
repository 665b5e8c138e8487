"""Issue 12: what a child victim is entitled to, stated exactly, on the built pages.

Each test reads the page a reader would open and looks for the key phrase of one legal point
(checked against the statute text, see the sources on each page), or for a provenance label
that must not claim BKK content. A regression in content or templates makes one of them fail.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from conftest import ROOT

from generator.check.validate import load_content
from generator.model.items import PROVENANCE_LABELS

_TAG = re.compile(r"<[^>]+>")
_MAIN = re.compile(r"<article\b.*?</article>", re.S)


@pytest.fixture(scope="module")
def site(shipped_site) -> Path:
    return shipped_site


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT / "content")


def raw(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def text(site: Path, path: str) -> str:
    """The article's visible text, tags removed (abbreviations and bold split no phrase)."""
    page = raw(site, path)
    main = _MAIN.search(page)
    return " ".join(html.unescape(_TAG.sub("", main.group(0) if main else page)).split())


# --- StGB: the aggravations for minor victims -------------------------------------------------

def test_233_names_the_under_18_penalty(site):
    page = text(site, "recht/stgb-233")
    assert "unter 18 Jahre alt, beträgt die Strafe sechs Monate bis zehn Jahre Freiheitsstrafe (Abs. 2 Nr. 1)" in page
    assert "bis zu drei Jahren oder Geldstrafe" in page


def test_232_names_the_minor_victim_qualification(site):
    page = text(site, "recht/stgb-232")
    assert "Ist das Opfer minderjährig, gilt in den Fällen des Abs. 1 ein Strafrahmen von sechs Monaten bis zu zehn Jahren" in page
    assert "Abs. 3 Satz 1 Nr. 1" in page
    assert "nicht ausgewertet" not in page


@pytest.mark.parametrize("form", ["arbeitsausbeutung", "ausbeutung-betteln", "ausnutzung-strafbarer-handlungen",
                                  "sexuelle-ausbeutung", "organentnahme", "sklaverei-leibeigenschaft"])
def test_exploitation_forms_state_the_child_penalty(site, form):
    page = text(site, f"ausbeutungsformen/{form}")
    assert "Für Kinder gilt ein höherer Strafrahmen" in page and "§ 232 Abs. 3 Satz 1 Nr. 1 StGB" in page


@pytest.mark.parametrize("form", ["arbeitsausbeutung", "ausbeutung-betteln", "ausnutzung-strafbarer-handlungen"])
def test_exploitation_forms_citing_233_state_its_child_penalty(site, form):
    assert "§ 233 Abs. 2 Nr. 1 StGB mit sechs Monaten bis zu zehn Jahren" in text(site, f"ausbeutungsformen/{form}")


def test_arbeitsausbeutung_drops_the_unsourced_example(site):
    assert "Haushalten" not in text(site, "ausbeutungsformen/arbeitsausbeutung")


# --- SGB VIII ----------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["recht/sgb-viii-42f", "akteure/gesundheitswesen"])
def test_42f_is_a_duty_not_a_may(site, path):
    page = text(site, path)
    assert re.search(r"hat das Jugendamt (in Zweifelsfällen )?eine ärztliche Untersuchung zur Altersbestimmung zu veranlassen", page)
    assert "kann eine ärztliche Untersuchung" not in page and "kann in Zweifelsfällen" not in page
    assert "Einwilligung der betroffenen Person und ihrer Vertretung" in page


def test_42_names_self_referral_and_the_conditions_of_nr_2(site):
    page = text(site, "recht/sgb-viii-42")
    assert "selbst um Obhut bittet" in page
    assert "die Personensorgeberechtigten nicht widersprechen oder eine familiengerichtliche Entscheidung nicht rechtzeitig eingeholt werden kann" in page
    assert "§ 42a SGB VIII" in page and "vorläufigen Inobhutnahme" in page


@pytest.mark.parametrize("path", ["phasen/inobhutnahme", "akteure/jugendamt"])
def test_phase_and_jugendamt_name_self_referral(site, path):
    assert "selbst um Obhut bittet" in text(site, path)


def test_glossary_inobhutnahme_keeps_42a_apart(site, content):
    assert "vorläufige Inobhutnahme" not in content.items("glossary")["inobhutnahme"].synonyms
    assert "wenn das Kind selbst um Obhut bittet" in text(site, "glossar")


@pytest.mark.parametrize("path", ["recht/sgb-viii-8b", "akteure/schule", "akteure/jugendamt", "phasen/identifizierung"])
def test_8b_gives_everyone_working_with_children_a_right_to_advice(site, path):
    page = text(site, path)
    assert "§ 8b Abs. 1 SGB VIII" in page
    assert re.search(r"(alle|Alle)[^.]{0,40}beruflich (mit Kindern in Kontakt stehen|in Kontakt mit Kindern)", page)


def test_glossary_names_both_legal_bases_for_advice(site):
    page = text(site, "glossar")
    assert "Anspruch auf diese Beratung (§ 8b Abs. 1 SGB VIII)" in page and "zusätzlich nach § 4 KKG" in page


# --- StPO: lawyer and psychosocial support for minors ------------------------------------------

@pytest.mark.parametrize("path", ["recht/stpo-406g", "akteure/psychosoziale-prozessbegleitung", "phasen/strafverfahren"])
def test_minors_harmed_by_trafficking_are_entitled_to_court_support(site, path):
    page = text(site, path)
    assert "232 bis 235" in page and "237 StGB" in page
    assert "Anspruch" in page and "§ 397a Abs. 1" in page
    for hedge in ("nicht vollständig geprüft", "schwerer Gewalt- oder Sexualstraftaten"):
        assert hedge not in page, f"{path}: {hedge}"


def test_406g_names_the_lawyer_as_well(site):
    page = text(site, "recht/stpo-406g")
    assert "Anspruch auf psychosoziale Prozessbegleitung" in page and "Anspruch auf einen Rechtsanwalt als Beistand" in page


def test_glossary_prozessbegleitung_entitlement(site):
    page = text(site, "glossar")
    assert "(§§ 232 bis 235, 237 StGB) verletzt sind und bei Antragstellung noch nicht 18 Jahre alt sind, haben darauf einen Anspruch" in page


# --- New law items, linked from phases and actors ----------------------------------------------

@pytest.mark.parametrize(("norm", "linked_from"), [
    ("sgb-viii-8b", ["phasen/identifizierung", "akteure/schule", "akteure/jugendamt"]),
    ("sgb-xiv", ["phasen/strafverfahren", "phasen/hilfeplanung", "akteure/psychosoziale-prozessbegleitung",
                 "akteure/gesundheitswesen"]),
    ("aufenthg-25-abs-4a", ["phasen/aufenthaltsrecht", "akteure/auslaenderbehoerde"]),
])
def test_new_law_items_exist_and_are_linked(site, norm, linked_from):
    assert (site / "recht" / norm / "index.html").is_file()
    for page in linked_from:
        assert f"recht/{norm}/" in raw(site, page), f"{page} verlinkt {norm} nicht"


def test_sgb_xiv_replaced_the_oeg_and_says_the_bkk_predates_it(site):
    page = text(site, "recht/sgb-xiv")
    for phrase in ("1. Januar 2024", "Opferentschädigungsgesetz (OEG)", "psychischer Gewalt", "Menschenhandel",
                   "Traumaambulanzen", "Fallmanagement", "Das BKK (2018) ist vor dieser Reform erschienen"):
        assert phrase in page, phrase


def test_25_4a_states_the_three_conditions(site):
    page = text(site, "recht/aufenthg-25-abs-4a")
    for phrase in ("§§ 232 bis 233a StGB", "jede Verbindung zu den Beschuldigten abgebrochen", "als Zeugin oder Zeuge auszusagen"):
        assert phrase in page, phrase


def test_un_crc_names_the_current_stgb_numbering(site):
    page = text(site, "recht/un-krk-art-35")
    assert "§§ 232 ff. StGB" in page and "§ 181 StGB" in page  # the outdated number is named as outdated


def test_draft_law_stays_a_draft(site):
    page = text(site, "chronik")
    assert "Gesetzentwurf zur Umsetzung der Richtlinie (EU) 2024/1712 (Entwurf)" in page
    assert "Ob das Gesetz beschlossen wurde, ist uns nicht bekannt" in page
    assert "Ob das Gesetz beschlossen wurde, ist uns nicht bekannt" in text(site, "recht/rl-2024-1712")


# --- Provenance and labels ---------------------------------------------------------------------

def test_e04_says_exactly_1800(site):
    page = text(site, "empfehlungen/fortbildung-runde-tische")
    assert "insgesamt 1.800 Fachkräfte" in page and "rund 1.800" not in page


def _own_provenance(page: str) -> str:
    match = re.search(r"Herkunft: (.+?)(?: Dieser| Beruht| Wiedergabe| Dieses)", page)
    assert match, "kein Herkunftskasten"
    return match.group(1)


def test_e06_is_not_bkk_content(site, content):
    assert content.items("recommendation")["externe-fachberatung"].provenance != "bkk"
    page = text(site, "empfehlungen/externe-fachberatung")
    assert _own_provenance(page) != PROVENANCE_LABELS["bkk"]
    assert "ECPAT Deutschland betont" in page and "2024" in page


def test_jugendamt_handout_is_not_bkk_content(site, content):
    assert content.items("seminar")["jugendamt"].provenance != "bkk"
    page = text(site, "seminare/jugendamt")
    assert "Handout dieser Website, kein Inhalt des BKK" in page
    assert f"Herkunft: {PROVENANCE_LABELS[content.items('seminar')['jugendamt'].provenance]}" in page
    assert "Handout dieser Website" in text(site, "seminare/jugendamt/karte")


@pytest.mark.parametrize("actor", ["fachberatungsstellen", "landesministerien", "bundesregierung"])
def test_actors_separate_bkk_facts_from_related_facts(site, actor):
    page = text(site, f"akteure/{actor}")
    assert "Aus Quellen über das BKK:" in page and "Verwandte Angaben, nicht aus dem BKK:" in page


@pytest.mark.parametrize("path", ["empfehlungen", "indikatoren", "empfehlungen/uebersicht", "indikatoren/uebersicht",
                                  "empfehlungen/frueher-austausch", "indikatoren/keine-echten-papiere",
                                  "seminare/jugendamt"])
def test_short_labels_are_this_sites_numbering(site, path):
    assert "keine Nummerierung des BKK" in text(site, path)


def test_boilerplate_is_said_by_the_template(site):
    assert "Kein Anzeichen auf dieser Website stammt aus dem Indikatorenanhang des BKK" in text(site, "indikatoren/keine-echten-papiere")
    assert "Dieser Ablauf ist ein vorläufiges Gerüst" in text(site, "phasen/klaerung")
    assert text(site, "indikatoren").count("Bitte zuerst lesen") == 0


# --- Figures and sources -----------------------------------------------------------------------

def test_bka_figures_units_and_conflicts(site):
    page = text(site, "kennzahlen")
    assert "214 Fälle" in page and "nicht direkt vergleichbar" in page
    assert "232 Betroffene" in page and "Widersprüchliche Angabe" in page and "209 Verfahren" in page


def test_every_source_shows_its_checked_date(site, content):
    page = text(site, "quellen")
    assert page.count("zuletzt geprüft am") == len(content.items("source"))
    assert "Prüfdatum fehlt" not in page
