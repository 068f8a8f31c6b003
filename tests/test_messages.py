"""What the app says about a failure, in the staff's language (clinic/messages): every
translated message is one the code says, with the same placeholders; the presenter tells a
known error in Korean or Spanish, an untranslated one as written, and a bug by its kind only."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from clinic.core import Desk, Locked
from clinic.domain.answers import AnswerError, AnswersInvalid
from clinic.domain.languages import client_languages, staff_languages
from clinic.errors import ClinicError, explain, user_message
from clinic.messages import Said, in_language, say, translations
from clinic.store.clinic import AccessDenied
from tests.conftest import PASSPHRASE

PACKAGE = Path(__file__).resolve().parent.parent / "clinic"


def _said_in_code() -> set[str]:
    """Every template passed to ``say(...)`` in the package (a literal first argument), or
    marked ``said_later(...)`` in a table, or said through a module's ``_t(...)``."""
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("say", "said_later", "_t")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    return found


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


TRANSLATED = [lang for lang in staff_languages() if translations(lang)]


def test_some_staff_languages_have_messages() -> None:
    assert len(TRANSLATED) >= 2


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_translated_message_is_said_in_code_with_the_same_placeholders(lang: str) -> None:
    said = _said_in_code()
    for template, translated in translations(lang).items():
        assert template in said, f"{lang}: nothing says {template!r}"
        assert _fields(translated) == _fields(template), (lang, template)


def test_a_said_message_is_its_english_text() -> None:
    message = say("user {name} is disabled", name="vol")
    assert message == "user vol is disabled" and isinstance(message, Said)
    assert str(ClinicError(message)) == "user vol is disabled"
    assert in_language(message, "xx") == "user vol is disabled"  # an unknown language


def test_the_presenter_tells_a_known_error_in_the_staff_language() -> None:
    locked = Locked(say("signed out: sign in again to continue"))
    assert user_message(locked) == "signed out: sign in again to continue"
    assert user_message(locked, "ko") == "로그아웃되었습니다. 계속하려면 다시 로그인하세요"
    assert user_message(locked, "es").startswith("sesión cerrada")
    pseudo = user_message(locked, "qps")
    assert pseudo.startswith("[") and pseudo.endswith("]") and pseudo != str(locked)


def test_values_are_filled_in_untranslated() -> None:
    denied = AccessDenied(say("a {role} may not {what}", role="volunteer", what="read the log"))
    assert user_message(denied, "ko") == "volunteer 역할은 다음을 할 수 없습니다: read the log"


def test_an_untranslated_message_reads_as_written_in_every_language() -> None:
    plain = ClinicError("site: give a name of 1 to 120 characters")
    for lang in (*staff_languages(pseudo=True), "xx"):
        assert user_message(plain, lang) == str(plain)  # the pseudo-locale shows it is not


def test_invalid_answers_have_a_translated_headline() -> None:
    errors = [AnswerError("dob", "not a date"), AnswerError("ssn", "not 9 digits")]
    told = explain(AnswersInvalid(errors), "es")
    assert told.headline == "2 problema(s) en las respuestas; no se guardó nada:"
    assert told.details == ("dob: not a date", "ssn: not 9 digits")
    assert told.line == "2 problemas en las respuestas: dob: not a date; ssn: not 9 digits"


def test_a_bug_is_told_by_its_kind_only_in_every_language() -> None:
    bug = KeyError("Testperson 099-000-001")
    for lang in client_languages(pseudo=True):
        line = user_message(bug, lang)
        assert "KeyError" in line and "Testperson" not in line and "099" not in line
    assert user_message(bug, "ko").startswith("내부 오류(KeyError)")


def test_a_volunteer_reads_a_refusal_of_the_core_in_korean(clinic_dir: Path) -> None:
    from clinic.store.clinic import Clinic

    Clinic(clinic_dir).unlock("admin", PASSPHRASE).add_user("vol", "volunteer", PASSPHRASE)
    desk = Desk(clinic_dir)
    desk.sign_in("vol", PASSPHRASE)
    with pytest.raises(AccessDenied) as info:
        desk.admin.set_site("Elsewhere")
    assert (
        user_message(info.value, "ko") == "volunteer 역할은 다음을 할 수 없습니다: set up the site"
    )
    desk.lock()
    with pytest.raises(Locked) as locked:
        desk.people.board()
    assert user_message(locked.value, "es") == (
        "sesión cerrada: inicie sesión de nuevo para continuar"
    )


def test_refusals_name_a_role_with_its_article(clinic_dir: Path) -> None:
    from clinic.domain.roles import a_role
    from clinic.store.clinic import Clinic

    assert [a_role(r) for r in ("admin", "attorney", "volunteer")] == [
        "an admin",
        "an attorney",
        "a volunteer",
    ]
    Clinic(clinic_dir).unlock("admin", PASSPHRASE).add_user("co", "coordinator", PASSPHRASE)
    desk = Desk(clinic_dir)
    desk.sign_in("co", PASSPHRASE)
    with pytest.raises(AccessDenied) as info:
        desk.admin.disable_user("admin")
    assert str(info.value) == "a coordinator may not disable an admin"
