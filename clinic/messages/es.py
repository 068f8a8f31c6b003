# ruff: noqa: E501 - translated text
"""What the app says about a failure, in Spanish (read by :mod:`clinic.messages`; the file's
name is the language's code). Keys are the English templates; values keep their placeholders."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "Volunteers' work only: returns and approvals are attorneys' work, counted in the total. A person two of them worked with counts in each of their rows and once in the total, so the rows can add up to more.": "Solo el trabajo de los voluntarios: las devoluciones y aprobaciones son trabajo de los abogados y se cuentan en el total. Una persona atendida por dos de ellos cuenta en la fila de cada uno y una vez en el total, así que las filas pueden sumar más.",
    "Last checked against its sources on {date}.": "Verificado por última vez con sus fuentes el {date}.",
    "Request type not known yet": "Tipo de solicitud aún no conocido",
    # the counts' exports (clinic.reports.export)
    "Breakdown": "Desglose",
    "Day, site, language or volunteer": "Día, sede, idioma o voluntario",
    "People served": "Personas atendidas",
    "Informed (inquiries)": "Informados (consultas)",
    "Screened": "Evaluados",
    "Referred to an attorney": "Remitidos a un abogado",
    "Packets prepared": "Paquetes preparados",
    "Packets returned by an attorney": "Paquetes devueltos por un abogado",
    "Packets approved": "Paquetes aprobados",
    "Records closed": "Expedientes cerrados",
    "Served": "Atendidos",
    "Informed": "Informados",
    "Referred": "Remitidos",
    "Packets": "Paquetes",
    "Returned": "Devueltos",
    "Approved": "Aprobados",
    "Closed": "Cerrados",
    "Screened: {outcome}": "Evaluados: {outcome}",
    "Renewal requests": "Solicitudes de renovación",
    "Initial requests": "Solicitudes iniciales",
    "{kind} requests": "Solicitudes: {kind}",
    "Flag: {flag}": "Alerta: {flag}",
    "Other staff": "Otro personal",
    "(not recorded)": "(no registrado)",
    "Total": "Total",
    "By day": "Por día",
    "By site": "Por sede",
    "By language": "Por idioma",
    "By volunteer": "Por voluntario",
    "Day": "Día",
    "Site": "Sede",
    "Language": "Idioma",
    "Volunteer": "Voluntario",
    "{start} to {end}": "{start} a {end}",
    "Count": "Conteo",
    "Records": "Expedientes",
    "Screened, referred and packets per day": "Evaluados, remitidos y paquetes por día",
    "Screened, referred and packets by site": "Evaluados, remitidos y paquetes por sede",
    "Screened, referred and packets by language": "Evaluados, remitidos y paquetes por idioma",
    "Screened, referred and packets by volunteer": "Evaluados, remitidos y paquetes por voluntario",
    "Per day": "Por día",
    "Per site": "Por sede",
    "Per language": "Por idioma",
    "Per volunteer (volunteers' work)": "Por voluntario (trabajo de los voluntarios)",
    "ClinicDay counts: de-identified tallies only, no personal data": "Conteos de ClinicDay: solo cifras anonimizadas, sin datos personales",
    "{site}: clinic counts": "{site}: conteos de la clínica",
    "Clinic counts": "Conteos de la clínica",
    "Period: {period}": "Período: {period}",
    "Each number counts people (records) once.": "Cada número cuenta a las personas (expedientes) una vez.",
    "Totals": "Totales",
    "Page {page}": "Página {page}",
    "{lang} is not a staff language": "{lang} no es un idioma del personal",
    (
        "only a user who keeps the organization's key may do this: keep the org key file on "
        "this laptop first (Settings > Sync > Keep the org key on this laptop)"
    ): (
        "Solo un usuario que guarda la clave de la organización puede hacer esto: primero guarde "
        "el archivo de la clave de la organización en esta computadora (Configuración > "
        "Sincronización > Guardar la clave de la organización en esta computadora)"
    ),
    (
        "this laptop was enrolled before events were signed: enroll it again with a new code "
        "(Settings > Sync > Enroll this laptop); nothing is lost"
    ): (
        "esta computadora se inscribió antes de que los eventos se firmaran: inscríbala de "
        "nuevo con un código nuevo (Configuración > Sincronización > Inscribir esta "
        "computadora); no se pierde nada"
    ),
    (
        "enrollment refused: the code is not signed by the organization ({why}); nothing was "
        "kept (ask the coordinator for a new code)"
    ): (
        "inscripción rechazada: el código no está firmado por la organización ({why}); no se "
        "guardó nada (pida un código nuevo al coordinador)"
    ),
    (
        "a code is signed by the organization: keep the org key file on this laptop first "
        "(Settings > Sync > Keep the org key on this laptop)"
    ): (
        "un código lleva la firma de la organización: primero guarde el archivo de la clave de "
        "la organización en esta computadora (Configuración > Sincronización > Guardar la "
        "clave de la organización en esta computadora)"
    ),
    "In force since {date}. Source (its citations are in English): {source}": (
        "En vigor desde el {date}. Fuente (sus citas están en inglés): {source}"
    ),
    "signed out: sign in again to continue": (
        "sesión cerrada: inicie sesión de nuevo para continuar"
    ),
    "a {role} may not {action} a packet": "el rol {role} no puede {action} un paquete",
    "a {role} may not {what}": "el rol {role} no puede: {what}",
    "an {role} may not {what}": "el rol {role} no puede: {what}",
    "record {record} has no packet to review": "el registro {record} no tiene paquete que revisar",
    "packet {packet} is already approved": "el paquete {packet} ya está aprobado",
    "a comment needs text": "un comentario necesita texto",
    "a newer packet was built since you opened this one: open the person again": (
        "se preparó un paquete más nuevo después de abrir este: abra a la persona de nuevo"
    ),
    "the answers changed since the last screening ({when}): screen this person again before "
    "building a packet": (
        "las respuestas cambiaron desde la última evaluación ({when}): evalúe de nuevo a esta "
        "persona antes de preparar un paquete"
    ),
    "record {record} has no packet yet: build one first": (
        "el registro {record} aún no tiene paquete: prepare uno primero"
    ),
    "the passphrase is empty": "la frase de contraseña está vacía",
    "the new passphrase is too easy to guess (common words, names, dates or patterns); use a "
    "few unrelated words": (
        "la nueva frase de contraseña es demasiado fácil de adivinar (palabras comunes, nombres, "
        "fechas o patrones); use varias palabras sin relación entre sí"
    ),
    "the new passphrase is too short (at least {count} characters)": (
        "la nueva frase de contraseña es demasiado corta (al menos {count} caracteres)"
    ),
    "wrong passphrase": "frase de contraseña incorrecta",
    "1 problem in the answers: {details}": "1 problema en las respuestas: {details}",
    "{count} problems in the answers: {details}": "{count} problemas en las respuestas: {details}",
    "{count} problem(s) in the answers; nothing was stored:": (
        "{count} problema(s) en las respuestas; no se guardó nada:"
    ),
    "this laptop is not enrolled: run 'clinic sync enroll' first": (
        "esta computadora no está inscrita: ejecute primero 'clinic sync enroll'"
    ),
    "the server at {server} cannot be reached ({kind}); everything stays queued on this laptop": (
        "no se puede conectar con el servidor {server} ({kind}); todo queda en espera en esta "
        "computadora"
    ),
    "the server refused ({status}): {detail}": "el servidor rechazó ({status}): {detail}",
    "internal error ({kind})": "error interno ({kind})",
    "nothing was changed by the failed step": "el paso fallido no cambió nada",
    "wrong user name or passphrase": "usuario o frase de contraseña incorrectos",
    "user {name} is disabled": "el usuario {name} está desactivado",
    "user {name} already exists": "el usuario {name} ya existe",
    "you cannot disable yourself": "no puede desactivarse a sí mismo",
    "the last admin cannot be disabled": "no se puede desactivar al último administrador",
    # problems with an answer (clinic/domain/answers.py), shown under its box
    "must contain letters": "debe contener letras",
    "must contain only letters, spaces, hyphens, apostrophes and periods": "solo puede contener letras, espacios, guiones, apóstrofos y puntos",
    "must be a date written as text (YYYY-MM-DD)": "debe ser una fecha escrita como texto (AAAA-MM-DD)",
    "not a real date (expected YYYY-MM-DD)": "no es una fecha real (se espera AAAA-MM-DD)",
    "must be true or false": "debe ser sí o no",
    "write thousands without dots (32000 or 32,000), and cents after a dot (32000.50)": (
        "escriba los miles sin puntos (32000 o 32,000) y los centavos después de un punto (32000.50)"
    ),
    "must be a number": "debe ser un número",
    "must be a finite number": "debe ser un número finito",
    "must be a whole number": "debe ser un número entero",
    "must be between {low} and {high}": "debe estar entre {low} y {high}",
    "must be at least {low}": "debe ser al menos {low}",
    "must be at most {high}": "debe ser como máximo {high}",
    "too long (at most {n} characters)": "demasiado largo (como máximo {n} caracteres)",
    "not a U.S. state, DC, territory or military code (2 letters, e.g. CA)": "no es un estado de EE. UU., DC, territorio o código militar (2 letras, p. ej., CA)",
    "not a ZIP code (expected 12345 or 12345-6789)": "no es un código postal (se espera 12345 o 12345-6789)",
    "not a 10-digit U.S. phone number": "no es un número de teléfono de EE. UU. de 10 dígitos",
    "not an email address": "no es una dirección de correo electrónico",
    "not a Social Security number (expected 123-45-6789 or 9 digits)": "no es un número de Seguro Social (se espera 123-45-6789 o 9 dígitos)",
    "not an A-Number (expected 7 to 9 digits, optionally starting with A)": "no es un número A (se esperan de 7 a 9 dígitos, con A al inicio si se desea)",
    "not a USCIS online account number (expected 12 digits)": "no es un número de cuenta en línea de USCIS (se esperan 12 dígitos)",
    "{where}: {problem}": "{where}: {problem}",
    "row {row}: {problem}": "fila {row}: {problem}",
    "row {row}, {column}: {problem}": "fila {row}, {column}: {problem}",
    "is after today ({day})": "es posterior a hoy ({day})",
    "not in English letters: write an English version": "no está en letras del inglés: escriba una versión en inglés",
    "reads as Spanish, not English: write an English version": "está en español, no en inglés: escriba una versión en inglés",
    'is the country\'s name in another language: the forms take English ("{english}")': 'es el nombre del país en otro idioma: los formularios lo piden en inglés ("{english}")',
    "{form} {item} ({where}): {reason}": "{form} {item} ({where}): {reason}",
    "{n} value(s) the forms cannot take; no packet was written:": "{n} valor(es) que los formularios no admiten; no se generó ningún paquete:",
}
