"""Turn a content folder into the typed model, or into every problem it has.

Per file: load (YAML with marks) and check against the kind's model. Across files: unique
ids (also after case folding and Unicode normalisation), resolved references, labels.
Problems point at the exact line of the offending value or key.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..confine import folder_problems, path_problems, refuse
from ..load import Document, decode, load_file, parse
from ..model.content import Content, Origin
from ..model.items import iter_refs
from ..model.kinds import ALL_KINDS, KINDS, SEARCH_SYNONYMS, Kind, children
from ..problems import ContentError, Mark, Problem, did_you_mean, display_path
from .messages import german_problems
from .synonyms import load_synonyms


@dataclass
class _Loaded:
    kind: Kind
    item: Any
    doc: Document
    path: tuple[str | int, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Located:
    """One loaded item with the document it came from (``path``: where it sits inside the file),
    for checks after loading that point into the YAML (links in Markdown fields)."""

    kind: str
    item: Any
    doc: Document
    path: tuple[str | int, ...] = ()


def content_files(root: Path) -> list[tuple[Kind, Path]]:
    """Every content file with the kind its place implies; stray files are reported later."""
    files: list[tuple[Kind, Path]] = []
    for kind in KINDS.values():
        if kind.single:
            path = root / f"{kind.folder}.yaml"
            if path.exists() and not path.is_symlink():
                files.append((kind, path))
        else:
            folder = root / kind.folder
            if folder.is_dir() and not folder.is_symlink():
                files += [(kind, p) for p in sorted(folder.iterdir()) if p.suffix in (".yaml", ".yml") and not p.is_symlink()]
    return files  # links are left out here and reported by confine.folder_problems


def _linked_ids(root: Path) -> set[tuple[str, str]]:
    """Ids that linked (refused) content files would define: references to them are not errors too."""
    linked: set[tuple[str, str]] = set()
    for kind in KINDS.values():
        folder = root / kind.folder
        if not kind.single and (folder.is_symlink() or not folder.is_dir()):
            continue
        paths = [root / f"{kind.folder}.yaml"] if kind.single else sorted(folder.iterdir())
        for path in paths:
            if path.is_symlink() and path.suffix in (".yaml", ".yml"):
                linked.add((kind.name, path.stem))
    return linked


def _stray_files(root: Path) -> list[Problem]:
    known = {k.folder for k in KINDS.values() if not k.single}
    singles = {f"{k.folder}.yaml" for k in KINDS.values() if k.single} | {SEARCH_SYNONYMS}  # read by generator/search
    problems = []
    for path in sorted(root.iterdir()):
        if path.name.startswith(".") or path.name in singles or path.is_symlink() or (path.is_dir() and path.name in known):
            continue
        if path.is_dir() or path.suffix in (".yaml", ".yml"):
            hint = did_you_mean(path.stem, known | {s[:-5] for s in singles})
            problems.append(Problem(Mark(display_path(path)), f"„{path.name}“ gehört zu keiner Inhaltsart und wird nicht gelesen.",
                                    hint or "Erlaubte Ordner: " + ", ".join(sorted(known))))
    return problems


def _check_file(kind: Kind, doc: Document, stem: str) -> tuple[Any, list[Problem]]:
    if not isinstance(doc.data, dict):
        what = "leer" if doc.data is None else "eine Liste" if isinstance(doc.data, list) else "ein einzelner Wert"
        return None, [Problem(doc.mark(()), f"Die Datei ist {what}; erwartet wird ein Eintrag mit Feldern (z. B. „id: …“).",
                              f"Beginnen Sie mit „id: {stem}“ und den Feldern der Art „{kind.label}“; "
                              f"eine Vorlage erzeugt „bkk-site new {kind.name} {stem}“.")]
    try:
        item = kind.model.model_validate(doc.data)
    except ValidationError as exc:
        return None, german_problems(exc.errors(), doc, kind.model)
    if not kind.single and item.id != stem:
        return item, [Problem(doc.mark(("id",)), f"Die ID „{item.id}“ passt nicht zum Dateinamen „{stem}“.",
                              f"Benennen Sie die Datei in „{item.id}.yaml“ um oder ändern Sie die ID in „{stem}“.")]
    return item, []


@dataclass
class FileCache:
    """Per-file results by content hash, kept by a session (``generate.Session``): the live preview
    re-checks everything on every save, but only the saved file needs parsing and validating
    again, and a build checks its content once for all editions. Items are frozen models."""

    MAX = 5000
    checked: dict[tuple[str, str, str, bytes], tuple[Document, Any, list[Problem]]] = field(default_factory=dict)
    # A file whose size and change time are as before is not even read again (the live preview
    # looks at every file after each save). Keyed by path, so it never grows beyond the content.
    unchanged: dict[tuple[str, str, str], tuple[tuple[int, int, int], tuple[str, str, str, bytes]]] = field(default_factory=dict)


def _checked_file(kind: Kind, path: Path, shown: str, cache: FileCache) -> tuple[Document, Any, list[Problem]]:
    try:
        info = path.stat()
        stamp = (info.st_mtime_ns, info.st_ctime_ns, info.st_size)
        seen = cache.unchanged.get((kind.name, str(path), shown))
        if seen is not None and seen[0] == stamp and seen[1] in cache.checked:
            key = seen[1]
        else:
            raw = path.read_bytes()
            key = (kind.name, shown, path.stem, hashlib.blake2b(raw, digest_size=16).digest())
            cache.unchanged[(kind.name, str(path), shown)] = (stamp, key)
            if key not in cache.checked:
                doc = parse(decode(raw, shown), shown)
                if len(cache.checked) >= cache.MAX:
                    cache.checked.clear()
                cache.checked[key] = (doc, *_check_file(kind, doc, path.stem))
    except OSError:
        doc = load_file(path, shown)  # raises ContentError with the reason
        return doc, *_check_file(kind, doc, path.stem)
    doc, item, found = cache.checked[key]
    return doc, item, list(found)


def _claimed_ids(kind: Kind, stem: str, data: Any) -> set[tuple[str, str]]:
    """Ids a failed file meant to define, so one mistake is reported once, not at every reference."""
    claimed = {(kind.name, stem)}
    if isinstance(data, dict):
        if isinstance(data.get("id"), str):
            claimed.add((kind.name, data["id"]))
        for child in children(kind.name):
            for entry in data.get(child.parent_field) or []:
                if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                    claimed.add((child.name, entry["id"]))
    return claimed


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def load_content(root: Path, cache: FileCache | None = None) -> Content:
    """Load and check everything; raise ContentError with all problems, or return the model.

    ``cache``: what earlier loads of this session found (None: read and check every file)."""
    return load_located(root, cache)[0]


def load_located(root: Path, cache: FileCache | None = None) -> tuple[Content, list[Located]]:
    """``load_content`` plus every item with the document it came from (for checks that point into YAML)."""
    root = Path(root)
    cache = cache if cache is not None else FileCache()
    if not root.is_dir():
        raise ContentError([Problem(Mark(str(root)), "Der Inhaltsordner existiert nicht.",
                                    "Geben Sie mit --content den Ordner mit den YAML-Dateien an.")])
    refuse(path_problems(root))  # a linked content folder: read nothing at all
    problems: list[Problem] = folder_problems(root) + _stray_files(root)
    try:
        load_synonyms(root)  # content/suche.yaml, the search's synonyms
    except ContentError as exc:
        problems += exc.problems
    loaded: list[_Loaded] = []
    broken: set[tuple[str, str]] = _linked_ids(root)  # items whose file failed: references to them are not errors too
    for kind, path in content_files(root):
        shown = display_path(path)
        try:
            doc, item, found = _checked_file(kind, path, shown, cache)
        except ContentError as exc:
            problems += exc.problems
            broken |= _claimed_ids(kind, path.stem, None)
            continue
        problems += found
        if found:
            broken |= _claimed_ids(kind, path.stem, doc.data)
        if item is not None and not found:
            loaded.append(_Loaded(kind, item, doc))
            for child in children(kind.name):
                loaded += [_Loaded(child, held, doc, (child.parent_field, i))
                           for i, held in enumerate(getattr(item, child.parent_field))]

    # Unique ids per kind, and no current id equal to a former one.
    ids: dict[str, dict[str, _Loaded]] = {name: {} for name in ALL_KINDS}
    folded: dict[tuple[str, str], _Loaded] = {}
    for entry in loaded:
        key = (entry.kind.name, _fold(entry.item.id))
        if key in folded:
            first = folded[key]
            problems.append(Problem(entry.doc.mark((*entry.path, "id")), f"Die ID „{entry.item.id}“ ist bei „{entry.kind.label}“ schon vergeben.",
                                    f"Zuerst vergeben in {first.doc.mark((*first.path, 'id'))}. Wählen Sie eine andere ID."))
            continue
        folded[key] = entry
        ids[entry.kind.name][entry.item.id] = entry
    labels: dict[str, _Loaded] = {}
    for entry in loaded:
        for i, old in enumerate(entry.item.former_ids):
            if old in ids[entry.kind.name]:
                problems.append(Problem(entry.doc.mark((*entry.path, "former_ids", i)),
                                        f"Die frühere ID „{old}“ ist noch als aktuelle ID vergeben.",
                                        "Eine alte Adresse darf nicht zugleich eine neue sein: entfernen Sie einen der beiden."))
        label = getattr(entry.item, "label", None)
        if label:
            if label in labels:
                problems.append(Problem(entry.doc.mark((*entry.path, "label")), f"Das Kurzzeichen „{label}“ ist schon vergeben.",
                                        f"Zuerst vergeben in {labels[label].doc.mark((*labels[label].path, 'label'))}. "
                                        "Kurzzeichen sind dauerhaft: nehmen Sie die nächste freie Nummer."))
            labels[label] = entry

    # References: every id must exist; page refs look like "<folder>/<id>".
    for entry in loaded:
        refs = [] if entry.path else list(iter_refs(entry.item))  # nested items are checked via their file's entry
        if getattr(entry.item, "replaced_by", None):
            refs.append((("replaced_by",), entry.kind.name, entry.item.replaced_by))
        for path, kind_name, ref in refs:
            if (kind_name, ref) in broken or (kind_name == "page" and any(ref.endswith("/" + i) for _, i in broken)):
                continue
            problem = _check_ref(kind_name, ref, ids)
            if problem:
                message, hint = problem
                problems.append(Problem(entry.doc.mark((*entry.path, *path)), message, hint))
        if getattr(entry.item, "replaced_by", None) and entry.item.status != "withdrawn":
            problems.append(Problem(entry.doc.mark((*entry.path, "replaced_by")), "„replaced_by“ gilt nur für zurückgezogene Einträge.",
                                    "Setzen Sie „status: withdrawn“ oder entfernen Sie „replaced_by“."))
    problems += _replacement_cycles(loaded, ids)
    if problems:
        raise ContentError(problems)
    content = Content.build(
        {name: {i: e.item for i, e in found.items()} for name, found in ids.items()},
        {(e.kind.name, e.item.id): Origin(e.doc.file, e.doc.mark((*e.path, "id")).line, e.doc.marks, e.doc.key_marks, e.path)
         for e in loaded},
    )
    return content, [Located(e.kind.name, e.item, e.doc, e.path) for e in loaded]


def _check_ref(kind_name: str, ref: str, ids: dict[str, dict[str, _Loaded]]) -> tuple[str, str] | None:
    if kind_name == "page":
        folder, _, item_id = ref.partition("/")
        kinds = [k for k in ALL_KINDS.values() if k.folder == folder and k.anchors_on is None]
        if not kinds:
            return f"Unbekannter Seitenbereich „{folder}“.", "Erlaubt: " + ", ".join(sorted({k.folder for k in ALL_KINDS.values()}))
        kind_name = kinds[0].name
        ref = item_id
    if ref in ids[kind_name]:
        return None
    kind = ALL_KINDS[kind_name]
    hint = did_you_mean(ref, set(ids[kind_name]))
    if not hint:
        known = sorted(ids[kind_name])
        hint = ("Vorhandene IDs: " + ", ".join(known[:12]) + (" …" if len(known) > 12 else "")) if known else \
            f"Es gibt noch keinen Eintrag der Art „{kind.label}“."
    return f"„{ref}“ ist keine bekannte ID der Art „{kind.label}“.", hint


def _replacement_cycles(loaded: list[_Loaded], ids: dict[str, dict[str, _Loaded]]) -> list[Problem]:
    problems = []
    for entry in loaded:
        seen = [entry.item.id]
        current = entry.item
        while getattr(current, "replaced_by", None):
            nxt = ids[entry.kind.name].get(current.replaced_by)
            if nxt is None:
                break
            if nxt.item.id in seen:
                problems.append(Problem(entry.doc.mark((*entry.path, "replaced_by")),
                                        "„replaced_by“ bildet einen Kreis: " + " → ".join([*seen, nxt.item.id]) + ".",
                                        "Ein Eintrag muss am Ende auf einen aktiven Nachfolger zeigen."))
                break
            seen.append(nxt.item.id)
            current = nxt.item
    return problems

