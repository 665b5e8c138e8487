"""Settings the generator takes from the site configuration, without knowing MkDocs.

The MkDocs hook fills them from ``mkdocs.yml`` (``site_url``, ``use_directory_urls``,
``extra.data_licence``); the CLI from its options. The core stays engine-free.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_SAFE_URL = re.compile(r"^https?://[A-Za-z0-9.:\-]+(/[A-Za-z0-9._~/\-]*)?$")


@dataclass(frozen=True)
class DataLicence:
    """The licence of the open data, as configured; empty name = not chosen yet."""

    name: str = ""
    url: str = ""


# `make offline` writes the zip here; the site offers it under OFFLINE_DOWNLOAD when it exists at build time.
OFFLINE_ZIP = "dist/bkk-site-offline.zip"
OFFLINE_DOWNLOAD = "downloads/bkk-site-offline.zip"


@dataclass(frozen=True)
class OfflineZip:
    """The offline copy found at build time: the trainers' page shows its real size and date."""

    size_bytes: int
    built: dt.date


@dataclass(frozen=True)
class SiteOptions:
    site_url: str = ""  # public base URL of this edition, e.g. https://bkk.example.org/ (…/en/); QR codes and permalinks point here
    directory_urls: bool = True  # False in the offline copy (pages end in .html)
    data_licence: DataLicence = DataLicence()
    offline_zip: OfflineZip | None = None  # None: not built (yet); the page says when it will be
    language: str = "de"  # the edition being built; the others' pages live below /<language>/

    def __post_init__(self) -> None:
        if self.site_url:
            if not _SAFE_URL.match(self.site_url):
                raise ValueError(f"site_url „{self.site_url}“ ist keine einfache http(s)-Adresse")
            if not self.site_url.endswith("/"):
                object.__setattr__(self, "site_url", self.site_url + "/")

    def absolute(self, path: str) -> str:
        """``/e/7/`` → ``https://bkk.example.org/e/7/`` (or the path itself without site_url)."""
        if not self.site_url:
            return path
        return self.site_url + path.lstrip("/")
