<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add a user</source>
        <translation>Agregar un usuario</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <source>&amp;Passphrase (12 characters or more):</source>
        <translation>&amp;Frase de contraseña (12 caracteres o más):</translation>
    </message>
    <message>
        <source>The passphrase &amp;again:</source>
        <translation>La frase de contraseña otra &amp;vez:</translation>
    </message>
    <message>
        <source>They can change it after they first sign in.</source>
        <translation>Puede cambiarla después de iniciar sesión por primera vez.</translation>
    </message>
    <message>
        <source>Write the user name.</source>
        <translation>Escriba el nombre de usuario.</translation>
    </message>
    <message>
        <source>The two passphrases differ: type it again.</source>
        <translation>Las dos frases de contraseña no coinciden: escríbala otra vez.</translation>
    </message>
</context>
<context>
    <name>AutomapReview</name>
    <message>
        <source>Check the drafted form pack</source>
        <translation>Revisar el borrador de plantilla</translation>
    </message>
    <message>
        <source>%1 for %2: %3. Check every line against the PDF (each field&apos;s item on the form and the answer it takes); edit the file %4 if a line is wrong, then confirm. Packets use this pack only after you confirm.</source>
        <translation>%1 para %2: %3. Compare cada línea con el PDF (el elemento del formulario que corresponde a cada campo y la respuesta que lleva); si una línea está mal, edite el archivo %4 y luego confirme. Los paquetes usan esta plantilla solo después de que usted la confirme.</translation>
    </message>
    <message>
        <source>I &amp;checked every line against the PDF</source>
        <translation>Co&amp;mprobé cada línea con el PDF</translation>
    </message>
    <message>
        <source>C&amp;onfirm and install</source>
        <translation>C&amp;onfirmar e instalar</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <source>Search: name, A-Number, birth date, or family name and birth date</source>
        <translation>Buscar: nombre, número A, fecha de nacimiento, o apellido y fecha de nacimiento</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>B&amp;uscar</translation>
    </message>
    <message>
        <source>&amp;Every day</source>
        <translation>&amp;Todos los días</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>&amp;New person…</source>
        <translation>&amp;Nueva persona…</translation>
    </message>
    <message>
        <source>Ne&amp;xt person</source>
        <translation>Siguiente perso&amp;na</translation>
    </message>
    <message>
        <source>Open the person who has waited longest (check-in, then screening, then forms)</source>
        <translation>Abre a la persona que ha esperado más (registro, luego evaluación, luego formularios)</translation>
    </message>
    <message>
        <source>Log an &amp;inquiry…</source>
        <translation>Anotar una con&amp;sulta…</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Name, A-Number or birth date</source>
        <translation>Nombre, número A o fecha de nacimiento</translation>
    </message>
    <message>
        <source>Under each name: when they arrived · minutes since their last step · who took it. Open a person with Enter or a double-click. ↩ marks a packet an attorney returned with comments; ⚠ marks answers edited on two laptops at once; ≈ marks someone who may also be checked in on another laptop.</source>
        <translation>Bajo cada nombre: hora de llegada · minutos desde su último paso · quién lo dio. Abra a una persona con Enter o con doble clic. ↩ indica un paquete que un abogado devolvió con comentarios; ⚠ indica respuestas editadas en dos computadoras a la vez; ≈ indica a alguien que quizá también esté registrado en otra computadora.</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>Evaluación</translation>
    </message>
    <message>
        <source>Forms</source>
        <translation>Formularios</translation>
    </message>
    <message>
        <source>Attorney review</source>
        <translation>Revisión del abogado</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>Returned by the attorney: read the comments</source>
        <translation>Devuelto por el abogado: lea los comentarios</translation>
    </message>
    <message>
        <source>May be the same person as someone on another laptop</source>
        <translation>Puede ser la misma persona que alguien de otra computadora</translation>
    </message>
    <message>
        <source>Records that cannot be opened: %1</source>
        <translation>Registros que no se pueden abrir: %1</translation>
    </message>
    <message>
        <source>Nobody matches that search.</source>
        <translation>Nadie coincide con esa búsqueda.</translation>
    </message>
    <message>
        <source>Inquiry counted.</source>
        <translation>Se contabilizó la consulta.</translation>
    </message>
    <message>
        <source>same A-Number</source>
        <translation>mismo número A</translation>
    </message>
    <message>
        <source>same SSN</source>
        <translation>mismo número de Seguro Social</translation>
    </message>
    <message>
        <source>same family name and birth date</source>
        <translation>mismo apellido y fecha de nacimiento</translation>
    </message>
    <message>
        <source>This may be someone already here</source>
        <translation>Puede que esta persona ya esté aquí</translation>
    </message>
    <message>
        <source>This person looks like someone already in this clinic:
%1</source>
        <translation>Esta persona se parece a alguien que ya está en esta clínica:
%1</translation>
    </message>
    <message>
        <source>Open the existing person</source>
        <translation>Abrir la persona existente</translation>
    </message>
    <message>
        <source>Check in as a new person</source>
        <translation>Registrar como persona nueva</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Check this laptop&apos;s data</source>
        <translation>Revisar los datos de esta computadora</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>Revisar &amp;otra vez</translation>
    </message>
    <message>
        <source>The check changed nothing. Tell your coordinator before going on, and do not delete or copy over the clinic&apos;s folder: the records that are intact can still be exported.</source>
        <translation>La revisión no cambió nada. Avise a su coordinador antes de seguir, y no borre ni sobrescriba la carpeta de la clínica: los registros intactos todavía se pueden exportar.</translation>
    </message>
    <message>
        <source>Checking the database, every record and the audit log on this laptop…</source>
        <translation>Revisando la base de datos, cada registro y el registro de auditoría de esta computadora…</translation>
    </message>
    <message>
        <source>All checks passed: the database, every record and the audit log on this laptop are intact.</source>
        <translation>Todas las revisiones pasaron: la base de datos, cada registro y el registro de auditoría de esta computadora están intactos.</translation>
    </message>
    <message>
        <source>The check found %1 problem(s) in this laptop&apos;s data:</source>
        <translation>La revisión encontró %1 problema(s) en los datos de esta computadora:</translation>
    </message>
    <message>
        <source>The check could not run: %1</source>
        <translation>La revisión no se pudo hacer: %1</translation>
    </message>
