"""Advice for editors: things worth fixing that never block a build (severity "warning").

Named ``advice`` rather than ``warnings`` so it never shadows the standard library module.
Runs on checked content only: every rule here may assume ids and references are valid.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..model.content import Content
from ..model.items import LANGUAGE_NAMES, TRANSLATIONS
from ..model.kinds import ALL_KINDS, Kind, children
from ..model.linking import inbound
from ..model.paths import page_path
from ..model.translations import missing
from ..problems import Mark, Problem, display_path
from .validate import content_files

REVIEW_MONTHS = 24
SOURCE_CHECK_MONTHS = 12  # a source last checked (``accessed``) longer ago than this gets a warning
HELP_CHECK_MONTHS = 12  # a help number readers are told to call
CONTACT_MONTHS = 12  # phone numbers and addresses change; a wrong one costs a reader in need the call
PLACEHOLDER = "BITTE AUSFÜLLEN"  # what ``bkk-site new`` writes into required texts
SCHEMA_PREFIX = "# yaml-language-server: $schema="


def schema_line(kind: Kind) -> str:
    """The first line every content file carries, so editors get completion and checks while typing."""
    up = "../" if kind.single else "../../"
    return f"{SCHEMA_PREFIX}{up}schemas/{kind.name}.schema.json"


def _mark(content: Content, kind: str, item_id: str, field: str | None = None) -> Mark:
    """The line of ``field`` in an item (or of its id), as the loader saw it."""
    origin = content.origins.get((kind, item_id))
    if origin is None:
        return Mark("content")
    return origin.mark(field) if field else origin.mark()


def months_before(day: dt.date, months: int) -> dt.date:
    """The same calendar day ``months`` earlier (29 Feb → 28 Feb in other years)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(d, day.day))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


def stale_reviews(content: Content, today: dt.date) -> list[Problem]:
    problems = []
    for kind, item in content.all_items():
        reviewed = getattr(item, "reviewed", None)
        if reviewed and reviewed < months_before(today, REVIEW_MONTHS):
            problems.append(Problem(
                _mark(content, kind, item.id, "reviewed"),
                f"„{item.id}“ wurde zuletzt am {reviewed.isoformat()} fachlich geprüft, vor mehr als {REVIEW_MONTHS} Monaten.",
                "Prüfen Sie den Eintrag anhand der Quellen und setzen Sie danach „reviewed:“ auf das heutige Datum "
                f"({today.isoformat()}).", "warning"))
    return problems


def stale_contacts(content: Content, today: dt.date) -> list[Problem]:
    """Contact data (phone, e-mail, web address) last checked more than a year ago."""
    problems = []
    for service in content.active("service"):
        if service.checked and service.checked < months_before(today, CONTACT_MONTHS):
            problems.append(Problem(
                _mark(content, "service", service.id, "checked"),
                f"Die Kontaktdaten von „{service.id}“ wurden zuletzt am {service.checked.isoformat()} nachgesehen, "
                f"vor mehr als {CONTACT_MONTHS} Monaten.",
                "Prüfen Sie Telefon, E-Mail und Webadresse in der Quelle (contact_source) und setzen Sie danach "
                f"„checked:“ auf das heutige Datum ({today.isoformat()}); stimmen sie nicht mehr, entfernen Sie sie.", "warning"))
    return problems


def stale_help_numbers(content: Content, today: dt.date) -> list[Problem]:
    """A help number readers are told to call must have been compared with its source within a year."""
    help_info = content.single("help")
    origin = content.origins.get(("help", help_info.id)) if help_info else None
    if help_info is None or origin is None:
        return []
    problems = []
    for i, line in enumerate(help_info.lines):
        if line.checked < months_before(today, HELP_CHECK_MONTHS):
            problems.append(Problem(origin.mark("lines", i, "checked", value=True),
                                    f"Die Nummer „{line.name}“ wurde zuletzt am {line.checked.isoformat()} mit ihrer Quelle "
                                    f"verglichen, vor mehr als {HELP_CHECK_MONTHS} Monaten.",
                                    "Vergleichen Sie Nummer und Angebot mit der Quelle und setzen Sie danach „checked:“ auf das "
                                    f"heutige Datum ({today.isoformat()}).", "warning"))
    return problems


def sources_without_access_date(content: Content) -> list[Problem]:
    return [Problem(_mark(content, "source", s.id, "url" if s.url else None),
                    f"Die Quelle „{s.id}“ hat {'eine Adresse, aber ' if s.url else ''}kein Abrufdatum.",
                    "Ergänzen Sie „accessed: JJJJ-MM-TT“ mit dem Tag, an dem Sie die Quelle zuletzt geprüft haben.", "warning")
            for s in content.items("source").values() if not s.accessed]


def stale_sources(content: Content, today: dt.date) -> list[Problem]:
    """Pages change: a source not checked within SOURCE_CHECK_MONTHS may no longer say what the site cites."""
    limit = months_before(today, SOURCE_CHECK_MONTHS)
    return [Problem(_mark(content, "source", s.id, "accessed"),
                    f"Die Quelle „{s.id}“ wurde zuletzt am {s.accessed.isoformat()} geprüft, vor mehr als {SOURCE_CHECK_MONTHS} Monaten.",
                    "Öffnen Sie die Quelle, prüfen Sie, ob sie die Angaben noch stützt, und setzen Sie danach "
                    f"„accessed:“ auf das heutige Datum ({today.isoformat()}).", "warning")
            for s in content.items("source").values() if s.accessed and s.accessed < limit]


