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
    "criminal_three_misdemeanors": (
        "Se informan tres o más condenas por delitos menores en fechas distintas (las de una "
        "misma fecha cuentan como una)."
    ),
    "criminal_pending": "Se informa un caso penal pendiente.",
    "criminal_possible_significant_misdemeanor": (
        "Se anotó como un delito menor, pero sus palabras nombran un delito que es un delito "
        "menor significativo si hubo condena por delito menor: {entries}. Un abogado "
        "debe revisar el expediente (también lo es todo delito menor con más de 90 días de "
        "custodia)."
    ),
    "public_safety": "Se respondió sí a una pregunta de seguridad pública ({items}).",
    "removal_proceedings": "Se informaron procedimientos de deportación (actuales o pasados).",
    "removal_order": "Se informó una orden final de deportación o de salida voluntaria.",
    "detained": "La persona está ahora bajo detención migratoria.",
    "travel_without_advance_parole": (
        "Se informaron viajes fuera de los Estados Unidos sin permiso adelantado (Advance Parole) "
        "el 15 de agosto de 2012 o después ({trips}): una salida así interrumpe la residencia "
        "continua, y un abogado debe revisarla."
    ),
    "absence_before_2012_08_15": (
        "Se informó una ausencia antes del 15 de agosto de 2012 (viaje {trips}): un abogado debe "
        "decidir si fue breve, casual e inocente."
    ),
    "trip_not_returned": (
        "Un viaje no tiene fecha de regreso en o antes de la fecha de evaluación (viaje "
        "{trips}): la persona debe estar en los Estados Unidos para solicitar DACA."
    ),
    "last_arrival_unexplained": (
        "La última llegada ({date}) no es el regreso de ningún viaje anotado: un abogado debe "
        "averiguar cuándo y cómo salió y regresó la persona."
    ),
    "last_entry_not_on_parole": (
        "La última llegada ({date}) fue después de la concesión de DACA y el estatus en esa "
        'llegada se indica como "{status}", no como permiso adelantado (advance parole): un '
        "abogado debe averiguar cómo salió y regresó la persona."
    ),
    "residence_outside_us": (
        "El país donde vive ahora se indica como {country}: la persona debe vivir en los Estados "
        "Unidos para solicitar DACA."
    ),
    "current_status_to_review": (
        'El estatus migratorio actual se indica como "{status}": DACA requiere no tener un '
        "estatus legal al solicitarlo. Un abogado debe leer esta respuesta."
    ),
    "texas_work_permit_limited": (
        "La persona vive en Texas y, en esta fecha, una orden vigente limita los permisos de "
        "trabajo de DACA para residentes de Texas: un abogado debe decidir si se presenta el "
        "Formulario I-765 y explicar qué aplica."
    ),
    "address_abroad": (
        "Se informó una dirección anterior fuera de los Estados Unidos después del 15 de junio "
        "de 2007 (dirección {addresses}): un abogado debe revisar la ausencia."
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

CONTRADICTIONS: dict[str, str] = {
    "trip_returns_before_departing": "el viaje {n} regresa antes de salir",
    "trip_departs_after_evaluation": "el viaje {n} sale después de la fecha de evaluación",
    "arrival_before_birth": "la primera llegada es anterior a la fecha de nacimiento",
    "arrival_after_evaluation": "la primera llegada es posterior a la fecha de evaluación",
    "born_after_evaluation": "la fecha de nacimiento es posterior a la fecha de evaluación",
    "not_granted_but_history": (
        "DACA nunca fue otorgado, pero se da una fecha de vencimiento o de terminación de DACA"
    ),
    "request_type_mismatch": (
        "el tipo de solicitud se indica como {stated}, pero el historial de DACA la hace {computed}"
    ),
    "renewal_fails_guideline": (
        "DACA fue otorgado antes, pero las respuestas no cumplen una pauta (vea Por qué)"
    ),
    "residence_yes_arrival_after_2007": (
        "vivir aquí de forma continua desde el 15 de junio de 2007 es sí, pero la primera "
        "llegada es posterior a esa fecha"
    ),
    "presence_yes_arrival_after": (
        "estar aquí el 15 de junio de 2012 es sí, pero la primera llegada es posterior a esa fecha"
    ),
    "presence_yes_trip_covers": (
        "estar aquí el 15 de junio de 2012 es sí, pero el viaje {n} abarca esa fecha"
    ),
    "presence_no_no_trip": (
        "estar aquí el 15 de junio de 2012 es no, pero ningún viaje anotado abarca esa fecha"
    ),
    "before16_yes_arrival_age": (
        "llegar a vivir aquí antes de los 16 años es sí, pero la primera llegada fue a los {age} "
        "años"
    ),
    "before16_no_arrival_under_16": (
        "llegar a vivir aquí antes de los 16 años es no, pero la primera llegada fue a los {age} "
        "años: hay que averiguar cuándo empezó la residencia"
    ),
    "lawful_yes_i94_ended": (
        "tener estatus legal el 15 de junio de 2012 es sí, pero la estancia autorizada del I-94 "
        "terminó el {date}"
    ),
    "lawful_no_i94_ran": (
        "tener estatus legal el 15 de junio de 2012 es no, pero la estancia autorizada del I-94 "
        "duraba hasta el {date}"
    ),
    "lawful_yes_status_described": (
        "tener estatus legal el 15 de junio de 2012 es sí, pero ese día se describe como: {status}"
    ),
    "veteran_not_served": (
        "la respuesta de educación es una baja honorable, pero no se informa servicio militar"
    ),
    "veteran_discharge_type": (
        "la respuesta de educación es una baja honorable, pero la baja se indica como {kind}"
    ),
    "last_arrival_before_first": "la última llegada es anterior a la primera llegada",
    "last_arrival_after_evaluation": "la última llegada es posterior a la fecha de evaluación",
    "last_arrival_before_trip": "la última llegada es anterior al regreso del viaje {n}",
    "departure_no_trip_without_parole": (
        "salir sin permiso adelantado desde el 15 de agosto de 2012 es no, pero el viaje {n} fue "
        "sin permiso adelantado"
    ),
    "address_abroad_residence_yes": (
        "vivir aquí de forma continua desde el 15 de junio de 2007 es sí, pero la dirección "
        "anterior {n} está en {country} después de esa fecha"
    ),
}

FACTS: dict[str, str] = {
    "dob": "fecha de nacimiento",
    "daca.ever_granted": "si DACA fue otorgado antes",
    "daca.expires": "cuándo vence DACA",
    "daca.terminated": "si DACA fue terminado",
    "removal.status": "procedimientos de deportación",
    "detention.current": "detención migratoria actual",
    "residence.country": "país donde vive ahora",
    "residence.continuous_since_2007": "vivir aquí de forma continua desde el 15 de junio de 2007",
    "arrival.last_date": "fecha de la última llegada",
    "departure.without_parole_since_2012_08_15": (
        "salir sin permiso adelantado desde el 15 de agosto de 2012"
    ),
    "travel": "viajes fuera de los Estados Unidos",
    "criminal": "arrestos, cargos y condenas",
    "safety": "las preguntas de seguridad pública ({what})",
    "i94_stay_expires": "la fecha en que terminó la estancia autorizada del I-94",
    "arrival.date": "fecha de la primera llegada",
    "arrival.before_age_16": "llegar a vivir aquí antes de los 16 años",
    "presence.2012_06_15": "estar aquí el 15 de junio de 2012",
    "status.lawful_on_2012_06_15": "tener estatus legal el 15 de junio de 2012",
    "education.status": "educación",
    "military.discharge_type": "tipo de baja militar",
    "travel[].departed": "viaje {n}: fecha de salida",
    "travel[]": "viaje {numbers}",
    "travel[].not_listed": "informado pero no anotado como viaje: agréguelo en la página de viajes",
    "travel[].advance_parole": "viaje {n}: permiso adelantado",
    "criminal[]": "antecedente {n} ({kinds})",
}

LABELS: dict[str, dict[str, str]] = {
    # a screening code's short name, as a heading of the counts (CSV, XLSX, PDF)
    "flag": {
        "criminal_history": "antecedentes penales",
        "criminal_felony": "delito grave",
        "criminal_significant_misdemeanor": "delito menor significativo",
        "criminal_three_misdemeanors": "tres o más delitos menores",
        "criminal_pending": "caso penal pendiente",
        "criminal_possible_significant_misdemeanor": "posible delito menor significativo",
        "public_safety": "pregunta de seguridad pública respondida con sí",
        "removal_proceedings": "procedimiento de deportación",
        "removal_order": "orden de deportación",
        "detained": "en detención migratoria",
        "travel_without_advance_parole": "viaje sin permiso adelantado",
        "travel_with_advance_parole": "viaje con permiso adelantado",
        "absence_before_2012_08_15": "ausencia antes del 15 de agosto de 2012",
        "trip_not_returned": "viaje sin regreso",
        "last_arrival_unexplained": "última llegada sin explicar",
        "last_entry_not_on_parole": "última entrada sin permiso adelantado",
        "residence_outside_us": "residencia fuera de los Estados Unidos",
        "address_abroad": "dirección en el extranjero",
        "current_status_to_review": "estatus migratorio actual por revisar",
        "daca_terminated": "DACA terminado",
        "daca_lapsed": "DACA vencido (hace menos de un año)",
        "daca_expired_over_one_year": "DACA vencido hace más de un año",
        "renewal_before_window": "renovación antes de su período de presentación",
        "renewal_after_window": "renovación después de su período de presentación",
        "initial_not_decided": "solicitudes iniciales sin decidir",
        "initial_not_accepted": "solicitudes iniciales no aceptadas",
        "texas_work_permit_limited": "permisos de trabajo limitados en Texas",
        "continuous_residence_not_confirmed": "residencia continua sin confirmar",
        "education_not_met": "requisito de educación no cumplido",
        "missing_facts": "faltan datos",
        "contradiction": "respuestas contradictorias",
        "leap_day_birthday": "cumpleaños el 29 de febrero",
        "fees": "tarifas",
    },
    "request_type": {"renewal": "renovación", "initial": "inicial"},
    "status_2012": {
        "no_lawful_status": "sin estatus legal",
        "status_expired": "estatus vencido",
        "parole_expired": "parole vencido",
    },
    "discharge": {
        "honorable": "honorable",
        "general": "general (en condiciones honorables)",
        "other_than_honorable": "no honorable",
        "bad_conduct": "por mala conducta",
        "dishonorable": "deshonrosa",
        "entry_level_separation": "separación en nivel de ingreso",
        "clemency": "clemencia",
        "not_applicable": "no aplica",
    },
    "safety": {
        "terrorism": "terrorismo",
        "gang": "pertenencia a una pandilla",
        "torture_genocide_trafficking": "tortura, genocidio o trata de personas",
        "killing": "matar a una persona",
        "severe_injury": "herir gravemente a una persona",
        "forced_sexual_contact": "contacto sexual forzado",
        "child_soldier_recruit": "reclutar a un niño soldado",
        "child_soldier_use": "usar a un niño soldado",
    },
    "offense": {
        "dui": "manejar bajo los efectos del alcohol o drogas",
        "domestic_violence": "violencia doméstica",
        "sexual_abuse": "abuso o explotación sexual",
        "burglary": "robo con allanamiento (burglary)",
        "firearm": "posesión o uso ilegal de un arma de fuego",
        "drug_distribution": "distribución o tráfico de drogas",
    },
}

OFFENSE_WORDS: dict[str, tuple[str, ...]] = {
    "dui": (
        "manejar ebrio",
        "manejar borracho",
        "manejar en estado de ebriedad",
        "manejar bajo los efectos",
        "manejar bajo la influencia",
        "conducir ebrio",
        "conducir borracho",
        "conducir en estado de ebriedad",
        "conducir bajo los efectos",
        "conducir bajo la influencia",
        "conduccion bajo los efectos",
        "conduccion en estado de ebriedad",
        "manejo en estado de ebriedad",
    ),
    "domestic_violence": (
        "violencia domestica",
        "violencia familiar",
        "violencia intrafamiliar",
        "maltrato familiar",
        "agresion domestica",
    ),
    "sexual_abuse": (
        "abuso sexual",
        "agresion sexual",
        "explotacion sexual",
        "violacion",
        "pornografia infantil",
        "exhibicionismo",
    ),
    "burglary": (
        "robo con allanamiento",
        "allanamiento de morada",
        "robo en morada",
        "robo en casa habitacion",
        "robo de vivienda",
        "escalamiento",
    ),
    "firearm": (
        "arma de fuego",
        "armas de fuego",
        "pistola",
        "rifle",
        "escopeta",
        "portacion de arma",
        "arma",
        "armas",
        "portar arma",
        "posesion de arma",
        "posesion de armas",
        "portacion de armas",
    ),
    "drug_distribution": (
        "venta de drogas",
        "vender drogas",
        "trafico de drogas",
        "distribucion de drogas",
        "narcotrafico",
        "narcomenudeo",
        "posesion para la venta",
        "con intencion de vender",
        "con intencion de distribuir",
        "venta de narcoticos",
        "venta de estupefacientes",
        "venta",
        "trafico",
        "para la venta",
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
    "request_type_open": ("aún no se sabe: depende de si se otorgó DACA y de cuándo vence"),
    "outcome": "Resultado",
    "window": "Periodo para presentar: abre {opens}, cierra {closes}; DACA vence {expires}",
    "reasons": "Por qué",
    "flags": "Para el abogado",
    "notices": "Avisos",
    "disclaimer": (
        "Esta es una evaluación preliminar para la revisión de un abogado, no asesoría legal."
    ),
}
