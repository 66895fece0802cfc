/**
 * The words of draft requests to the CCF in Spanish (español).
 *
 * @module
 */
import type { DraftCatalogue } from '../catalogue.js';

/** The words of drafts in Spanish. */
export const esDraft = {
  titles: {
    ccf_deletion_request: 'Solicitud de supresión de datos conservados por INTERPOL',
    ccf_access_request: 'Solicitud de acceso a datos conservados por INTERPOL',
    provisional_measures: 'Solicitud de medidas provisionales',
  },
  draftNotice:
    'BORRADOR para el abogado, preparado con un programa de apoyo a la decisión a partir de los hechos que constan en el expediente. No es asesoramiento jurídico: contraste cada afirmación con los documentos, complete cada pasaje entre corchetes y verifique cada cita marcada «verificar antes de presentar» antes de invocarla.',
  addressee: 'A la atención de',
  ccfName: 'la Comisión de Control de los Ficheros de INTERPOL (CCF)',
  addressPlaceholder: '[dirección o portal en línea: consulte las instrucciones vigentes de la CCF]',
  applicant: 'Solicitante',
  applicantPlaceholder: '[nombre completo, fecha y lugar de nacimiento y nacionalidad del solicitante, según el documento de identidad]',
  representative: 'Representado por',
  representativePlaceholder: '[nombre y dirección del representante, que cuenta con un poder firmado por el solicitante]',
  dateAndPlace: '[lugar], [fecha]',
  subjectLine: 'Asunto',
  dataConcerned: 'Datos de que se trata',
  noticeLine: 'la {kind} {noticeId}, solicitada por {country}',
  otherData: 'cualquier otro dato sobre el solicitante en el Sistema de Información de INTERPOL',
  request: 'Solicitud',
  requests: {
    ccf_deletion_request:
      'En nombre del solicitante, se pide a la Comisión que declare que los datos indicados no cumplen las normas de INTERPOL y que disponga su supresión del Sistema de Información de INTERPOL, por los motivos que se exponen a continuación.',
    ccf_access_request:
      'En nombre del solicitante, se pide a la Comisión que indique si el Sistema de Información de INTERPOL conserva datos sobre el solicitante y, en tal caso, que dé acceso a ellos.',
    provisional_measures:
      'En nombre del solicitante, se pide a la Comisión que adopte sin demora medidas provisionales —en particular, que disponga el bloqueo de los datos indicados mientras se examina la solicitud de supresión— por los motivos que se exponen a continuación.',
  },
  facts: 'Los hechos',
  grounds: 'Motivos',
  noGrounds: '[Las reglas no hallaron ningún motivo para esta solicitud en los hechos que constan. No la presente tal cual: revise antes el expediente.]',
  groundsNote: 'Los motivos que hallaron las reglas, cada uno con las disposiciones en que se apoya y el grado de verificación de cada cita.',
  refugeeGround: 'Conforme a las disposiciones de INTERPOL sobre refugiados, tal como las aplican las reglas: {outcome}.',
  urgency: 'Urgencia',
  documents: 'Documentos adjuntos',
  documentsNote: 'Adjunte los que existan; obtenga los demás o prescinda de ellos.',
  documentNames: {
    identity_document: 'el documento de identidad del solicitante, completo (sin tachaduras)',
    power_of_attorney: 'un poder firmado por el solicitante, si presenta la solicitud un representante',
    grant_decision: 'la resolución de {country} que concede el estatuto de refugiado, del {date}',
    status_confirmation: 'la confirmación de la condición de refugiado a INTERPOL por {country}, del {date}',
    confirmation_requested: 'la confirmación de la condición a INTERPOL por la autoridad de asilo, o la prueba de que se pidió',
    extradition_refusal: 'la resolución que deniega la extradición solicitada por {country}',
    extradition_proceedings: 'los documentos del procedimiento de extradición en trámite solicitado por {country}',
    detention_order: 'la orden de detención ({countries}, desde el {since})',
    political_evidence: 'pruebas de cada factor de carácter político indicado',
    notice_content: 'lo que se conozca del contenido de la {kind} {noticeId} (delitos, penas, datos judiciales)',
    new_fact_evidence: 'el documento que prueba el hecho nuevo y su fecha',
    ccf_correspondence: 'la correspondencia anterior con la CCF, con su carta sobre la admisibilidad',
  },
  openPoints: 'Por completar antes de presentar',
  openPointsNote: 'El expediente no lo dice; cada respuesta puede cambiar esta solicitud:',
  placeholder: '[por completar: {question}]',
  signature: '[firma del solicitante o del representante]',
  confidentiality: 'El solicitante pide que los documentos marcados como confidenciales no se comuniquen al Estado solicitante.',
  factLines: {
    protection: '{country}: {status} (desde el {date}); persecución temida de {countries}.',
    protectionNoFear: '{country}: {status} (desde el {date}).',
    protectionUnknown: '{country}: la condición no puede establecerse a partir del expediente.',
    confirmation: '{country} confirmó la condición de refugiado a {to} el {date}.',
    noConfirmation: 'No consta ninguna confirmación de la condición de refugiado a INTERPOL.',
    extradition: 'Está en trámite una extradición solicitada por {country}.',
    detention: 'El solicitante está detenido en {countries} desde el {since} en virtud de la {kind} {noticeId}.',
    ccfRequest: 'Está ante la Comisión una solicitud sobre la {kind} {noticeId}: {deadline}.',
    notice: 'La {kind} {noticeId} fue solicitada por {country}.',
    outcome: 'Conforme a las disposiciones de INTERPOL sobre refugiados, tal como las aplican las reglas: {outcome}.',
  },
} satisfies DraftCatalogue;