</context>
<context>
    <name>ClinicWindow</name>
    <message>
        <source>ClinicDay</source>
        <translation>ClinicDay</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <source>Lock now and drop the keys (Ctrl+L)</source>
        <translation>Bloquear ahora y borrar las claves de cifrado (Ctrl+L)</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Bloquear ahora</translation>
    </message>
    <message>
        <source>&amp;Quit ClinicDay</source>
        <translation>&amp;Salir de ClinicDay</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Cuenta</translation>
    </message>
    <message>
        <source>&amp;Change my passphrase…</source>
        <translation>&amp;Cambiar mi frase de contraseña…</translation>
    </message>
    <message>
        <source>My &amp;profile…</source>
        <translation>Mi &amp;perfil…</translation>
    </message>
    <message>
        <source>&amp;Reset a user&apos;s passphrase…</source>
        <translation>&amp;Restablecer la frase de contraseña de un usuario…</translation>
    </message>
    <message>
        <source>T&amp;ools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <source>&amp;Check this laptop&apos;s data…</source>
        <translation>&amp;Revisar los datos de esta computadora…</translation>
    </message>
    <message>
        <source>%1 (%2) at %3</source>
        <translation>%1 (%2) en %3</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Hoy</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>&amp;Persona</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Revisión</translation>
    </message>
    <message>
        <source>&amp;Counts</source>
        <translation>&amp;Conteos</translation>
    </message>
    <message>
        <source>Settin&amp;gs</source>
        <translation>Con&amp;figuración</translation>
    </message>
    <message>
        <source>Building the demo clinic (made-up people)…</source>
        <translation>Creando la clínica de demostración (personas ficticias)…</translation>
    </message>
    <message>
        <source>Signed in. The data on this laptop is encrypted.</source>
        <translation>Sesión iniciada. Los datos de esta computadora están cifrados.</translation>
    </message>
    <message>
        <source>Locked. The keys were dropped.</source>
        <translation>Bloqueado. Se borraron las claves de cifrado.</translation>
    </message>
</context>
<context>
    <name>CountsPage</name>
    <message>
        <source>Informed (inquiries)</source>
        <translation>Informados (consultas)</translation>
    </message>
    <message>
        <source>Screened</source>
        <translation>Evaluados</translation>
    </message>
    <message>
        <source>Referred to an attorney</source>
        <translation>Remitidos a un abogado</translation>
    </message>
    <message>
        <source>Packets prepared</source>
        <translation>Paquetes preparados</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>H&amp;asta:</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Sede</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Voluntario</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>Exportar C&amp;SV…</translation>
    </message>
    <message>
        <source>Other staff</source>
        <translation>Otro personal</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(no registrado)</translation>
    </message>
    <message>
        <source>&amp;By:</source>
        <translation>Agrupar p&amp;or:</translation>
    </message>
    <message>
        <source>People served</source>
        <translation>Personas atendidas</translation>
    </message>
    <message>
        <source>Packets returned by an attorney</source>
        <translation>Paquetes devueltos por un abogado</translation>
    </message>
    <message>
        <source>Packets approved</source>
        <translation>Paquetes aprobados</translation>
    </message>
    <message>
        <source>Records closed</source>
        <translation>Expedientes cerrados</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Mostrar</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>E&amp;xportar PDF…</translation>
    </message>
    <message>
        <source>Export X&amp;LSX…</source>
        <translation>Exportar X&amp;LSX…</translation>
    </message>
    <message>
        <source>Counts come from de-identified tallies: no names, numbers or answers. Each person counts once per count.</source>
        <translation>Los conteos provienen de registros sin datos de identificación: sin nombres, números ni respuestas. Cada persona se cuenta una sola vez en cada conteo.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>La fecha final es anterior a la fecha inicial.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Volunteers&apos; work only: returns and approvals are attorneys&apos; work, counted in the total. Check-ins and screenings by attorneys, coordinators and admins are one row, Other staff. A person two of them worked with counts in each of their rows and once in the total, so the rows can add up to more.</source>
        <translation>Solo el trabajo de los voluntarios: las devoluciones y aprobaciones son trabajo de los abogados y se cuentan en el total. Los registros y evaluaciones de abogados, coordinadores y administradores son una fila, Otro personal. Una persona atendida por dos de ellos cuenta en la fila de cada uno y una vez en el total, así que las filas pueden sumar más.</translation>
    </message>
    <message>
        <source>Show the counts first.</source>
        <translation>Primero muestre los conteos.</translation>
    </message>
    <message>
        <source>Export the counts</source>
        <translation>Exportar los conteos</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>Se guardó %1</translation>
    </message>
</context>
<context>
    <name>EditAnswerDialog</name>
    <message>
        <source>Change an answer</source>
        <translation>Cambiar una respuesta</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
</context>
<context>
    <name>Inquiries</name>
    <message>
        <source>Renewing DACA</source>
        <translation>Renovación de DACA</translation>
    </message>
    <message>
        <source>A first (initial) request</source>
        <translation>Primera solicitud (inicial)</translation>
    </message>
    <message>
        <source>Travel and advance parole</source>
        <translation>Viajes y permiso adelantado (advance parole)</translation>
    </message>
    <message>
        <source>The work permit</source>
        <translation>Permiso de trabajo</translation>
    </message>
    <message>
        <source>Fees and fee help</source>
        <translation>Tarifas y ayuda con las tarifas</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>Otro tema</translation>
    </message>
    <message>
        <source>Inquiry (no name kept) · %1</source>
        <translation>Consulta (sin guardar el nombre) · %1</translation>
    </message>
</context>
<context>
    <name>InquiryDialog</name>
    <message>
        <source>Log an inquiry</source>
        <translation>Anotar una consulta</translation>
    </message>
    <message>
        <source>For someone who asked a question and was informed, without screening. Only the language and the topic are kept, for the day&apos;s counts.</source>
        <translation>Para alguien que hizo una pregunta y recibió información, sin evaluación. Solo se guardan el idioma y el tema, para los conteos del día.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation>&amp;Tema:</translation>
    </message>
