"""``clinic rules``: a coordinator updates the program status (dated data) without a release, and
``clinic screen`` says what the installed entry says (issue 14 point 5). Real commands only."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Cli, make_clinic, write_json
from tests.test_rules import RENEWAL_BASE

ORDER = """\
entries:
  - effective: 2027-02-01
    confirmed: 2027-02-02
    initial_requests: accepted_not_decided
    renewals: processed
    texas_ead_limited: true
    source: "Texas v. United States, No. 1:18-cv-00068 (S.D. Tex. Feb. 1, 2027) (synthetic test entry)"
    notices:
      - code: texas_ead_limited
        message:
          en: "Synthetic test notice: for Texas residents, an order limits work permits from February 1, 2027."
          ko: "시험용 안내: 텍사스 거주자의 취업 허가는 2027년 2월 1일부터 제한됩니다."
          es: "Aviso de prueba: para residentes de Texas, una orden limita los permisos de trabajo desde el 1 de febrero de 2027."
        applies_to_states: [TX]
"""  # noqa: E501


def _texas(tmp_path: Path) -> Path:
    return write_json(tmp_path / "tx.json", {**RENEWAL_BASE, "mailing.state": "TX"})


def _notices(cli: Cli, answers: Path, on: str) -> dict[str, str]:
    out = cli.ok("screen", "--answers", str(answers), "--on", on, "--json").stdout
    return {n["code"]: n["message"] for n in json.loads(out)["notices"]}


def test_show_marks_the_entry_in_force_with_its_source(cli: Cli) -> None:
    make_clinic(cli.data)
    out = cli.ok("rules", "show", "--on", "2026-12-03").stdout
    assert "* 2025-01-17  initial requests: accepted_not_decided" in out
    assert "confirmed 2026-12-03" in out
    assert "as modified by Texas v. United States, No. 23-40653 (5th Cir. Jan. 17, 2025)" in out
    assert "initial_not_decided: Since July 16, 2021" in out
    assert "texas_ruling_pending [TX]: For people who live in Texas" in out
    old = cli.ok("rules", "show", "--on", "2019-01-01").stdout
    assert "* 2017-09-05  initial requests: not_accepted" in old


def test_texas_renewal_is_told_to_file_the_i765_today(cli: Cli, tmp_path: Path) -> None:
    make_clinic(cli.data)
    notices = _notices(cli, _texas(tmp_path), "2026-12-03")
    assert "texas_ead_limited" not in notices
    assert "file Form I-765 with the renewal as usual" in notices["texas_ruling_pending"]
    assert notices["initial_not_decided"].startswith("Since July 16, 2021")


def test_a_coordinator_installs_an_entry_and_screening_follows_it(cli: Cli, tmp_path: Path) -> None:
    make_clinic(cli.data)
    cli.ok(
        "user", "add", "coord", "--role", "coordinator", CLINIC_NEW_PASSPHRASE="coordinator pw 1"
    )
    coord = Cli(cli.data, cli.tmpdir, user="coord", passphrase="coordinator pw 1")
    update = tmp_path / "order.yaml"
    update.write_text(ORDER, encoding="utf-8")
    done = coord.ok("rules", "install", str(update))
    assert "Installed 1 program-status entry (2027-02-01)" in done.stdout
    texas = _texas(tmp_path)
    before, after = _notices(cli, texas, "2027-01-31"), _notices(cli, texas, "2027-02-01")
    assert "texas_ruling_pending" in before and "texas_ead_limited" not in before
    assert after["texas_ead_limited"].startswith("Synthetic test notice")
    shown = cli.ok("rules", "show", "--on", "2027-02-01").stdout
    assert (
        "* 2027-02-01  initial requests: accepted_not_decided; renewals: processed; Texas work "
        "permits limited (this clinic; confirmed 2027-02-02)"
    ) in shown
    flags = json.loads(
        cli.ok("screen", "--answers", str(texas), "--on", "2027-02-01", "--json").stdout
    )["flags"]
    [limited] = [f for f in flags if f["code"] == "texas_work_permit_limited"]
    assert "attorney must decide whether to file Form I-765" in limited["message"]
    assert "S.D. Tex. Feb. 1, 2027" in limited["citation"]
    audit = cli.ok("audit").stdout
    assert "rules_installed" in audit and "2027-02-01" in audit
    cli.ok("rules", "remove")
    assert "texas_ead_limited" not in _notices(cli, texas, "2027-02-01")


def test_a_wrong_file_is_refused_by_entry_and_key_and_nothing_changes(
    cli: Cli, tmp_path: Path
) -> None:
    make_clinic(cli.data)
    bad = tmp_path / "bad.yaml"
    for text, said in (
        (ORDER.replace("renewals: processed", "renewals: sometimes"),
         "program_status entry 1: renewals must be processed or not_processed"),
        (ORDER.replace("    confirmed:", "    confirmd:"),
         "program_status entry 1: unknown key confirmd"),
        (ORDER.replace("          es: ", "          fr: "), "needs text in en, ko, es"),
        (ORDER.replace("effective: 2027-02-01", "effective: someday"),
         "program_status entry 1 effective: not a date"),
        ("entries: [\n", "bad.yaml: not valid YAML at line 2"),
        (ORDER.replace("2027-02-01", "2027-02-30"), "bad.yaml: not valid YAML"),
        (ORDER.replace("effective: 2027-02-01", "effective: 2011-02-01"),
         "program_status entry 1 effective: 2011-02-01 is before DACA began"),
        (ORDER + ORDER.split("entries:\n", 1)[1],
         "program_status entry 2 effective: 2027-02-01 is given twice"),
    ):  # fmt: skip
        bad.write_text(text, encoding="utf-8")
        refused = cli.run("rules", "install", str(bad))
        assert refused.returncode == 2, refused.stderr
        assert said in refused.stderr, refused.stderr
        assert "Traceback" not in refused.stderr
    assert not (cli.data / "rules" / "program_status.yaml").exists()


def test_a_second_update_keeps_the_first_and_screen_reads_them_with_data(
    cli: Cli, tmp_path: Path
) -> None:
    make_clinic(cli.data)
    first, second = tmp_path / "first.yaml", tmp_path / "second.yaml"
    first.write_text(ORDER, encoding="utf-8")
    second.write_text(
        ORDER.replace("2027-02-01", "2027-06-01").replace(
            "texas_ead_limited: true", "texas_ead_limited: false"
        ),
        encoding="utf-8",
    )
    cli.ok("rules", "install", str(first))
    done = cli.ok("rules", "install", str(second))
    assert "This clinic's earlier entries are kept: 2027-02-01" in done.stdout
    shown = cli.ok("rules", "show", "--on", "2027-03-01").stdout
    assert "* 2027-02-01" in shown and "  2027-06-01" in shown
    texas = _texas(tmp_path)  # --data after the command, with no CLINIC_DATA: the clinic's rules
    env = {k: v for k, v in cli.env().items() if k != "CLINIC_DATA"}
    read = cli.run(
        "screen", "--answers", str(texas), "--on", "2027-03-01", "--data", str(cli.data), env=env
    )
    assert read.returncode == 0, read.stderr
    assert "texas_work_permit_limited" in read.stdout
    assert "Program status: this clinic's entry effective 2027-02-01, confirmed 2027-02-02" in (
        read.stdout
    )


def test_an_answers_file_saved_with_a_byte_order_mark_is_read(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(RENEWAL_BASE).encode("utf-8"))
    out = cli.ok("screen", "--answers", str(path), "--on", "2026-11-21", "--json").stdout
    assert json.loads(out)["outcome"] == "likely_eligible"


def test_a_volunteer_may_not_change_the_program_status(cli: Cli, tmp_path: Path) -> None:
    make_clinic(cli.data)
    cli.ok("user", "add", "vol", "--role", "volunteer", CLINIC_NEW_PASSPHRASE="volunteer pw 1")
    vol = Cli(cli.data, cli.tmpdir, user="vol", passphrase="volunteer pw 1")
    update = tmp_path / "order.yaml"
    update.write_text(ORDER, encoding="utf-8")
    refused = vol.run("rules", "install", str(update))
    assert refused.returncode != 0
    assert "a volunteer may not update the program status" in refused.stderr
    assert not (cli.data / "rules" / "program_status.yaml").exists()
