"""What each screening reason, flag and notice says, in English, Korean and Spanish, and its rule.

Every code is stable (reports and the server count by code); the text is what a volunteer reads to
the client. The texts describe what the answers show and who decides; they never give legal advice.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RuleText:
    """The citation and the three-language message of one code. ``{placeholders}`` are filled."""

    citation: str
    en: str
    ko: str
    es: str

    def message(self, lang: str, **values: str) -> str:
        template = {"en": self.en, "ko": self.ko, "es": self.es}.get(lang, self.en)
        return template.format(**values)


R = RuleText
CFR = "8 CFR 236.22"

TEXTS: dict[str, RuleText] = {
    # -- request type -------------------------------------------------------------------------
    "renewal_request": R(
        "8 CFR 236.23; USCIS DACA renewal guidance",
        "DACA was granted before, was not terminated, and expired no more than one year ago "
        "(or has not expired): this is a renewal request.",
        "이전에 DACA를 받았고, 종료되지 않았으며, 만료된 지 1년이 넘지 않았으므로(또는 아직 만료되지 "
        "않았으므로) 갱신 신청입니다.",
        "DACA fue otorgado antes, no fue terminado y venció hace no más de un año (o aún no ha "
        "vencido): es una solicitud de renovación.",
    ),
    "initial_request": R(
        "8 CFR 236.23; USCIS DACA guidance",
        "DACA was never granted, was terminated, or expired more than one year ago: this is an "
        "initial request.",
        "DACA를 받은 적이 없거나, 종료되었거나, 만료된 지 1년이 넘었으므로 최초 신청입니다.",
        "DACA nunca fue otorgado, fue terminado o venció hace más de un año: es una solicitud "
        "inicial.",
    ),
    # -- guidelines met (reasons for likely_eligible) ------------------------------------------
    "arrived_under_16": R(
        f"{CFR}(b)(1)",
        "Came to the United States before the 16th birthday.",
        "16번째 생일 전에 미국에 왔습니다.",
        "Llegó a los Estados Unidos antes de cumplir 16 años.",
    ),
    "born_on_or_after_1981_06_16": R(
        f"{CFR}(b)(7)",
        "Born on or after June 16, 1981.",
        "1981년 6월 16일 또는 그 이후에 태어났습니다.",
        "Nació el 16 de junio de 1981 o después.",
    ),
    "continuous_residence": R(
        f"{CFR}(b)(2)",
        "Reports living in the United States continuously since June 15, 2007.",
        "2007년 6월 15일부터 계속 미국에 거주했다고 답했습니다.",
        "Indica que ha vivido en los Estados Unidos de forma continua desde el 15 de junio de 2007.",
    ),
    "present_2012_06_15": R(
        f"{CFR}(b)(3)",
        "Reports being in the United States on June 15, 2012.",
        "2012년 6월 15일에 미국에 있었다고 답했습니다.",
        "Indica que estaba en los Estados Unidos el 15 de junio de 2012.",
    ),
    "no_lawful_status_2012_06_15": R(
        f"{CFR}(b)(4)",
        "Reports having no lawful immigration status on June 15, 2012.",
        "2012년 6월 15일에 합법적인 체류 신분이 없었다고 답했습니다.",
        "Indica que no tenía un estatus migratorio legal el 15 de junio de 2012.",
    ),
    "education_met": R(
        f"{CFR}(b)(5)",
        "Reports being in school, a high school diploma or certificate of completion, a GED, or "
        "an honorable discharge.",
        "재학 중이거나, 고등학교 졸업장 또는 수료증, GED가 있거나, 명예 제대했다고 답했습니다.",
        "Indica que estudia, tiene diploma o certificado de finalización de secundaria, GED, o "
        "baja honorable.",
    ),
    "renewal_guidelines": R(
        "8 CFR 236.23; USCIS DACA renewal guidance",
        "No travel without advance parole, no removal proceedings, no detention and no criminal "
        "history were reported since DACA was granted.",
        "DACA를 받은 이후 사전 여행 허가(Advance Parole) 없는 출국, 추방 재판, 구금, 범죄 기록이 "
        "없다고 답했습니다.",
        "No se informaron viajes sin permiso adelantado (Advance Parole), procedimientos de "
        "deportación, detención ni antecedentes penales desde que se otorgó DACA.",
    ),
    # -- guidelines plainly not met (not_eligible) ----------------------------------------------
    "arrived_age_16_or_older": R(
        f"{CFR}(b)(1)",
        "The answers show arrival in the United States at age 16 or older.",
        "답변에 따르면 16세 이후에 미국에 왔습니다.",
        "Las respuestas indican que llegó a los Estados Unidos con 16 años o más.",
    ),
    "born_before_1981_06_16": R(
        f"{CFR}(b)(7)",
        "The answers show a birth date before June 16, 1981.",
        "답변에 따르면 1981년 6월 16일 이전에 태어났습니다.",
        "Las respuestas indican una fecha de nacimiento anterior al 16 de junio de 1981.",
    ),
    "arrived_after_2007_06_15": R(
        f"{CFR}(b)(2)",
        "The answers show a first arrival after June 15, 2007, so residence since that date "
        "cannot be shown.",
        "답변에 따르면 2007년 6월 15일 이후에 처음 입국했으므로 그 날짜부터의 거주를 입증할 수 "
        "없습니다.",
        "Las respuestas indican una primera llegada después del 15 de junio de 2007, por lo que "
        "no puede mostrarse residencia desde esa fecha.",
    ),
    "not_present_2012_06_15": R(
        f"{CFR}(b)(3)",
        "The answers show not being in the United States on June 15, 2012.",
        "답변에 따르면 2012년 6월 15일에 미국에 있지 않았습니다.",
        "Las respuestas indican que no estaba en los Estados Unidos el 15 de junio de 2012.",
    ),
    "lawful_status_2012_06_15": R(
        f"{CFR}(b)(4)",
        "The answers show a lawful immigration status on June 15, 2012.",
        "답변에 따르면 2012년 6월 15일에 합법적인 체류 신분이 있었습니다.",
        "Las respuestas indican un estatus migratorio legal el 15 de junio de 2012.",
    ),
    "under_15_at_filing": R(
        f"{CFR}(b)(7)",
        "Under 15 years old on the evaluation date and not in removal proceedings: a request "
        "can be made from the 15th birthday ({date}).",
        "평가일 기준 15세 미만이며 추방 재판 중이 아닙니다. 15번째 생일({date})부터 신청할 수 "
        "있습니다.",
        "Tiene menos de 15 años en la fecha de evaluación y no está en procedimientos de "
        "deportación: puede solicitar a partir de su cumpleaños 15 ({date}).",
    ),
    # -- flags: a person (an attorney) must decide ----------------------------------------------
    "criminal_history": R(
        f"{CFR}(b)(6)",
        "Criminal history was reported ({count} entr{plural}): an attorney must review every "
        "arrest, charge and outcome.",
        "범죄 기록이 있다고 답했습니다({count}건). 모든 체포, 기소, 결과를 변호사가 검토해야 "
        "합니다.",
        "Se informaron antecedentes penales ({count}): un abogado debe revisar cada arresto, "
        "cargo y resultado.",
    ),
    "criminal_felony": R(
        f"{CFR}(b)(6)",
        "An entry is reported as a felony.",
        "중범죄(felony)로 보고된 기록이 있습니다.",
        "Un antecedente se informa como delito grave (felony).",
    ),
    "criminal_significant_misdemeanor": R(
        f"{CFR}(b)(6)",
        "An entry is reported as a significant misdemeanor.",
        "중대한 경범죄(significant misdemeanor)로 보고된 기록이 있습니다.",
        "Un antecedente se informa como delito menor significativo (significant misdemeanor).",
    ),
    "criminal_three_misdemeanors": R(
        f"{CFR}(b)(6)",
        "Three or more misdemeanors are reported.",
        "경범죄가 3건 이상 보고되었습니다.",
        "Se informan tres o más delitos menores.",
    ),
    "criminal_pending": R(
        f"{CFR}(b)(6)",
        "A criminal case is reported as pending.",
        "진행 중인 형사 사건이 있다고 답했습니다.",
        "Se informa un caso penal pendiente.",
    ),
    "public_safety": R(
        f"{CFR}(b)(6); Form I-821D Part 4",
        "A public-safety question was answered yes ({items}).",
        "공공 안전 관련 질문에 '예'라고 답했습니다({items}).",
        "Se respondió sí a una pregunta de seguridad pública ({items}).",
    ),
    "removal_proceedings": R(
        f"{CFR}(b)(7); 8 CFR 236.23(a)",
        "Removal proceedings were reported (now or in the past).",
        "추방 재판(removal proceedings) 기록이 있다고 답했습니다(현재 또는 과거).",
        "Se informaron procedimientos de deportación (actuales o pasados).",
    ),
    "removal_order": R(
        "8 CFR 236.23(a)",
        "A final removal order or a voluntary departure order was reported.",
        "최종 추방 명령 또는 자진 출국 명령이 있다고 답했습니다.",
        "Se informó una orden final de deportación o de salida voluntaria.",
    ),
    "detained": R(
        "8 CFR 236.23(a)",
        "The person is in immigration detention now.",
        "현재 이민 구금 상태입니다.",
        "La persona está ahora bajo detención migratoria.",
    ),
    "travel_without_advance_parole": R(
        f"{CFR}(b)(2)",
        "Travel outside the United States without advance parole was reported ({count} "
        "trip{plural}).",
        "사전 여행 허가(Advance Parole) 없이 미국 밖으로 여행했다고 답했습니다({count}회).",
        "Se informaron viajes fuera de los Estados Unidos sin permiso adelantado (Advance "
        "Parole) ({count}).",
    ),
    "travel_with_advance_parole": R(
        f"{CFR}(b)(2)",
        "Travel with advance parole was reported: bring copies of the advance parole document "
        "and the I-94 for each trip.",
        "사전 여행 허가(Advance Parole)를 받고 여행했다고 답했습니다. 여행마다 사전 여행 허가 "
        "서류와 I-94 사본을 준비하세요.",
        "Se informaron viajes con permiso adelantado (Advance Parole): traiga copias del permiso "
        "y del I-94 de cada viaje.",
    ),
    "daca_terminated": R(
        "8 CFR 236.23",
        "DACA was terminated: a new request is an initial request, and an attorney must review "
        "why it ended.",
        "DACA가 종료되었습니다. 새 신청은 최초 신청이 되며, 종료 사유를 변호사가 검토해야 합니다.",
        "DACA fue terminado: una nueva solicitud es inicial y un abogado debe revisar por qué "
        "terminó.",
    ),
    "daca_lapsed": R(
        "USCIS DACA renewal guidance",
        "DACA expired on {date} (less than a year ago): it can be requested as a renewal, but "
        "the gap must be reviewed.",
        "DACA가 {date}에 만료되었습니다(1년 미만). 갱신으로 신청할 수 있지만 공백 기간을 검토해야 "
        "합니다.",
        "DACA venció el {date} (hace menos de un año): puede solicitarse como renovación, pero "
        "el periodo sin DACA debe revisarse.",
    ),
    "daca_expired_over_one_year": R(
        "USCIS DACA renewal guidance",
        "DACA expired on {date}, more than one year ago: the request must be filed as an "
        "initial request.",
        "DACA가 {date}에 만료되어 1년이 넘었습니다. 최초 신청으로 제출해야 합니다.",
        "DACA venció el {date}, hace más de un año: la solicitud debe presentarse como inicial.",
    ),
    "renewal_before_window": R(
        "USCIS DACA renewal guidance (file 150 to 120 days before expiration)",
        "Too early to file: the renewal window opens on {date}. USCIS may reject a request "
        "filed before then.",
        "아직 제출하기 이릅니다. 갱신 신청 기간은 {date}에 시작됩니다. 그 전에 제출하면 USCIS가 "
        "반려할 수 있습니다.",
        "Es muy pronto para presentar: el periodo de renovación abre el {date}. USCIS puede "
        "rechazar una solicitud presentada antes.",
    ),
    "initial_not_decided": R(
        "Texas v. United States (5th Cir. Jan. 17, 2025); USCIS DACA guidance",
        "An initial request: USCIS accepts initial requests but does not decide them now. An "
        "attorney should talk with the person before filing.",
        "최초 신청입니다. USCIS는 현재 최초 신청을 접수하지만 결정하지 않습니다. 제출 전에 변호사와 "
        "상담해야 합니다.",
        "Es una solicitud inicial: USCIS acepta solicitudes iniciales pero no las decide ahora. "
        "Un abogado debe hablar con la persona antes de presentarla.",
    ),
    "initial_not_accepted": R(
        "USCIS DACA guidance",
        "An initial request: USCIS is not accepting initial requests on this date.",
        "최초 신청입니다. 이 날짜에 USCIS는 최초 신청을 받지 않습니다.",
        "Es una solicitud inicial: USCIS no acepta solicitudes iniciales en esta fecha.",
    ),
    "continuous_residence_not_confirmed": R(
        f"{CFR}(b)(2)",
        "Continuous residence since June 15, 2007 was not confirmed: an attorney must review "
        "the absences.",
        "2007년 6월 15일부터의 계속 거주가 확인되지 않았습니다. 부재 기간을 변호사가 검토해야 "
        "합니다.",
        "No se confirmó la residencia continua desde el 15 de junio de 2007: un abogado debe "
        "revisar las ausencias.",
    ),
    "education_not_met": R(
        f"{CFR}(b)(5)",
        "No school enrollment, diploma, GED or honorable discharge was reported: an attorney "
        "should review the education guideline.",
        "재학, 졸업장, GED, 명예 제대 중 해당 사항이 없다고 답했습니다. 교육 요건을 변호사가 "
        "검토해야 합니다.",
        "No se informó estudio actual, diploma, GED ni baja honorable: un abogado debe revisar "
        "el requisito de educación.",
    ),
    "missing_facts": R(
        "8 CFR 236.22(b)",
        "Not answered yet: {keys}. Without them no determination can be made.",
        "아직 답하지 않은 항목: {keys}. 이 답변 없이는 판단할 수 없습니다.",
        "Aún sin respuesta: {keys}. Sin ellas no se puede hacer una determinación.",
    ),
    "contradiction": R(
        "8 CFR 236.22(b)",
        "Answers contradict each other: {items}. A person must check them.",
        "답변이 서로 맞지 않습니다: {items}. 직접 확인해야 합니다.",
        "Hay respuestas que se contradicen: {items}. Una persona debe revisarlas.",
    ),
    "leap_day_birthday": R(
        f"{CFR}(b)(1), (b)(7)",
        "Born on February 29: the birthday falls on a date boundary here, so an attorney must "
        "confirm the age.",
        "2월 29일에 태어났으며 생일이 기준 날짜에 걸리므로 나이를 변호사가 확인해야 합니다.",
        "Nació el 29 de febrero: el cumpleaños cae en un límite de fecha, por lo que un abogado "
        "debe confirmar la edad.",
    ),
    # -- notices --------------------------------------------------------------------------------
    "renewal_after_window": R(
        "USCIS DACA renewal guidance (file 150 to 120 days before expiration)",
        "The recommended window closed on {date}: file as soon as possible to limit a gap.",
        "권장 신청 기간이 {date}에 끝났습니다. 공백을 줄이려면 가능한 한 빨리 제출하세요.",
        "El periodo recomendado cerró el {date}: presente lo antes posible para limitar un "
        "periodo sin DACA.",
    ),
    "fees": R(
        "USCIS fee schedule (G-1055)",
        "Fees on this date: Form I-821D ${i821d}; Form I-765 ${i765_paper} on paper or "
        "${i765_online} online. Each is paid separately.",
        "이 날짜 기준 수수료: I-821D ${i821d}, I-765 우편 ${i765_paper} 또는 온라인 "
        "${i765_online}. 각각 따로 납부합니다.",
        "Tarifas en esta fecha: Formulario I-821D ${i821d}; Formulario I-765 ${i765_paper} en "
        "papel o ${i765_online} en línea. Cada una se paga por separado.",
    ),
}


def text_for(code: str) -> RuleText:
    return TEXTS[code]


OUTCOME_LABELS: dict[str, dict[str, str]] = {
    "likely_eligible": {
        "en": "May be eligible",
        "ko": "자격이 있을 수 있음",
        "es": "Podría ser elegible",
    },
    "attorney_review": {
        "en": "Needs attorney review",
        "ko": "변호사 검토 필요",
        "es": "Necesita revisión de un abogado",
    },
    "not_eligible": {
        "en": "Does not appear to meet a DACA guideline, as answered",
        "ko": "답변상 DACA 요건 중 하나를 충족하지 않는 것으로 보임",
        "es": "Según las respuestas, no parece cumplir un requisito de DACA",
    },
}

HEADINGS: dict[str, dict[str, str]] = {
    "request_type": {"en": "Request type", "ko": "신청 유형", "es": "Tipo de solicitud"},
    "renewal": {"en": "renewal", "ko": "갱신", "es": "renovación"},
    "initial": {"en": "initial", "ko": "최초", "es": "inicial"},
    "outcome": {"en": "Screening result", "ko": "선별 결과", "es": "Resultado"},
    "window": {
        "en": "Filing window: opens {opens}, closes {closes}; DACA expires {expires}",
        "ko": "신청 기간: {opens} 시작, {closes} 종료, DACA 만료일 {expires}",
        "es": "Periodo para presentar: abre {opens}, cierra {closes}; DACA vence {expires}",
    },
    "reasons": {"en": "Why", "ko": "이유", "es": "Por qué"},
    "flags": {
        "en": "For the attorney",
        "ko": "변호사 검토 사항",
        "es": "Para el abogado",
    },
    "notices": {"en": "Notices", "ko": "안내", "es": "Avisos"},
    "disclaimer": {
        "en": "This is a screening to prepare for an attorney's review, not legal advice.",
        "ko": "이 결과는 변호사 검토를 준비하기 위한 선별이며 법률 자문이 아닙니다.",
        "es": "Esta es una evaluación preliminar para la revisión de un abogado, no asesoría legal.",
    },
}


def heading(key: str, lang: str) -> str:
    table = HEADINGS[key]
    return table.get(lang) or table["en"]