</context>
<context>
    <name>InterviewPage</name>
    <message>
        <source>Client&apos;s lang&amp;uage:</source>
        <translation>&amp;Idioma del cliente:</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Anterior</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Siguiente</translation>
    </message>
    <message>
        <source>&amp;Finish screening</source>
        <translation>&amp;Terminar la evaluación</translation>
    </message>
    <message>
        <source>Save and &amp;close</source>
        <translation>&amp;Guardar y cerrar</translation>
    </message>
    <message>
        <source>Screening so far (updates as you type)</source>
        <translation>Evaluación hasta ahora (se actualiza mientras escribe)</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Página anterior</translation>
    </message>
    <message>
        <source>Store this page and go to the next</source>
        <translation>Guardar esta página e ir a la siguiente</translation>
    </message>
    <message>
        <source>A user of this clinic (%1), or a name</source>
        <translation>Un usuario de esta clínica (%1) o un nombre</translation>
    </message>
    <message>
        <source>%v of %m required answers</source>
        <translation>%v de %m respuestas obligatorias</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Saved (encrypted)</source>
        <translation>Guardado (cifrado)</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>No se guardó: %1</translation>
    </message>
    <message>
        <source>An address does not fit the forms: see the box marked in red.</source>
        <translation>Una dirección no cabe en los formularios: vea la casilla marcada en rojo.</translation>
    </message>
    <message>
        <source>Fix the answers marked in red first (%1).</source>
        <translation>Primero corrija las respuestas marcadas en rojo (%1).</translation>
    </message>
    <message>
        <source>Left unanswered (required): %1</source>
        <translation>Sin responder (obligatoria): %1</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… y %1 más</translation>
    </message>
    <message>
        <source>Required answers missing</source>
        <translation>Faltan respuestas obligatorias</translation>
    </message>
    <message>
        <source>1 required answer is missing:</source>
        <translation>Falta 1 respuesta obligatoria:</translation>
    </message>
    <message>
        <source>%1 required answers are missing:</source>
        <translation>Faltan %1 respuestas obligatorias:</translation>
    </message>
    <message>
        <source>Screening without them says the person needs attorney review until they are answered.</source>
        <translation>Sin ellas, la evaluación indica que la persona necesita revisión de un abogado hasta que se respondan.</translation>
    </message>
    <message>
        <source>&amp;Go to the first</source>
        <translation>&amp;Ir a la primera</translation>
    </message>
    <message>
        <source>&amp;Finish anyway</source>
        <translation>&amp;Terminar de todos modos</translation>
    </message>
</context>
<context>
    <name>NewPersonDialog</name>
    <message>
        <source>Check a person in</source>
        <translation>Registrar a una persona</translation>
    </message>
    <message>
        <source>&amp;Family name:</source>
        <translation>&amp;Apellido:</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>Nom&amp;bre:</translation>
    </message>
    <message>
        <source>Name in &amp;native script:</source>
        <translation>Nombre en &amp;escritura original:</translation>
    </message>
    <message>
        <source>&amp;Birth date:</source>
        <translation>&amp;Fecha de nacimiento:</translation>
    </message>
    <message>
        <source>&amp;Language spoken:</source>
        <translation>&amp;Idioma que habla:</translation>
    </message>
    <message>
        <source>&amp;A-Number (if any):</source>
        <translation>&amp;Número A (si tiene):</translation>
    </message>
    <message>
        <source>%1: is after today</source>
        <translation>%1: es posterior a hoy</translation>
    </message>
    <message>
        <source>%1: is before 1900</source>
        <translation>%1: es anterior a 1900</translation>
    </message>
    <message>
        <source>%1: needed to check a person in</source>
        <translation>%1: se necesita para registrar a la persona</translation>
    </message>
</context>
<context>
    <name>OsEdge</name>
    <message>
        <source>Look in:</source>
        <translation>Buscar en:</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>Nombre del archivo:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Tipo de archivo:</translation>
    </message>
</context>
<context>
    <name>PacketViewer</name>
    <message>
        <source>Fit width</source>
        <translation>Ajustar al ancho</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>No packet yet.</source>
        <translation>Todavía no hay paquete.</translation>
    </message>
    <message>
        <source>Packet %1: approved by an attorney and locked.</source>
        <translation>Paquete %1: aprobado por un abogado y bloqueado.</translation>
    </message>
    <message>
        <source>Packet %1 was approved, then an answer changed: the approval no longer holds and every page is marked DRAFT. Build the packet again for the attorney.</source>
        <translation>El paquete %1 fue aprobado y luego cambió una respuesta: la aprobación ya no vale y cada página lleva la marca DRAFT. Genere el paquete de nuevo para el abogado.</translation>
    </message>
    <message>
        <source>Packet %1: DRAFT until an attorney approves it (every page is marked).</source>
        <translation>Paquete %1: es un BORRADOR hasta que un abogado lo apruebe (cada página lleva la marca “DRAFT”).</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Change my passphrase</source>
        <translation>Cambiar mi frase de contraseña</translation>
    </message>
    <message>
        <source>Reset a passphrase</source>
        <translation>Restablecer una frase de contraseña</translation>
    </message>
    <message>
        <source>Your passphrase unlocks this laptop&apos;s records for you. Choose one of 12 characters or more that nobody could guess; the records are not changed.</source>
        <translation>Su frase de contraseña abre para usted los registros de esta computadora. Elija una de 12 caracteres o más que nadie pueda adivinar; los registros no cambian.</translation>
    </message>
    <message>
        <source>%1 will sign in with the new passphrase; tell it to them in person. A disabled user is enabled again. To confirm that it is you, give your own passphrase.</source>
        <translation>%1 iniciará sesión con la nueva frase de contraseña; dígasela en persona. Un usuario desactivado vuelve a estar activo. Para confirmar que es usted, escriba su propia frase de contraseña.</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>&amp;Para:</translation>
    </message>
    <message>
        <source>me (%1)</source>
        <translation>yo (%1)</translation>
    </message>
    <message>
        <source>&amp;Your current passphrase:</source>
        <translation>Su frase de contraseña &amp;actual:</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>&amp;Nueva frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;New passphrase for %1:</source>
        <translation>&amp;Nueva frase de contraseña para %1:</translation>
    </message>
    <message>
        <source>New passphrase a&amp;gain:</source>
        <translation>Nueva frase de contraseña otra &amp;vez:</translation>
    </message>
    <message>
        <source>Change &amp;passphrase</source>
        <translation>Cambiar la &amp;frase de contraseña</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <source>Give your current passphrase.</source>
        <translation>Escriba su frase de contraseña actual.</translation>
    </message>
    <message>
        <source>The two new passphrases differ. Type the new one twice, the same.</source>
        <translation>Las dos frases nuevas no coinciden. Escriba la nueva dos veces, igual.</translation>
    </message>
    <message>
        <source>Checking your current passphrase…</source>
        <translation>Comprobando su frase de contraseña actual…</translation>
    </message>
    <message>
        <source>Your passphrase is changed. Sign in with the new one from now on.</source>
        <translation>Su frase de contraseña cambió. Desde ahora inicie sesión con la nueva.</translation>
    </message>
    <message>
        <source>The passphrase of %1 is changed. They sign in with the new one from now on.</source>
        <translation>La frase de contraseña de %1 cambió. Desde ahora inicia sesión con la nueva.</translation>
    </message>
    <message>
        <source>Your current passphrase was not accepted (%1). Nothing was changed.</source>
        <translation>Su frase de contraseña actual no fue aceptada (%1). No se cambió nada.</translation>
    </message>
    <message>
        <source>The passphrase was not changed: %1.</source>
        <translation>La frase de contraseña no se cambió: %1.</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>My profile</source>
        <translation>Mi perfil</translation>
    </message>
    <message>
        <source>The packets you build name you as their preparer (I-821D Part 7, I-765 Part 5) with these details; so do the interpreter&apos;s parts when an interview names you as the interpreter. Attorneys: add your bar number (the G-28).</source>
        <translation>Los paquetes que usted prepara lo nombran como preparador (I-821D Parte 7, I-765 Parte 5) con estos datos; también las partes del intérprete cuando una entrevista lo nombra intérprete. Abogados: agreguen su número de colegiatura (el G-28).</translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation>&amp;Apellido</translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Organization</source>
        <translation>&amp;Organización</translation>
    </message>
    <message>
        <source>&amp;Street number and name</source>
        <translation>&amp;Número y nombre de la calle</translation>
    </message>
    <message>
        <source>Apt., ste. or flr. &amp;number</source>
        <translation>Número de apt., suite o &amp;piso</translation>
    </message>
    <message>
        <source>&amp;City or town</source>
        <translation>&amp;Ciudad o pueblo</translation>
    </message>
    <message>
        <source>S&amp;tate</source>
        <translation>Es&amp;tado</translation>
    </message>
    <message>
        <source>&amp;ZIP code</source>
        <translation>Código postal (&amp;ZIP)</translation>
    </message>
    <message>
        <source>&amp;Daytime phone</source>
        <translation>Teléfono de &amp;día</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>Correo &amp;electrónico</translation>
    </message>
    <message>
        <source>&amp;Bar number (attorneys)</source>
        <translation>Número de colegiado (a&amp;bogados)</translation>
    </message>
    <message>
        <source>State of the &amp;bar</source>
        <translation>Estado del cole&amp;gio de abogados</translation>
    </message>
    <message>
        <source>&amp;Unit type</source>
        <translation>&amp;Tipo de unidad</translation>
    </message>
    <message>
        <source>Apt. (apartment)</source>
        <translation>Apt. (apartamento)</translation>
    </message>
    <message>
        <source>Ste. (suite)</source>
        <translation>Ste. (oficina)</translation>
    </message>
    <message>
        <source>Flr. (floor)</source>
        <translation>Flr. (piso)</translation>
    </message>
    <message>
        <source>Your profile is saved.</source>
        <translation>Su perfil está guardado.</translation>
    </message>
