"""Operator details for Impressum and Datenschutz, read from ``extra`` in mkdocs.yml.

They belong to whoever runs the site, not to the content, so they live in the site
configuration. Empty fields are allowed (the pages then say plainly that they are not yet
filled in); unknown or misspelt fields are refused with a German message, so a typo never
silently drops a legally required detail.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError


class _Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Operator(_Settings):
    """extra.betreiber: the provider named in the Impressum (§ 5 DDG, § 18 MStV)."""

    name: str = Field(default="", description="Name der verantwortlichen Stelle (Verein, Behörde, Person).")
    anschrift: str = Field(default="", description="Ladungsfähige Anschrift: Straße, PLZ, Ort.")
    vertreten_durch: str = Field(default="", description="Vertretungsberechtigte Person(en).")
    email: str = Field(default="", description="E-Mail-Adresse für Kontakt.")
    telefon: str = Field(default="", description="Telefonnummer (optional, aber üblich).")
    registereintrag: str = Field(default="", description="Registergericht und Registernummer, falls eingetragen.")
    inhaltlich_verantwortlich: str = Field(default="", description="Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV.")


class Privacy(_Settings):
    """extra.datenschutz: what only the operator knows about hosting and contacts."""

    hoster: str = Field(default="", description="Name und Anschrift des Webhosters.")
    server_logs: str = Field(default="", description="Was der Webserver protokolliert und wie lange.")
    datenschutzbeauftragte: str = Field(default="", description="Kontakt der/des Datenschutzbeauftragten, falls benannt.")
    aufsichtsbehoerde: str = Field(default="", description="Zuständige Datenschutz-Aufsichtsbehörde.")


class SiteSettings(_Settings):
    betreiber: Operator = Operator()
    datenschutz: Privacy = Privacy()

    @property
    def missing(self) -> list[str]:
        """Required fields still empty (shown as a notice on the pages)."""
        required = {"betreiber.name": self.betreiber.name, "betreiber.anschrift": self.betreiber.anschrift,
                    "betreiber.email": self.betreiber.email,
                    "betreiber.inhaltlich_verantwortlich": self.betreiber.inhaltlich_verantwortlich,
                    "datenschutz.hoster": self.datenschutz.hoster}
        return [key for key, value in required.items() if not value]


def read_settings(extra: dict[str, Any]) -> SiteSettings:
    """Check ``extra.betreiber`` and ``extra.datenschutz``; raise ValueError with German text."""
    data = {key: extra.get(key) or {} for key in ("betreiber", "datenschutz")}
    try:
        return SiteSettings.model_validate(data)
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            where = "extra." + ".".join(str(p) for p in err["loc"])
            if err["type"] == "extra_forbidden":
                known = SiteSettings.model_fields[str(err["loc"][0])].annotation.model_fields  # type: ignore[union-attr]
                lines.append(f"mkdocs.yml: {where}: unbekanntes Feld. Erlaubt: {', '.join(known)}")
            else:
                lines.append(f"mkdocs.yml: {where}: erwartet wird ein Text in Anführungszeichen ({err['msg']})")
        raise ValueError("\n".join(lines)) from None