def missing_keywords(content: Content) -> list[Problem]:
    """Items with a page of their own are what search finds; the glossary has ``synonyms`` instead."""
    problems = []
    for kind, item in content.all_items():
        spec = ALL_KINDS[kind]
        if not spec.own_pages or spec.single or getattr(item, "keywords", None) or getattr(item, "status", "active") != "active":
            continue
        problems.append(Problem(
            _mark(content, kind, item.id), f"„{item.id}“ hat keine Suchwörter („keywords“).",
            "Ergänzen Sie z. B. „keywords: [Wort, Synonym]“ mit Begriffen, die Leser eintippen würden "
            "(auch Teile zusammengesetzter Wörter, etwa „Fachkraft“ zu „Kinderschutzfachkraft“).", "warning"))
    return problems


def untranslated(content: Content) -> list[Problem]:
    """Items whose ``en:`` block lacks a text the German has: their English page says „not yet
    translated“ and links to the German one, so this is advice, never an error."""
    problems = []
    for kind, item in content.all_items():
        if getattr(item, "status", "active") != "active":
            continue
        skip = tuple(child.parent_field for child in children(kind) if child.parent_field)
        for lang in TRANSLATIONS:
            gaps = sorted({".".join(str(p) for p in path) for path in missing(item, lang, skip)})
            if not gaps:
                continue
            shown = ", ".join(gaps[:6]) + (f" und {len(gaps) - 6} weitere" if len(gaps) > 6 else "")
            problems.append(Problem(
                _mark(content, kind, item.id, lang if getattr(item, lang) is not None else None),
                f"„{item.id}“ ist noch nicht vollständig übersetzt ({LANGUAGE_NAMES[lang]}; es fehlt: {shown}).",
                f"Ergänzen Sie im Block „{lang}:“ dieselben Felder in der Übersetzung; bis dahin zeigt die "
                f"{LANGUAGE_NAMES[lang].lower()}e Seite „noch nicht übersetzt“ und verweist auf die deutsche.", "warning"))
    return problems


def unlinked_items(content: Content) -> list[Problem]:
    """Active items of the kinds that ask for it (``Kind.warn_unlinked``) whose page only the overviews
    link to: no other item's page names, lists or links it (``model/linking.py``)."""
    linked = inbound(content)
    problems = []
    for name, kind in ALL_KINDS.items():
        if kind.warn_unlinked is None:
            continue
        *others, last = [f"„{field}“" for field in kind.warn_unlinked.fields]
        fields = f"{', '.join(others)} oder {last}" if others else last
        for item in content.items(name).values():
            if item.status != "active" or linked.get(page_path(name, item.id)):
                continue
            problems.append(Problem(_mark(content, name, item.id),
                                    f"{kind.warn_unlinked.subject} („{item.id}“) wird von keiner anderen Seite verlinkt.",
                                    f"Nur die Übersichten führen dorthin. Ordnen Sie ihn über {fields} zu "
                                    "oder verlinken Sie ihn aus einem passenden Text.", "warning"))
    return problems


def placeholders(content_dir: Path) -> list[Problem]:
    """Texts that ``bkk-site new`` left for the editor to fill in."""
    problems = []
    for _kind, path in content_files(Path(content_dir)):
        try:
            lines = path.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        for number, line in enumerate(lines, 1):
            col = line.find(PLACEHOLDER)
            if col >= 0 and not line.lstrip().startswith("#"):
                problems.append(Problem(Mark(display_path(path), number, col + 1), f"Hier steht noch der Platzhalter „{PLACEHOLDER}“.",
                                        "Ersetzen Sie ihn durch den Text aus der Quelle.", "warning"))
    return problems


def schema_lines(content_dir: Path) -> list[Problem]:
    problems = []
    for kind, path in content_files(Path(content_dir)):
        shown = display_path(path)
        expected = schema_line(kind)
        try:
            first = path.read_text(encoding="utf-8-sig").split("\n", 1)[0].rstrip("\r")
        except (OSError, UnicodeDecodeError):
            continue
        if first == expected:
            continue
        if first.startswith(SCHEMA_PREFIX):
            message = f"Die Schema-Zeile verweist auf „{first[len(SCHEMA_PREFIX):]}“, richtig für „{kind.label}“ ist ein anderes Schema."
        else:
            message = "Die erste Zeile ist nicht die Schema-Zeile für den Editor."
        problems.append(Problem(Mark(shown, 1, 1), message,
                                f"Setzen Sie als erste Zeile:\n{expected}\n"
                                "Dann ergänzt und prüft der Editor (VS Code mit YAML-Erweiterung) die Felder beim Tippen.", "warning"))
    return problems


def advise(content: Content, content_dir: Path, today: dt.date | None = None) -> list[Problem]:
    """Every warning for checked content, sorted like errors (by file, line, column)."""
    today = today or dt.date.today()
    found = (stale_reviews(content, today) + stale_contacts(content, today) + stale_help_numbers(content, today)
             + sources_without_access_date(content)
             + stale_sources(content, today) + missing_keywords(content)
             + unlinked_items(content) + untranslated(content) + schema_lines(content_dir) + placeholders(content_dir))
    return sorted(found)