</context>
<context>
    <name>QuestionBox</name>
    <message>
        <source>Write the answer in English: it goes on the USCIS forms.</source>
        <translation>Escriba la respuesta en inglés: va en los formularios de USCIS.</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>&amp;Interview…</source>
        <translation>&amp;Entrevista…</translation>
    </message>
    <message>
        <source>Copy A-Number</source>
        <translation>Copiar número A</translation>
    </message>
    <message>
        <source>Copy SSN</source>
        <translation>Copiar número de Seguro Social</translation>
    </message>
    <message>
        <source>Copied as a secret; the clipboard is cleared after 30 seconds</source>
        <translation>Se copia como dato confidencial; el portapapeles se borra después de 30 segundos</translation>
    </message>
    <message>
        <source>&amp;Build packet</source>
        <translation>&amp;Generar paquete</translation>
    </message>
    <message>
        <source>E&amp;xport to a folder…</source>
        <translation>E&amp;xportar a una carpeta…</translation>
    </message>
    <message>
        <source>Pri&amp;nt…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>No comments.</source>
        <translation>No hay comentarios.</translation>
    </message>
    <message>
        <source>(with the comments above)</source>
        <translation>(con los comentarios de arriba)</translation>
    </message>
    <message>
        <source>Screen a&amp;gain</source>
        <translation>Evaluar de &amp;nuevo</translation>
    </message>
    <message>
        <source>Screen the stored answers again as of today (after an answer changed)</source>
        <translation>Evaluar de nuevo las respuestas guardadas con fecha de hoy (después de cambiar una respuesta)</translation>
    </message>
    <message>
        <source>Show numbers</source>
        <translation>Mostrar números</translation>
    </message>
    <message>
        <source>SSN and A-Number show their last four digits; this shows them in full for this person (recorded in the audit log)</source>
        <translation>El SSN y el A-Number muestran sus últimos cuatro dígitos; esto los muestra completos para esta persona (queda en el registro de auditoría)</translation>
    </message>
    <message>
        <source>No one is open. Open a person from Today (double-click their name).</source>
        <translation>No hay nadie abierto. Abra a una persona desde Hoy (doble clic en su nombre).</translation>
    </message>
    <message>
        <source>Fees &amp;paid by:</source>
        <translation>Tarifas &amp;pagadas con:</translation>
    </message>
    <message>
        <source>Card (Form G-1450)</source>
        <translation>Tarjeta (Formulario G-1450)</translation>
    </message>
    <message>
        <source>Bank debit (Form G-1650)</source>
        <translation>Débito bancario (Formulario G-1650)</translation>
    </message>
    <message>
        <source>How USCIS takes each fee of a paper filing: one payment form per fee</source>
        <translation>Cómo acepta USCIS cada tarifa de una solicitud en papel: un formulario de pago por tarifa</translation>
    </message>
    <message>
        <source>Attorney of &amp;record:</source>
        <translation>Abogado de &amp;registro:</translation>
    </message>
    <message>
        <source>None (no G-28)</source>
        <translation>Ninguno (sin G-28)</translation>
    </message>
    <message>
        <source>The clinic&apos;s attorney who represents this person: the packet leads with their Form G-28, and only they approve it</source>
        <translation>El abogado de la clínica que representa a esta persona: el paquete empieza con su Formulario G-28 y solo él o ella lo aprueba</translation>
    </message>
    <message>
        <source>Print every file of the packet</source>
        <translation>Imprimir todos los archivos del paquete</translation>
    </message>
    <message>
        <source>Print ta&amp;ke-home sheet…</source>
        <translation>Imprimir la &amp;hoja para el cliente…</translation>
    </message>
    <message>
        <source>Print the client&apos;s take-home sheet alone, in their language: what was prepared, fees, where to mail, what comes next (no SSN, no A-Number)</source>
        <translation>Imprimir solo la hoja que el cliente se lleva, en su idioma: lo que se preparó, las tarifas, adónde enviarlo, lo que sigue (sin SSN ni número A)</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>Evaluación</translation>
    </message>
    <message>
        <source>Packet</source>
        <translation>Paquete</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Comentarios</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Enter or double-click an answer to change it</source>
        <translation>Para cambiar una respuesta, presione Enter o haga doble clic en ella</translation>
    </message>
    <message>
        <source>Inquiry (no name kept)</source>
        <translation>Consulta (sin guardar el nombre)</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(todavía sin nombre)</translation>
    </message>
    <message>
        <source>The approved packet is locked: change an answer to build a new one.</source>
        <translation>El paquete aprobado está bloqueado: cambie una respuesta para preparar uno nuevo.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Not screened yet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Todavía no se ha hecho la evaluación.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>At intake: interview in progress</source>
        <translation>En admisión: entrevista en curso</translation>
    </message>
    <message>
        <source>Screened: ready for forms</source>
        <translation>Evaluado: listo para los formularios</translation>
    </message>
    <message>
        <source>Packet awaiting attorney review</source>
        <translation>Paquete en espera de revisión del abogado</translation>
    </message>
    <message>
        <source>Returned by the attorney: read the comments, fix, rebuild</source>
        <translation>Devuelto por el abogado: lea los comentarios, corrija y vuelva a generar el paquete</translation>
    </message>
    <message>
        <source>Packet approved and locked</source>
        <translation>Paquete aprobado y bloqueado</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Inquiry only</source>
        <translation>Solo pidió información</translation>
    </message>
    <message>
        <source>Screened, with %1 required answer(s) missing: finish the interview before the forms (Interview…)</source>
        <translation>Evaluado, con %1 respuesta(s) obligatoria(s) sin contestar: termine la entrevista antes de los formularios (Entrevista…)</translation>
    </message>
    <message>
        <source>Answers changed after the attorney approved the packet: the approval no longer holds. Screen again if asked, then build the packet again (it goes back to the attorney)</source>
        <translation>Las respuestas cambiaron después de que el abogado aprobó el paquete: la aprobación ya no vale. Evalúe de nuevo si se le pide y genere el paquete otra vez (vuelve al abogado)</translation>
    </message>
    <message>
        <source>Answers changed after the packet was built and were screened again: build the packet again (it then goes to the attorney)</source>
        <translation>Las respuestas cambiaron después de preparar el paquete y se evaluaron de nuevo: prepare el paquete de nuevo (luego pasa al abogado)</translation>
    </message>
    <message>
        <source>Answers changed after the packet was built: screen again, then build the packet again (it then goes to the attorney)</source>
        <translation>Las respuestas cambiaron después de preparar el paquete: evalúe de nuevo y luego prepare el paquete de nuevo (luego pasa al abogado)</translation>
    </message>
    <message>
        <source> · an unfinished interview draft is saved</source>
        <translation> · hay un borrador de entrevista sin terminar guardado</translation>
    </message>
    <message>
        <source> · may be the same person as someone on another laptop (%1)</source>
        <translation> · puede ser la misma persona que alguien de otra computadora (%1)</translation>
    </message>
    <message>
        <source> · %1 answer(s) edited on two laptops at once: choose which value to keep</source>
        <translation> · %1 respuesta(s) editada(s) en dos computadoras a la vez: elija qué valor conservar</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <source>Answers saved</source>
        <translation>Respuestas guardadas</translation>
    </message>
    <message>
        <source>Screened</source>
        <translation>Evaluado</translation>
    </message>
    <message>
        <source>Packet built</source>
        <translation>Paquete preparado</translation>
    </message>
    <message>
        <source>Attorney&apos;s comment</source>
        <translation>Comentario del abogado</translation>
    </message>
    <message>
        <source>Returned by the attorney</source>
        <translation>Devuelto por el abogado</translation>
    </message>
    <message>
        <source>Approved by the attorney</source>
        <translation>Aprobado por el abogado</translation>
    </message>
    <message>
        <source>Inquiry</source>
        <translation>Consulta</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>y %1 más</translation>
    </message>
    <message>
        <source>packet %1, %2 files</source>
        <translation>paquete %1, %2 archivos</translation>
    </message>
    <message>
        <source>packet %1</source>
        <translation>paquete %1</translation>
    </message>
    <message>
        <source>Change an approved packet?</source>
        <translation>¿Cambiar un paquete aprobado?</translation>
    </message>
    <message>
        <source>An attorney approved this person&apos;s packet. Changing an answer undoes the approval: the packet is built again and goes back to the attorney.</source>
        <translation>Un abogado aprobó el paquete de esta persona. Cambiar una respuesta anula la aprobación: el paquete se genera de nuevo y vuelve al abogado.</translation>
    </message>
    <message>
        <source>&amp;Change anyway</source>
        <translation>&amp;Cambiar de todos modos</translation>
    </message>
    <message>
        <source>Hide numbers</source>
        <translation>Ocultar números</translation>
    </message>
    <message>
        <source>Two laptops changed this answer</source>
        <translation>Dos computadoras cambiaron esta respuesta</translation>
    </message>
    <message>
        <source>Keep which value?</source>
        <translation>¿Qué valor desea conservar?</translation>
    </message>
    <message>
        <source>Screened again as of today: see the Screening tab.</source>
        <translation>Evaluado de nuevo con fecha de hoy: vea la pestaña Evaluación.</translation>
    </message>
    <message>
        <source>The packet was not built: the answers changed since the last screening. Click Screen again (above), then Build packet.</source>
        <translation>No se generó el paquete: las respuestas cambiaron desde la última evaluación. Haga clic en Evaluar de nuevo (arriba) y luego en Generar paquete.</translation>
    </message>
    <message>
        <source>Nothing changed since the approval: this is the approved packet.</source>
        <translation>Nada cambió desde la aprobación: este es el paquete aprobado.</translation>
    </message>
    <message>
        <source>%1 required answer(s) are missing: the forms have blanks there, for the attorney to see.</source>
        <translation>Faltan %1 respuesta(s) obligatoria(s): los formularios quedan en blanco allí, para que el abogado lo vea.</translation>
    </message>
    <message>
        <source>The answers changed after this packet was built: build it again</source>
        <translation>Las respuestas cambiaron después de preparar este paquete: prepárelo de nuevo</translation>
    </message>
    <message>
        <source>Print the whole packet (%1 files, every page)</source>
        <translation>Imprimir el paquete completo (%1 archivos, todas las páginas)</translation>
    </message>
    <message>
        <source>Printing: sending the pages to the printer…</source>
        <translation>Imprimiendo: enviando las páginas a la impresora…</translation>
    </message>
    <message>
        <source>Nothing was printed: the printer could not be started.</source>
        <translation>No se imprimió nada: no se pudo iniciar la impresora.</translation>
    </message>
    <message>
        <source>Sent 1 page to the printer.</source>
        <translation>Se envió 1 página a la impresora.</translation>
    </message>
    <message>
        <source>Sent %1 pages to the printer.</source>
        <translation>Se enviaron %1 páginas a la impresora.</translation>
    </message>
    <message>
        <source>The take-home sheet is in English: ClinicDay has none in %1 yet, so go over it with the person (with an interpreter).</source>
        <translation>La hoja para el cliente está en inglés: ClinicDay aún no la tiene en %1; repásela con la persona (con un intérprete).</translation>
    </message>
    <message>
        <source>No clinic contact</source>
        <translation>Sin contacto de la clínica</translation>
    </message>
    <message>
        <source>The take-home sheet gives the client no way to reach the clinic: no contact is set in Settings. Print it anyway?</source>
        <translation>La hoja para el cliente no le da ninguna forma de comunicarse con la clínica: no hay un contacto en Configuración. ¿Imprimirla de todos modos?</translation>
    </message>
    <message>
        <source>Print the client&apos;s take-home sheet</source>
        <translation>Imprimir la hoja que el cliente se lleva</translation>
    </message>
    <message>
        <source>Sent the take-home sheet (1 page) to the printer.</source>
        <translation>Se envió la hoja para el cliente (1 página) a la impresora.</translation>
    </message>
    <message>
        <source>Sent the take-home sheet (%1 pages) to the printer.</source>
        <translation>Se envió la hoja para el cliente (%1 páginas) a la impresora.</translation>
    </message>
    <message>
        <source>It is in English: ClinicDay has no take-home sheet in %1 yet, so go over it with the person (with an interpreter).</source>
        <translation>Está en inglés: ClinicDay aún no tiene la hoja para el cliente en %1; repásela con la persona (con un intérprete).</translation>
    </message>
    <message>
        <source>The take-home sheet gives the preparer&apos;s own phone and e-mail (their profile) as the clinic&apos;s contact: a coordinator sets the clinic&apos;s contact in Settings.</source>
        <translation>La hoja para el cliente da el teléfono y el correo del preparador (su perfil) como contacto de la clínica: un coordinador pone el contacto de la clínica en Configuración.</translation>
    </message>
    <message>
        <source>The take-home sheet gives the client no way to reach the clinic: a coordinator sets the clinic&apos;s contact in Settings, then build the packet again.</source>
        <translation>La hoja para el cliente no le da ninguna forma de comunicarse con la clínica: pida a un coordinador que ponga el contacto de la clínica en Configuración y luego vuelva a preparar el paquete.</translation>
    </message>
    <message>
        <source>Folder to export the packet to</source>
        <translation>Carpeta a la que exportar el paquete</translation>
    </message>
    <message>
        <source>Wrote %1 files to %2 (the export is in the audit log). These files are not encrypted: hand them on, then delete them.</source>
        <translation>Se escribieron %1 archivos en %2 (la exportación queda en el registro de auditoría). Estos archivos no están cifrados: entréguelos y luego bórrelos.</translation>
    </message>
    <message>
        <source>conflict: %1</source>
        <translation>conflicto: %1</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Devolución</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Copied; the clipboard is cleared in 30 seconds.</source>
        <translation>Copiado; el portapapeles se borrará en 30 segundos.</translation>
    </message>
    <message>
        <source>Building the packet…</source>
        <translation>Generando el paquete…</translation>
    </message>
    <message>
        <source>Packet built and stored encrypted. An attorney reviews it next.</source>
        <translation>Paquete generado y guardado con cifrado. Ahora lo revisa un abogado.</translation>
    </message>
    <message>
        <source>The packet was not built: %1</source>
        <translation>No se generó el paquete: %1</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>A&amp;waiting review</source>
        <translation>Pe&amp;ndientes de revisión</translation>
    </message>
    <message>
        <source>&amp;Files in the packet</source>
        <translation>&amp;Archivos del paquete</translation>
    </message>
    <message>
        <source>Comment &amp;on:</source>
        <translation>Comentar &amp;sobre:</translation>
    </message>
    <message>
        <source>Co&amp;mment:</source>
        <translation>Co&amp;mentario:</translation>
    </message>
    <message>
        <source>Add comm&amp;ent</source>
        <translation>A&amp;gregar comentario</translation>
    </message>
    <message>
        <source>Ret&amp;urn to volunteer</source>
        <translation>&amp;Devolver al voluntario</translation>
    </message>
    <message>
        <source>Appro&amp;ve and lock</source>
        <translation>&amp;Aprobar y bloquear</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Only an attorney approves packets</source>
        <translation>Solo un abogado puede aprobar paquetes</translation>
    </message>
    <message>
        <source>Approval undone, answers changed after it (back here once the packet is built again):</source>
        <translation>Aprobación deshecha, las respuestas cambiaron después (vuelven aquí cuando se prepare el paquete de nuevo):</translation>
    </message>
    <message>
        <source>No packet is waiting for review.</source>
        <translation>No hay paquetes en espera de revisión.</translation>
    </message>
    <message>
        <source>1 packet awaiting review.</source>
        <translation>1 paquete en espera de revisión.</translation>
    </message>
    <message>
        <source>%1 packets awaiting review.</source>
        <translation>%1 paquetes en espera de revisión.</translation>
    </message>
    <message>
        <source>(the whole packet)</source>
        <translation>(todo el paquete)</translation>
    </message>
    <message>
        <source>(not answered)</source>
        <translation>(sin respuesta)</translation>
    </message>
    <message>
        <source>Changed since it was approved:</source>
        <translation>Cambios desde la aprobación:</translation>
    </message>
    <message>
        <source>Changed since it was returned:</source>
        <translation>Cambios desde que se devolvió:</translation>
    </message>
    <message>
        <source>No question is called &quot;%1&quot;: pick one from the list under Comment on, or choose (the whole packet).</source>
        <translation>Ninguna pregunta se llama &quot;%1&quot;: elija una de la lista de Comentar sobre, o elija (todo el paquete).</translation>
    </message>
    <message>
        <source>Approving locks this version of the packet and removes the DRAFT mark. Any later change to the answers means building it again and a new review.</source>
        <translation>Aprobar bloquea esta versión del paquete y quita la marca DRAFT. Cualquier cambio posterior en las respuestas obliga a prepararlo de nuevo y a una nueva revisión.</translation>
    </message>
    <message>
        <source>It leaves blank, for the filer to answer by hand before mailing: %1</source>
        <translation>Deja en blanco, para que quien presenta lo complete a mano antes de enviarlo: %1</translation>
    </message>
    <message>
        <source>Approve this packet?</source>
        <translation>¿Aprobar este paquete?</translation>
    </message>
    <message>
        <source>Write in Comment what the volunteer should fix, then Return.</source>
        <translation>Escriba en Comentario lo que el voluntario debe corregir y luego devuélvalo.</translation>
    </message>
    <message>
        <source>The packet goes back to the volunteer, who changes the answers and builds it again; it then comes back to you for review.</source>
        <translation>El paquete vuelve al voluntario, que cambia las respuestas y lo prepara de nuevo; luego vuelve a usted para revisión.</translation>
    </message>
    <message>
        <source>Your comment goes with it: %1</source>
        <translation>Su comentario va con él: %1</translation>
    </message>
    <message>
        <source>Your comments above, made since the last return, go with it.</source>
        <translation>Sus comentarios de arriba, hechos desde la última devolución, van con él.</translation>
    </message>
    <message>
        <source>Return it to the volunteer now?</source>
        <translation>¿Devolverlo al voluntario ahora?</translation>
    </message>
    <message>
        <source>Return this packet?</source>
        <translation>¿Devolver este paquete?</translation>
    </message>
    <message>
        <source>Comment recorded.</source>
        <translation>Comentario registrado.</translation>
    </message>
    <message>
        <source>Returned to the volunteer with your comment.</source>
        <translation>Se devolvió al voluntario con su comentario.</translation>
    </message>
    <message>
        <source>Approved: this packet version is locked.</source>
        <translation>Aprobado: esta versión del paquete está bloqueada.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>volunteer</source>
        <translation>voluntario</translation>
    </message>
    <message>
        <source>attorney</source>
        <translation>abogado</translation>
    </message>
    <message>
        <source>coordinator</source>
        <translation>coordinador</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrador</translation>
    </message>
