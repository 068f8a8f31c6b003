"""The packet documents' texts in Spanish: the document checklist's title, sections and
items (read by :mod:`clinic.packet.texts`; the file's name is the language's code)."""

from __future__ import annotations

# the titles of the documents
TITLES: dict[str, str] = {
    "checklist": "Documentos para traer y adjuntar",
}

# the checklist's sections
SECTIONS: dict[str, str] = {
    "everyone": "Para todos",
    "renewal": "Renovación",
    "initial": "Solicitud inicial",
    "criminal": "Arrestos, cargos y condenas",
    "removal": "Procedimientos de deportación",
    "travel": "Viajes fuera de los EE. UU.",
    "fees": "Tarifas",
    "optional": "Opcional",
}

# the checklist's items ({what}: the court case, {dates}: the trip, {form}: the form)
ITEMS: dict[str, str] = {
    "identity": (
        "Documento de identidad con foto: pasaporte, cédula de identidad o matrícula consular"
    ),
    "photos": "Dos fotos idénticas tipo pasaporte (2 x 2 pulgadas)",
    "ead": "Copia del permiso de trabajo (EAD) actual o más reciente, por ambos lados",
    "approval": "Copia del aviso de aprobación de DACA anterior (Formulario I-797)",
    "arrival": "Prueba de que llegó a los EE. UU. antes de cumplir 16 años",
    "residence": (
        "Prueba de haber vivido en los EE. UU. de forma continua desde el 15 de junio de 2007 "
        "(registros escolares, médicos, de trabajo o de alquiler)"
    ),
    "presence": "Prueba de que estaba en los EE. UU. el 15 de junio de 2012",
    "removal": (
        "Documentos del procedimiento de deportación (avisos, órdenes del juez de inmigración)"
    ),
    "g1145": (
        "Formulario G-1145, para recibir un correo o mensaje de texto cuando USCIS acepte la "
        "solicitud (opcional)"
    ),
    "court": "Registros del tribunal (disposición final certificada){what}",
    "trip_advance_parole": (
        "Documento de permiso adelantado (Advance Parole) e I-94 del viaje {dates}"
    ),
    "trip": (
        "Documentos del viaje {dates} (sellos del pasaporte, I-94, permiso adelantado si lo tuvo)"
    ),
    "fee": (
        "Tarifa del Formulario {form}: se paga por separado (vea en la portada cómo la acepta "
        "USCIS)"
    ),
    "worksheet": (
        "Formulario I-765WS (hoja de trabajo), llenado con la hoja de respuestas y firmado: "
        "descárguelo en uscis.gov/i-765ws"
    ),
}

# the proof of education the checklist asks for, by education.status
EDUCATION: dict[str, str] = {
    "in_school": "Prueba de inscripción escolar actual (carta o expediente de la escuela)",
    "high_school_diploma": "Diploma o expediente académico de la escuela secundaria",
    "ged": "Certificado de GED (u otro equivalente de secundaria)",
    "certificate_of_completion": "Certificado de terminación de una escuela secundaria de EE. UU.",
    "honorably_discharged_veteran": (
        "Prueba de baja honorable (por ejemplo, Formulario DD-214 o NGB-22)"
    ),
    "unknown": "Prueba de estudios (inscripción escolar, diploma, GED o baja honorable)",
}

# the take-home sheet: what the client keeps (no SSN or A-Number on it)
TAKE_HOME: dict[str, str] = {
    "title": "Su solicitud de DACA: lo que preparamos hoy",
    "prepared": "Preparado para {name} el {date}",
    "what": "Lo que se preparó",
    "forms_renewal": (
        "Una solicitud de renovación de DACA (Formulario I-821D) y una solicitud de permiso "
        "de trabajo (Formulario I-765)"
    ),
    "forms_initial": (
        "Una solicitud de DACA (Formulario I-821D) y una solicitud de permiso de trabajo "
        "(Formulario I-765)"
    ),
    "forms_unknown": (
        "Una solicitud de DACA (Formulario I-821D) y una solicitud de permiso de trabajo "
        "(Formulario I-765)"
    ),
    "next": "Lo que sigue",
    "review": (
        "Un abogado revisa sus formularios. Cuando la clínica le diga que el abogado los "
        "aprobó, firme donde indica la hoja de portada y envíelos por correo; no antes."
    ),
    "fees": "Tarifas y cómo pagar",
    "fees_paper": (
        "Cada tarifa se paga por separado con su propio formulario de pago. USCIS no acepta "
        "cheques ni giros postales para estos formularios."
    ),
    "mail": "A dónde enviar",
    "mail_where": (
        "Envíe el paquete firmado a la dirección de USCIS de su estado que aparece en "
        "uscis.gov/i-821d-addresses. Guarde una copia de todo lo que envíe."
    ),
    "after": "Después de enviarlo",
    "receipt": (
        "USCIS le envía un aviso de recibo (Formulario I-797C) y luego una cita para huellas "
        "y foto. Vaya a esa cita con el aviso y su identificación."
    ),
    "address": "Si se muda, avise a USCIS su nueva dirección (uscis.gov/addresschange).",
    "window": (
        "Su DACA vence el {expires}. Puede presentar la renovación desde el {opens}; "
        "preséntela antes del {closes} para que su permiso de trabajo no se interrumpa."
    ),
    "window_late": (
        "Su DACA vence el {expires}. El plazo que USCIS recomienda para presentar la renovación "
        "terminó el {closes}: envíe esta solicitud en cuanto el abogado la apruebe."
    ),
    "window_lapsed": (
        "Su DACA venció el {expires}. Envíe esta solicitud en cuanto el abogado la apruebe; hasta "
        "que USCIS decida, no tiene DACA ni permiso de trabajo."
    ),
    "bring": "Qué llevar",
    "bring_list": "Los documentos de la lista de documentos (Document checklist) de este paquete.",
    "contact": "Su clínica",
    "contact_line": "{who}",
    "disclaimer": (
        "Esta hoja explica los pasos; no es asesoría legal. Consulte su caso con el abogado "
        "de la clínica."
    ),
}
