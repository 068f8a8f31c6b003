"""Download official PDFs from uscis.gov (when online) and install them after verification.

The URL of each edition comes from its pack. ``CLINIC_USCIS_BASE`` replaces the
``https://www.uscis.gov`` part of those URLs (tests point it at a local server; nothing else
should). Offline, the error says so plainly and nothing is installed.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from clinic.packet.library import FormLibrary, InstalledForm, LibraryError
from clinic.packet.packs import Pack

USCIS = "https://www.uscis.gov"
TIMEOUT = 30
MAX_BYTES = 50 * 1024 * 1024


class FetchError(LibraryError):
    """A download failed (offline, not found, too large, not the official file)."""


@dataclass(frozen=True)
class Fetched:
    """One fetch attempt: the installed form, or why not."""

    pack: Pack
    installed: InstalledForm | None
    error: str | None


def _url(pack: Pack) -> str:
    base = os.environ.get("CLINIC_USCIS_BASE")
    if base and pack.url.startswith(USCIS):
        return base.rstrip("/") + pack.url[len(USCIS) :]
    return pack.url


def download(url: str, target: Path) -> None:
    if not url.startswith(("https://", "http://")):
        raise FetchError(f"{url}: only http(s) addresses are fetched")
    request = urllib.request.Request(url, headers={"User-Agent": "ClinicDay forms fetch"})  # noqa: S310 - scheme checked above
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
            data = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: the server answered {exc.code}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FetchError(
            f"cannot reach {url.split('/')[2]} ({reason}): no internet connection? "
            "Install the PDF from a file instead: clinic forms install PDF"
        ) from None
    if len(data) > MAX_BYTES:
        raise FetchError(f"{url}: larger than {MAX_BYTES // 1024 // 1024} MB; not a form")
    target.write_bytes(data)


def fetch(library: FormLibrary, on: dt.date, forms: list[str] | None = None) -> list[Fetched]:
    """Download and install the editions accepted on ``on`` (of ``forms``, or of every form)."""
    wanted = [
        p for p in library.packs if p.url and p.accepted_on(on) and (not forms or p.form in forms)
    ]
    results: list[Fetched] = []
    with tempfile.TemporaryDirectory(prefix="clinic-fetch-") as tmp:
        for pack in wanted:
            target = Path(tmp) / f"{pack.slug}.pdf"
            try:
                download(_url(pack), target)
                results.append(Fetched(pack, library.install(target), None))
            except LibraryError as exc:
                results.append(Fetched(pack, None, str(exc)))
    return results