</context>
<context>
    <name>SecretEditor</name>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Show the whole number (the audit log records it)</source>
        <translation>Mostrar el número completo (queda en el registro de auditoría)</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
    <message>
        <source>Show only the last four digits again</source>
        <translation>Mostrar de nuevo solo los últimos cuatro dígitos</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>This clinic</source>
        <translation>Esta clínica</translation>
    </message>
    <message>
        <source>Contact for clie&amp;nts:</source>
        <translation>Contacto para los clie&amp;ntes:</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>&amp;Agregar usuario…</translation>
    </message>
    <message>
        <source>&amp;Disable selected</source>
        <translation>&amp;Desactivar el seleccionado</translation>
    </message>
    <message>
        <source>Installed USCIS forms</source>
        <translation>Formularios de USCIS instalados</translation>
    </message>
    <message>
        <source>&amp;Install PDFs…</source>
        <translation>I&amp;nstalar PDF…</translation>
    </message>
    <message>
        <source>&amp;Verify a PDF…</source>
        <translation>&amp;Verificar un PDF…</translation>
    </message>
    <message>
        <source>Draft a pack for a new &amp;edition…</source>
        <translation>Crear un borrador de plantilla para una nueva &amp;edición…</translation>
    </message>
    <message>
        <source>Staff lang&amp;uage:</source>
        <translation>&amp;Idioma del personal:</translation>
    </message>
    <message>
        <source>&amp;Site:</source>
        <translation>&amp;Sede:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>phone, e-mail or address on the take-home sheet</source>
        <translation>teléfono, correo o dirección para la hoja del cliente</translation>
    </message>
    <message>
        <source>Loc&amp;k after (minutes idle):</source>
        <translation>B&amp;loquear después de (minutos sin actividad):</translation>
    </message>
    <message>
        <source>Backups:</source>
        <translation>Copias de seguridad:</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>&amp;Hacer una copia ahora…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>DACA program status and alerts</source>
        <translation>Estado y alertas del programa DACA</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <source>No forms installed: packets cannot be built yet.</source>
        <translation>No hay formularios instalados: todavía no se pueden generar paquetes.</translation>
    </message>
    <message>
        <source>ClinicDay keeps a backup of each day (the last 7) in %1, written when the app locks or closes. Back up to a USB stick too: the records in a backup stay encrypted.</source>
        <translation>ClinicDay guarda una copia de seguridad de cada día (las últimas 7) en %1, escrita cuando la aplicación se bloquea o se cierra. Haga también una copia en una memoria USB: los expedientes de una copia siguen cifrados.</translation>
    </message>
    <message>
        <source>Latest: %1.</source>
        <translation>La más reciente: %1.</translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation>Ninguna todavía.</translation>
    </message>
    <message>
        <source>The last automatic backup failed: %1</source>
        <translation>La última copia automática falló: %1</translation>
    </message>
    <message>
        <source>Back up the clinic</source>
        <translation>Copia de seguridad de la clínica</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Haciendo la copia…</translation>
    </message>
    <message>
        <source>Backed up to %1 (%2 files). The records in it stay encrypted.</source>
        <translation>Copia guardada en %1 (%2 archivos). Los expedientes siguen cifrados en ella.</translation>
    </message>
    <message>
        <source>Nothing to save: the site name is unchanged.</source>
        <translation>Nada que guardar: el nombre de la sede no cambió.</translation>
    </message>
    <message>
        <source>The site is now called %1.</source>
        <translation>La sede ahora se llama %1.</translation>
    </message>
    <message>
        <source>Nothing to save: the contact is unchanged.</source>
        <translation>Nada que guardar: el contacto no cambió.</translation>
    </message>
    <message>
        <source>Take-home sheets built from now on give %1 as the clinic&apos;s contact.</source>
        <translation>Las hojas para el cliente que se preparen desde ahora dan %1 como contacto de la clínica.</translation>
    </message>
    <message>
        <source>Take-home sheets built from now on give no clinic contact.</source>
        <translation>Las hojas para el cliente que se preparen desde ahora no dan contacto de la clínica.</translation>
    </message>
    <message>
        <source>User added.</source>
        <translation>Usuario agregado.</translation>
    </message>
    <message>
        <source>User disabled.</source>
        <translation>Usuario desactivado.</translation>
    </message>
    <message>
        <source>Official USCIS PDFs</source>
        <translation>PDF oficiales de USCIS</translation>
    </message>
    <message>
        <source>Installed: %1</source>
        <translation>Instalado: %1</translation>
    </message>
    <message>
        <source>Choose a PDF to verify</source>
        <translation>Elija un PDF para verificar</translation>
    </message>
    <message>
        <source>%1 is the official %2, byte for byte.</source>
        <translation>%1 es el %2 oficial, byte por byte.</translation>
    </message>
    <message>
        <source>A new edition&apos;s PDF</source>
        <translation>PDF de una nueva edición</translation>
    </message>
    <message>
        <source>The draft pack is kept in %1; nothing was installed.</source>
        <translation>El borrador de plantilla se guarda en %1; no se instaló nada.</translation>
    </message>
    <message>
        <source>Confirmed and installed: %1</source>
        <translation>Plantilla confirmada e instalada: %1</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>ClinicDay locked itself after a while without use, and dropped its keys. Enter your passphrase to continue where you were, or choose another user.</source>
        <translation>ClinicDay se bloqueó tras un rato sin uso y borró sus claves de cifrado. Escriba su frase de contraseña para continuar donde estaba, o elija otro usuario.</translation>
    </message>
    <message>
        <source>ClinicDay is locked and dropped its keys. Enter your passphrase to continue where you were, or choose another user.</source>
        <translation>ClinicDay está bloqueado y descartó sus claves. Escriba su frase de contraseña para continuar donde estaba, o elija otro usuario.</translation>
    </message>
    <message>
        <source>Choose your name and enter your passphrase to start the clinic day.</source>
        <translation>Elija su nombre y escriba su frase de contraseña para comenzar el día de clínica.</translation>
    </message>
    <message>
        <source>This is the demo clinic (made-up people). Sign in as vol (volunteer), atty (attorney), coord (coordinator) or admin, with the passphrase below.</source>
        <translation>Esta es la clínica de demostración (personas inventadas). Inicie sesión como vol (voluntario), atty (abogado), coord (coordinador) o admin, con la frase de contraseña de abajo.</translation>
    </message>
    <message>
        <source>Demo passphrase: %1</source>
        <translation>Frase de contraseña de la demostración: %1</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <source>There is no user to sign in as.</source>
        <translation>No hay ningún usuario con el que iniciar sesión.</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <source>S&amp;ync now</source>
        <translation>Sincroni&amp;zar ahora</translation>
    </message>
    <message>
        <source>Not synced: this laptop is not enrolled (Settings)</source>
        <translation>Sin sincronizar: esta computadora no está registrada (Configuración)</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Not synced: %1 · %2 waiting · next try in %3 s</source>
        <translation>Sin sincronizar: %1 · %2 pendientes · próximo intento en %3 s</translation>
    </message>
    <message>
        <source>Synced %1 · %2 waiting</source>
        <translation>Última sincronización: %1 · %2 pendientes</translation>
    </message>
    <message>
        <source>Never synced · %1 waiting</source>
        <translation>Nunca sincronizada · %1 pendientes</translation>
    </message>
