/**
 * The words of draft requests to the CCF in French.
 *
 * @module
 */
import type { DraftCatalogue } from '../catalogue.js';

/** The words of drafts in French. */
export const frDraft = {
  titles: {
    ccf_deletion_request: 'Demande d’effacement de données détenues par INTERPOL',
    ccf_access_request: 'Demande d’accès à des données détenues par INTERPOL',
    provisional_measures: 'Demande de mesures provisoires',
  },
  draftNotice: 'PROJET destiné à l’avocat, établi à l’aide d’un logiciel d’aide à la décision à partir des faits consignés au dossier. Il ne constitue pas un avis juridique : vérifiez chaque affirmation au regard des pièces, complétez chaque passage entre crochets et vérifiez chaque référence signalée « à vérifier avant dépôt » avant de vous en prévaloir.',
  addressee: 'À l’attention de',
  ccfName: 'Commission de contrôle des fichiers d’INTERPOL (CCF)',
  addressPlaceholder: '[adresse ou portail en ligne : vérifier les instructions en vigueur de la CCF]',
  applicant: 'Demandeur',
  applicantPlaceholder: '[nom complet, date et lieu de naissance et nationalité du demandeur, tels qu’ils figurent sur la pièce d’identité]',
  representative: 'Représenté par',
  representativePlaceholder: '[nom et adresse du représentant, titulaire d’une procuration signée par le demandeur]',
  dateAndPlace: '[lieu], le [date]',
  subjectLine: 'Objet',
  dataConcerned: 'Données concernées',
  noticeLine: 'la {kind} {noticeId} (pays requérant : {country})',
  otherData: 'toute autre donnée concernant le demandeur dans le Système d’information d’INTERPOL',
  request: 'Demande',
  requests: {
    ccf_deletion_request: 'Au nom du demandeur, il est demandé à la Commission de constater que les données énumérées ci-dessus ne sont pas conformes aux règles d’INTERPOL et de les faire effacer du Système d’information d’INTERPOL, pour les motifs exposés ci-après.',
    ccf_access_request: 'Au nom du demandeur, il est demandé à la Commission d’indiquer si le Système d’information d’INTERPOL contient des données concernant le demandeur et, dans l’affirmative, d’y donner accès.',
    provisional_measures: 'Au nom du demandeur, il est demandé à la Commission de prendre sans délai des mesures provisoires — en particulier de faire bloquer les données énumérées ci-dessus pendant l’examen de la demande tendant à leur effacement —, pour les motifs exposés ci-après.',
  },
  facts: 'Les faits',
  grounds: 'Motifs',
  noGrounds: '[Les règles n’ont relevé aucun motif pour la présente demande dans les faits consignés. Ne la déposez pas en l’état : réexaminez d’abord le dossier.]',
  groundsNote: 'Les motifs relevés par les règles, chacun avec les dispositions sur lesquelles il repose et le degré de vérification de chaque référence.',
  refugeeGround: 'Au regard des dispositions d’INTERPOL relatives aux réfugiés, telles que les règles les appliquent : {outcome}.',
  urgency: 'Urgence',
  documents: 'Pièces jointes',
  documentsNote: 'Joignez chacune des pièces suivantes qui existe ; procurez-vous les autres, ou omettez-les.',
  documentNames: {
    identity_document: 'la pièce d’identité du demandeur, complète (non caviardée)',
    power_of_attorney: 'une procuration signée par le demandeur, si la demande est déposée par un représentant',
    grant_decision: 'la décision de reconnaissance du statut de réfugié ({country}), du {date}',
    status_confirmation: 'la confirmation du statut de réfugié adressée à INTERPOL ({country}), du {date}',
    confirmation_requested: 'la confirmation du statut adressée à INTERPOL par l’autorité compétente en matière d’asile, ou la preuve qu’elle a été demandée',
    extradition_refusal: 'la décision refusant l’extradition demandée par le pays requérant ({country})',
    extradition_proceedings: 'les pièces de la procédure d’extradition en cours, demandée par le pays requérant ({country})',
    detention_order: 'la décision de placement en détention ({countries}, depuis le {since})',
    political_evidence: 'les éléments de preuve de chacun des facteurs de caractère politique énumérés ci-dessus',
    notice_content: 'ce que l’on sait du contenu de la {kind} {noticeId} (infractions, peines, données judiciaires)',
    new_fact_evidence: 'la pièce établissant le fait nouveau et sa date',
    ccf_correspondence: 'la correspondance antérieure avec la CCF, y compris son courrier sur la recevabilité',
  },
  openPoints: 'À compléter avant le dépôt',
  openPointsNote: 'Le dossier ne le précise pas ; chaque réponse peut modifier la présente demande :',
  placeholder: '[à compléter : {question}]',
  signature: '[signature du demandeur ou du représentant]',
  confidentiality: 'Le demandeur demande que les pièces signalées comme confidentielles ne soient pas communiquées à l’État requérant.',
  factLines: {
    protection: '{country} : {status} (depuis le {date}) ; persécutions redoutées de la part de : {countries}.',
    protectionNoFear: '{country} : {status} (depuis le {date}).',
    protectionUnknown: '{country} : le statut ne peut pas être établi à partir du dossier.',
    confirmation: 'Confirmation du statut de réfugié adressée par l’État suivant : {country} ; destinataire : {to} ; date : {date}.',
    noConfirmation: 'Aucune confirmation du statut de réfugié adressée à INTERPOL n’est consignée.',
    extradition: 'Une extradition demandée par le pays requérant ({country}) est en cours.',
    detention: 'Le demandeur est détenu depuis le {since} sur le fondement de la {kind} {noticeId} (pays de détention : {countries}).',
    ccfRequest: 'Une demande relative à la {kind} {noticeId} est pendante devant la Commission : {deadline}.',
    notice: 'La {kind} {noticeId} a été demandée par le pays requérant ({country}).',
    outcome: 'Au regard des dispositions d’INTERPOL relatives aux réfugiés, telles que les règles les appliquent : {outcome}.',
  },
} satisfies DraftCatalogue;
