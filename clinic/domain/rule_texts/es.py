"""The screening's texts in Spanish: what each reason, flag and notice says, the outcomes
and the headings (read by :mod:`clinic.domain.rule_texts`; the file's name is the language's
code)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # -- request type -------------------------------------------------------------------------
    "renewal_request": (
        "DACA fue otorgado antes, no fue terminado y venció hace no más de un año (o aún no ha "
        "vencido): es una solicitud de renovación."
    ),
    "initial_request": (
        "DACA nunca fue otorgado, fue terminado o venció hace más de un año: es una solicitud "
        "inicial."
    ),
    # -- guidelines met (reasons for likely_eligible) ------------------------------------------
    "arrived_under_16": "Llegó a los Estados Unidos antes de cumplir 16 años.",
    "born_on_or_after_1981_06_16": "Nació el 16 de junio de 1981 o después.",
    "continuous_residence": (
        "Indica que ha vivido en los Estados Unidos de forma continua desde el 15 de junio de 2007."
    ),
    "present_2012_06_15": "Indica que estaba en los Estados Unidos el 15 de junio de 2012.",
    "no_lawful_status_2012_06_15": (
        "Indica que no tenía un estatus migratorio legal el 15 de junio de 2012."
    ),
    "education_met": (
        "Indica que estudia, tiene diploma o certificado de finalización de secundaria, GED, o "
        "baja honorable."
    ),
    "renewal_guidelines": (
        "No se informaron viajes sin permiso adelantado (Advance Parole), procedimientos de "
        "deportación, detención ni antecedentes penales desde que se otorgó DACA."
    ),
    # -- guidelines plainly not met (not_eligible) ----------------------------------------------
    "arrived_age_16_or_older": (
        "Las respuestas indican que llegó a los Estados Unidos con 16 años o más."
    ),
    "born_before_1981_06_16": (
        "Las respuestas indican una fecha de nacimiento anterior al 16 de junio de 1981."
    ),
    "arrived_after_2007_06_15": (
        "Las respuestas indican una primera llegada después del 15 de junio de 2007, por lo que "
        "no puede mostrarse residencia desde esa fecha."
    ),
    "not_present_2012_06_15": (
        "Las respuestas indican que no estaba en los Estados Unidos el 15 de junio de 2012."
    ),
    "lawful_status_2012_06_15": (
        "Las respuestas indican un estatus migratorio legal el 15 de junio de 2012."
    ),
    "under_15_at_filing": (
        "Tiene menos de 15 años en la fecha de evaluación y no está en procedimientos de "
        "deportación: puede solicitar a partir de su cumpleaños 15 ({date})."
    ),
    # -- flags: a person (an attorney) must decide ----------------------------------------------
    "criminal_history": (
        "Se informaron antecedentes penales ({count}): un abogado debe revisar cada arresto, "
        "cargo y resultado."
    ),
    "criminal_felony": "Un antecedente se informa como delito grave (felony).",
    "criminal_significant_misdemeanor": (
        "Un antecedente se informa como delito menor significativo (significant misdemeanor)."
    ),
    "criminal_three_misdemeanors": "Se informan tres o más delitos menores.",
    "criminal_pending": "Se informa un caso penal pendiente.",
    "public_safety": "Se respondió sí a una pregunta de seguridad pública ({items}).",
    "removal_proceedings": "Se informaron procedimientos de deportación (actuales o pasados).",
    "removal_order": "Se informó una orden final de deportación o de salida voluntaria.",
    "detained": "La persona está ahora bajo detención migratoria.",
    "travel_without_advance_parole": (
        "Se informaron viajes fuera de los Estados Unidos sin permiso adelantado (Advance "
        "Parole) ({count})."
    ),
    "travel_with_advance_parole": (
        "Se informaron viajes con permiso adelantado (Advance Parole): traiga copias del permiso "
        "y del I-94 de cada viaje."
    ),
    "daca_terminated": (
        "DACA fue terminado: una nueva solicitud es inicial y un abogado debe revisar por qué "
        "terminó."
    ),
    "daca_lapsed": (
        "DACA venció el {date} (hace menos de un año): puede solicitarse como renovación, pero "
        "el periodo sin DACA debe revisarse."
    ),
    "daca_expired_over_one_year": (
        "DACA venció el {date}, hace más de un año: la solicitud debe presentarse como inicial."
    ),
    "renewal_before_window": (
        "Es muy pronto para presentar: el periodo de renovación abre el {date}. USCIS puede "
        "rechazar una solicitud presentada antes."
    ),
    "initial_not_decided": (
        "Es una solicitud inicial: USCIS acepta solicitudes iniciales pero no las decide ahora. "
        "Un abogado debe hablar con la persona antes de presentarla."
    ),
    "initial_not_accepted": (
        "Es una solicitud inicial: USCIS no acepta solicitudes iniciales en esta fecha."
    ),
    "continuous_residence_not_confirmed": (
        "No se confirmó la residencia continua desde el 15 de junio de 2007: un abogado debe "
        "revisar las ausencias."
    ),
    "education_not_met": (
        "No se informó estudio actual, diploma, GED ni baja honorable: un abogado debe revisar "
        "el requisito de educación."
    ),
    "missing_facts": "Aún sin respuesta: {keys}. Sin ellas no se puede hacer una determinación.",
    "contradiction": "Hay respuestas que se contradicen: {items}. Una persona debe revisarlas.",
    "leap_day_birthday": (
        "Nació el 29 de febrero: el cumpleaños cae en un límite de fecha, por lo que un abogado "
        "debe confirmar la edad."
    ),
    # -- notices --------------------------------------------------------------------------------
    "renewal_after_window": (
        "El periodo recomendado cerró el {date}: presente lo antes posible para limitar un "
        "periodo sin DACA."
    ),
    "fees": (
        "Tarifas en esta fecha: Formulario I-821D ${i821d}; Formulario I-765 ${i765_paper} en "
        "papel o ${i765_online} en línea. Cada una se paga por separado."
    ),
}

OUTCOMES: dict[str, str] = {
    "likely_eligible": "Podría ser elegible",
    "attorney_review": "Necesita revisión de un abogado",
    "not_eligible": "Según las respuestas, no parece cumplir un requisito de DACA",
}

HEADINGS: dict[str, str] = {
    "request_type": "Tipo de solicitud",
    "renewal": "renovación",
    "initial": "inicial",
    "outcome": "Resultado",
    "window": "Periodo para presentar: abre {opens}, cierra {closes}; DACA vence {expires}",
    "reasons": "Por qué",
    "flags": "Para el abogado",
    "notices": "Avisos",
    "disclaimer": (
        "Esta es una evaluación preliminar para la revisión de un abogado, no asesoría legal."
    ),
}