</context>
<context>
    <name>SyncSettings</name>
    <message>
        <source>Sync with the organization&apos;s server</source>
        <translation>Sincronizar con el servidor de la organización</translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation>Servid&amp;or:</translation>
    </message>
    <message>
        <source>Enrollment &amp;code:</source>
        <translation>Códi&amp;go de registro:</translation>
    </message>
    <message>
        <source>Enroll this laptop</source>
        <translation>Registrar esta computadora</translation>
    </message>
    <message>
        <source>Keep the org key on this laptop…</source>
        <translation>Guardar la clave de la organización en esta computadora…</translation>
    </message>
    <message>
        <source>Make an enrollment code</source>
        <translation>Crear un código de registro</translation>
    </message>
    <message>
        <source>for a volunteer laptop</source>
        <translation>para una computadora de voluntario</translation>
    </message>
    <message>
        <source>for an attorney laptop</source>
        <translation>para una computadora de abogado</translation>
    </message>
    <message>
        <source>for a coordinator laptop</source>
        <translation>para una computadora de coordinador</translation>
    </message>
    <message>
        <source>Enrolled with %1 as a %2 laptop.</source>
        <translation>Registrada en %1 como computadora de %2.</translation>
    </message>
    <message>
        <source>The org key is kept here (sealed).</source>
        <translation>La clave de la organización se guarda aquí (sellada).</translation>
    </message>
    <message>
        <source>Organization key fingerprint: %1 (it must match the coordinator&apos;s).</source>
        <translation>Huella de la clave de la organización: %1 (debe coincidir con la del coordinador).</translation>
    </message>
    <message>
        <source>Not enrolled: everything stays on this laptop. A coordinator gives you a one-time code.</source>
        <translation>Sin registrar: todo se queda en esta computadora. Un coordinador le da un código de un solo uso.</translation>
    </message>
    <message>
        <source>Give the server&apos;s address (https://...) and the code.</source>
        <translation>Escriba la dirección del servidor (https://...) y el código.</translation>
    </message>
    <message>
        <source>Enrolled. The first sync starts now.</source>
        <translation>Computadora registrada. La primera sincronización empieza ahora.</translation>
    </message>
    <message>
        <source>The org key file</source>
        <translation>Archivo de la clave de la organización</translation>
    </message>
    <message>
        <source>Its passphrase:</source>
        <translation>Frase de contraseña del archivo:</translation>
    </message>
    <message>
        <source>The org key is kept on this laptop, sealed.</source>
        <translation>La clave de la organización quedó guardada en esta computadora, sellada.</translation>
    </message>
    <message>
        <source>One-time code (works once, for 72 hours): %1</source>
        <translation>Código de un solo uso (sirve una vez, durante 72 horas): %1</translation>
    </message>
    <message>
        <source>Enrollment code</source>
        <translation>Código de registro</translation>
    </message>
    <message>
        <source>The new laptop must show the organization key fingerprint %1.</source>
        <translation>La nueva computadora debe mostrar la huella de la clave de la organización %1.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to ClinicDay</source>
        <translation>Bienvenido a ClinicDay</translation>
    </message>
    <message>
        <source>There is no clinic in %1 yet. To look around first, open the demo clinic: made-up people, never real ones. To run a real clinic day, create a clinic: you become its administrator.</source>
        <translation>Todavía no hay ninguna clínica en %1. Para explorar primero, abra la clínica de demostración: personas ficticias, nunca reales. Para realizar un día de clínica real, cree una clínica: usted será su administrador.</translation>
    </message>
    <message>
        <source>Open the &amp;demo clinic</source>
        <translation>Abrir la clínica de &amp;demostración</translation>
    </message>
    <message>
        <source>Create a clinic</source>
        <translation>Crear una clínica</translation>
    </message>
    <message>
        <source>&amp;Site name:</source>
        <translation>Nombre de la &amp;sede:</translation>
    </message>
    <message>
        <source>Your &amp;user name:</source>
        <translation>Su nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>&amp;Passphrase (12 characters or more):</source>
        <translation>&amp;Frase de contraseña (12 caracteres o más):</translation>
    </message>
    <message>
        <source>Passphrase &amp;again:</source>
        <translation>&amp;Repita la frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;Create the clinic</source>
        <translation>&amp;Crear la clínica</translation>
    </message>
    <message>
        <source>Give the site name and your user name.</source>
        <translation>Escriba el nombre de la sede y su nombre de usuario.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
</context>
</TS>
