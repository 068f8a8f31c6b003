"""``clinic forms``: install, verify, list, fetch; editions by date; unknown editions refused.

uscis.gov is the edge of the world: fetch is tested against a local HTTP server serving the real
PDFs (``CLINIC_USCIS_BASE``), and offline against a closed port.
"""

from __future__ import annotations

import datetime as dt
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from clinic.packet.library import FormLibrary, LibraryError
from clinic.packet.packs import all_packs
from tests.conftest import Cli
from tests.forms_fixture import SHARED_FORMS, official

ALL = [
    "g-1145_2014-09-26.pdf",
    "g-1450_2026-02-06.pdf",
    "i-765_2016-03-11.pdf",
    "i-765_2025-08-21.pdf",
    "i-821d_2025-01-20.pdf",
]


@pytest.fixture
def pdfs() -> list[Path]:
    return [official(n) for n in ALL]


def test_install_list_and_choose_by_date(tmp_path: Path, pdfs: list[Path]) -> None:
    library = FormLibrary(tmp_path / "forms")
    for pdf in pdfs:
        library.install(pdf)
    assert {f.pack.key for f in library.installed()} == {p.key for p in all_packs()}
    assert library.for_date("I-765", dt.date(2026, 11, 21)).pack.edition == "08/21/25"
    assert library.for_date("I-765", dt.date(2017, 1, 10)).pack.edition == "03/11/16"
    with pytest.raises(
        LibraryError,
        match=r"I-821D: the installed edition 01/20/25 .* is not accepted on 2017-01-10",
    ):
        library.for_date("I-821D", dt.date(2017, 1, 10))


def test_a_missing_form_says_what_to_install(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match=r"I-821D is not installed; USCIS accepts 01/20/25"):
        FormLibrary(tmp_path / "empty").for_date("I-821D", dt.date(2026, 11, 21))


def test_an_edition_without_a_pack_is_refused_naming_it(pdfs: list[Path]) -> None:
    packs = [p for p in all_packs() if p.key != "I-765 03/11/16"]
    library = FormLibrary(Path("/nonexistent"), packs)
    with pytest.raises(LibraryError) as info:
        library.recognise(official("i-765_2016-03-11.pdf"))
    message = str(info.value)
    assert "I-765 edition 03/11/16 has no form pack" in message
    assert "08/21/25" in message and "clinic forms automap" in message


def test_matching_field_names_never_make_an_edition_valid(tmp_path: Path) -> None:
    # same form, same fields, but not the official bytes: refused
    copy = tmp_path / "i-821d-resaved.pdf"
    copy.write_bytes(official("i-821d_2025-01-20.pdf").read_bytes() + b"\n%resaved\n")
    with pytest.raises(LibraryError, match="differs from the official file"):
        FormLibrary(tmp_path / "forms").recognise(copy)


def test_cli_install_verify_list(cli: Cli, tmp_path: Path, pdfs: list[Path]) -> None:
    cli.data.mkdir()
    out = cli.ok("forms", "install", *map(str, pdfs)).stdout
    assert out.count("installed") == 5
    listing = cli.ok("forms", "list", "--on", "2026-11-21").stdout
    assert "i-821d_2025-01-20.pdf" in listing and "not accepted" in listing
    assert "verified I-765 08/21/25" in cli.ok("forms", "verify", str(pdfs[3])).stdout
    assert "verified I-765 03/11/16" in cli.ok("forms", "verify", str(pdfs[2])).stdout
    assert (cli.data / "forms" / "i-765_2016-03-11.pdf").is_file()
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"not a pdf")
    bad = cli.run("forms", "verify", str(junk))
    assert bad.returncode == 2 and "junk.pdf" in bad.stderr and "Traceback" not in bad.stderr


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def fake_uscis(tmp_path: Path) -> Iterator[str]:
    """A local server laid out like uscis.gov's form URLs, serving the real PDFs."""
    root = tmp_path / "uscis"
    for pack in all_packs():
        if not pack.url:
            continue  # an old edition USCIS no longer publishes
        path = root / pack.url.split("://", 1)[1].split("/", 1)[1]
        path.parent.mkdir(parents=True, exist_ok=True)
        source = next(SHARED_FORMS.glob(f"{pack.slug}_{pack.accepted_from.isoformat()}.pdf"), None)
        if source is not None:
            shutil.copy(source, path)
    handler = lambda *a, **k: _Quiet(*a, directory=str(root), **k)  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def test_fetch_downloads_verifies_and_installs(cli: Cli, fake_uscis: str, pdfs: list[Path]) -> None:
    cli.data.mkdir()
    proc = cli.run(
        "forms", "fetch", "--on", "2026-11-21", env=cli.env(CLINIC_USCIS_BASE=fake_uscis)
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("downloaded and installed") == 4  # the editions accepted that day
    assert len(list((cli.data / "forms").glob("*.pdf"))) == 4


def test_fetch_offline_is_a_clear_message(cli: Cli) -> None:
    cli.data.mkdir()
    proc = cli.run(
        "forms", "fetch", "--form", "I-821D", env=cli.env(CLINIC_USCIS_BASE="http://127.0.0.1:9")
    )
    assert proc.returncode == 2
    assert "no internet connection?" in proc.stderr and "clinic forms install PDF" in proc.stderr
    assert not (cli.data / "forms").exists() or not list((cli.data / "forms").glob("*.pdf"))


def test_cli_automap_writes_a_draft_a_person_checks(cli: Cli, tmp_path: Path) -> None:
    import yaml

    from clinic.packet.packs import parse_pack

    pdf = official("i-765_2016-03-11.pdf")
    out = tmp_path / "draft.yaml"
    proc = cli.ok("forms", "automap", str(pdf), "--out", str(out))
    assert "DRAFT" in proc.stdout and "must check every line" in proc.stdout
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# DRAFT made by clinic forms automap")
    pack = parse_pack(yaml.safe_load(text))
    assert pack.form == "I-765" and pack.edition == "03/11/16" and not pack.confirmed


def test_cli_automap_of_a_bad_file_is_a_clear_error(cli: Cli, tmp_path: Path) -> None:
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.4 not really")
    proc = cli.run("forms", "automap", str(junk), "--out", str(tmp_path / "d.yaml"))
    assert proc.returncode == 2 and "junk.pdf" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "d.yaml").exists()
