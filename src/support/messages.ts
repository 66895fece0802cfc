/**
 * The library's own words, in every locale: one message catalogue for action titles, outcome
 * and priority labels, verification levels, fact and value labels, condition wording, and the
 * headings of reports and of the command line. Rule sets carry their own texts; citation
 * summaries stay as the registry writes them (English).
 *
 * `MESSAGES` is typed `Record<Locale, MessageCatalogue>`: a locale without a key is a type
 * error, and a test checks that every locale has the same keys as English. Templates use the
 * same `{name}` placeholders as rule texts (`fillPlaceholders`).
 *
 * @module
 */
import type { DELETION_BASES, EXTRADITION_GROUNDS, JUDICIAL_DATA_ITEMS, OffenceCategory } from '../case/schema.js';
import type { Verification } from '../citations/registry.js';
import type { MISUSE_SOURCE_TYPES } from '../context/misuse-patterns.js';
import type { OutcomeResolution, TraceCondition, TraceStatus } from '../evaluation/result.js';
import type { CCF_REQUEST_STATES, ProtectionStatus, REFUSAL_STRENGTHS, REVISION_GROUNDS } from '../facts/vocabulary.js';
import type { ActionCode, Effect, Outcome, Priority } from '../rules/schema.js';
import type { Locale } from './localized-text.js';

/**
 * Every value an enum fact of the catalogue can take, other than countries, outcomes and action
 * codes (which have labels of their own): the vocabulary placeholders and reports print.
 */
export type FactValueName =
  | OffenceCategory
  | (typeof EXTRADITION_GROUNDS)[number]
  | (typeof JUDICIAL_DATA_ITEMS)[number]
  | (typeof DELETION_BASES)[number]
  | (typeof CCF_REQUEST_STATES)[number]
  | (typeof REVISION_GROUNDS)[number]
  | ProtectionStatus
  | (typeof REFUSAL_STRENGTHS)[number]
  | 'immigration'
  | 'criminal'
  | 'yes'
  | 'no'
  | 'active'
  | 'deleted'
  | 'suspended'
  | 'red_notice'
  | 'diffusion'
  | 'prosecution'
  | 'sentence'
  | 'all'
  | 'some';

/** Names of the built-in condition operators. */
export type OperatorName =
  | 'equal' | 'notEqual' | 'in' | 'notIn' | 'contains' | 'doesNotContain'
  | 'lessThan' | 'lessThanInclusive' | 'greaterThan' | 'greaterThanInclusive';

/** An outcome in words: a short label and what it means for the notice. */
export interface OutcomeWords {
  /** Short label, e.g. "Delete". */
  readonly label: string;
  /** What it means, in a sentence a client can follow. */
  readonly meaning: string;
}

/** The words of one locale. */
export interface MessageCatalogue {
  /** Default titles of the bundled action codes. */
  readonly actionTitles: Readonly<Record<ActionCode, string>>;
  /** Outcomes in words. */
  readonly outcomes: Readonly<Record<Outcome, OutcomeWords>>;
  /** How an outcome was reached; `{outcomes}` lists the possible outcomes. */
  readonly resolutions: Readonly<Record<OutcomeResolution['code'], string>>;
  /** Priorities. */
  readonly priorities: Readonly<Record<Priority, string>>;
  /** Verification levels of citations, as the badge a lawyer sees. */
  readonly verification: Readonly<Record<Verification, string>>;
  /** What a rule did. */
  readonly traceStatuses: Readonly<Record<TraceStatus, string>>;
  /** What a comparison came to. */
  readonly conditionResults: Readonly<Record<TraceCondition['result'], string>>;
  /** Rule effects. */
  readonly effects: Readonly<Record<Effect, string>>;
  /** Rule scopes. */
  readonly scopes: Readonly<Record<'case' | 'notice', string>>;
  /** Values of enum facts. */
  readonly factValues: Readonly<Record<FactValueName, string>>;
  /** Short names of the facts of `FACT_CATALOGUE`, by fact name. */
  readonly facts: Readonly<Record<string, string>>;
  /** Condition operators, as the words between a fact and a value. */
  readonly operators: Readonly<Record<OperatorName, string>>;
  /** Recipients of a confirmation. */
  readonly recipients: Readonly<Record<'general_secretariat' | 'ccf', string>>;
  /** Kinds of source of a documented pattern of misuse. */
  readonly sourceTypes: Readonly<Record<(typeof MISUSE_SOURCE_TYPES)[number], string>>;
  /** Small words. */
  readonly words: {
    readonly unknown: string;
    readonly none: string;
    readonly listSeparator: string;
    readonly or: string;
  };
  /** Headings and phrases of reports. */
  readonly report: {
    readonly title: string;
    readonly disclaimer: string;
    readonly asOf: string;
    readonly overview: string;
    readonly protection: string;
    readonly hostStates: string;
    readonly fearedCountries: string;
    readonly confirmed: string;
    readonly confirmation: string;
    readonly missingForCase: string;
    readonly summaryNotice: string;
    readonly summaryKind: string;
    readonly summaryFrom: string;
    readonly summaryOutcome: string;
    readonly summaryActions: string;
    readonly allActions: string;
    readonly caseActions: string;
    readonly noActions: string;
    readonly notice: string;
    readonly outcome: string;
    readonly protectionForNotice: string;
    readonly why: string;
    readonly firedRule: string;
    readonly conditionsMet: string;
    readonly noTrace: string;
    readonly missingToDecide: string;
    readonly missingToComplete: string;
    readonly actions: string;
    readonly forNotice: string;
    readonly deadline: string;
    readonly countsFrom: string;
    readonly factors: string;
    readonly citations: string;
    readonly escalated: string;
    readonly decisionPath: string;
    readonly decisionPathNote: string;
    readonly diagramOutcomeNode: string;
    readonly citationSection: string;
    readonly citationSectionNote: string;
    readonly citationNote: string;
    readonly source: string;
    readonly misusePatterns: string;
    readonly misuseNote: string;
    readonly published: string;
    readonly documentedBy: string;
    readonly about: string;
    readonly library: string;
    readonly ruleSets: string;
    readonly inputHash: string;
    readonly locale: string;
  };
  /** Phrases of the description of a rule (`red-notice-rules explain`). */
  readonly explain: {
    readonly ruleSet: string;
    readonly scope: string;
    readonly effect: string;
    readonly inForce: string;
    readonly always: string;
    readonly from: string;
    readonly until: string;
    readonly between: string;
    readonly conditions: string;
    readonly allOf: string;
    readonly anyOf: string;
    readonly notThis: string;
    readonly namedCondition: string;
    readonly outcome: string;
    readonly action: string;
    readonly priority: string;
    readonly deadline: string;
    readonly deadlineCount: string;
    readonly factor: string;
    readonly escalation: string;
    readonly exceptionTo: string;
    readonly citations: string;
    readonly factsUsed: string;
  };
}

/** The message catalogue, by locale. */
export const MESSAGES: Readonly<Record<Locale, MessageCatalogue>> = {
  en: {
    actionTitles: {
      request_deletion: 'Request deletion of the notice',
      obtain_status_confirmation: 'Have the asylum state confirm refugee status to INTERPOL',
      monitor_asylum_outcome: 'Monitor the asylum decision and report it to INTERPOL',
      assess_general_grounds: 'Assess the notice under INTERPOL’s general rules',
      prepare_restoration_challenge: 'Prepare to challenge restoration of the notice',
      challenge_article_3: 'Challenge the notice under Article 3 (political character)',
      challenge_article_83: 'Challenge the notice under RPD Article 83 (conditions of a Red Notice)',
      cite_extradition_refusal: 'Rely on the refusal of extradition',
      file_ccf_request: 'File a request with the CCF',
      follow_up_ccf_deadline: 'Follow up: the CCF’s time limit has passed',
      request_ccf_revision: 'Apply to the CCF for revision on a new fact',
      request_provisional_measures: 'Ask the CCF for provisional measures',
      contest_detention_reliance: 'Contest detention based on the notice',
      human_review: 'Human review needed',
    },
    outcomes: {
      delete: { label: 'Delete', meaning: 'The refugee provisions require INTERPOL to delete this notice.' },
      delete_once_confirmed: {
        label: 'Delete once confirmed',
        meaning: 'INTERPOL must delete this notice once a member country confirms the refugee status to it.',
      },
      pending_asylum: {
        label: 'Asylum pending',
        meaning: 'The asylum claim is pending: the refugee provisions do not require deletion yet. Rely on the general grounds meanwhile.',
      },
      retain: {
        label: 'Retention possible',
        meaning: 'INTERPOL may keep this notice, but only if it complies with its rules (Article 3, Article 2, RPD Article 83).',
      },
      restore_possible: {
        label: 'Restoration possible',
        meaning: 'INTERPOL may restore this deleted notice, but only if it complies with its rules.',
      },
      not_applicable: {
        label: 'Not covered by the refugee provisions',
        meaning: 'The refugee provisions do not cover this notice. The general rules and the other routes still apply.',
      },
      undetermined: {
        label: 'Undetermined',
        meaning: 'The facts, or the practice, do not allow an answer: see what is missing below.',
      },
    },
    resolutions: {
      rule_fired: 'Decided by the rules that fired.',
      facts_missing: 'Facts are missing: the outcome could be {outcomes}.',
      conflicting_rules: 'Rules disagree ({outcomes}): a person must decide.',
      no_rule_applies: 'No rule covers these facts: a gap in the rule sets.',
    },
    priorities: { urgent: 'urgent', high: 'high', normal: 'normal', low: 'low' },
    verification: {
      primary: 'primary source',
      secondary: 'secondary source — check before filing',
      unverified: 'unverified — check before filing',
    },
    traceStatuses: {
      fired: 'fired',
      not_fired: 'did not fire',
      undetermined: 'undetermined',
      not_in_force: 'not in force',
      overridden: 'overridden by an exception',
    },
    conditionResults: { met: 'met', not_met: 'not met', undetermined: 'unknown' },
    effects: {
      mandatory: 'mandatory (decides)',
      presumption: 'presumption (decides when no mandatory rule does)',
      factor: 'factor (adds to a weighing action)',
    },
    scopes: { case: 'the whole case', notice: 'each notice' },
    factValues: {
      immigration: 'immigration authorities',
      criminal: 'criminal authorities',
      violent: 'violent crime',
      terrorism: 'terrorism',
      drug_trafficking: 'drug trafficking',
      organised_crime: 'organised crime',
      fraud: 'fraud',
      corruption: 'corruption',
      money_laundering: 'money laundering',
      tax: 'tax offence',
      cheque: 'unpaid cheque',
      commercial_dispute: 'commercial dispute',
      private_dispute: 'private dispute',
      family_matter: 'family matter',
      administrative: 'administrative offence',
      defamation_or_insult: 'defamation or insult',
      political_expression: 'political expression',
      extremism_or_unauthorised_protest: 'extremism or unauthorised protest',
      behavioural_or_cultural_norms: 'behavioural or cultural norms',
      military: 'military offence',
      other: 'other',
      political_offence: 'political offence',
      persecution_risk: 'risk of persecution',
      fair_trial: 'fair trial',
      human_rights: 'human rights',
      prison_conditions: 'prison conditions',
      statute_of_limitations: 'statute of limitations',
      double_criminality: 'double criminality',
      insufficient_evidence: 'insufficient evidence',
      nationality: 'nationality',
      procedural: 'procedural grounds',
      identity_particulars: 'identity particulars',
      summary_of_facts: 'summary of facts',
      charges: 'charges',
      applicable_law: 'applicable law',
      maximum_penalty: 'maximum penalty',
      arrest_warrant: 'arrest warrant',
      judgment: 'judgment',
      refugee_resolution: 'the refugee resolution',
      article_3: 'Article 3',
      ccf_decision: 'a CCF decision',
      requesting_country: 'the requesting country',
      none: 'none',
      awaiting_admissibility: 'awaiting admissibility',
      pending: 'pending',
      decided_kept: 'decided: data kept',
      decided_deleted: 'decided: data deleted',
      inadmissible: 'inadmissible',
      asylum_granted: 'refugee status granted',
      extradition_refused: 'extradition refused',
      charges_dropped: 'charges dropped',
      granted: 'refugee status granted',
      naturalised: 'naturalised',
      revoked: 'refugee status revoked or ceased',
      subsidiary: 'subsidiary protection',
      denied: 'asylum denied',
      rights_based: 'on rights-based grounds',
      other_substantive: 'on other substantive grounds',
      grounds_not_stated: 'grounds not stated',
      procedural_only: 'on procedural grounds only',
      yes: 'yes',
      no: 'no',
      active: 'active',
      deleted: 'deleted',
      suspended: 'suspended',
      red_notice: 'Red Notice',
      diffusion: 'Diffusion',
      prosecution: 'prosecution',
      sentence: 'serving a sentence',
      all: 'all',
      some: 'some',
    },
    facts: {
      'article3.politicalActivity': 'the person is politically active',
      'article3.opposition': 'the person has a role in the political opposition',
      'article3.journalistOrDefender': 'the person is a journalist or a human-rights defender',
      'article3.offenceOfPoliticalCharacter': 'the case says the offence is of a political character',
      'article3.chargesFollowPoliticalEvents': 'the charges followed political events',
      'article3.otherCountriesFoundPolitical': 'other countries found the case political',
      'asylum.historyKnown': 'the asylum history is known',
      'ccf.accessDecisionDueOn': 'the CCF’s time limit for a request for access',
      'ccf.accessDecisionOverdue': 'the CCF is late on a request for access',
      'notice.actionCodes': 'the actions given for the notice',
      'notice.ccfDecisionDueOn': 'the CCF’s time limit for a request for deletion',
      'notice.ccfDecisionOverdue': 'the CCF is late on a request for deletion',
      'notice.ccfRequest': 'the request to the CCF covering the notice',
      'notice.deletionBasis': 'what the deletion of the notice rested on',
      'notice.detainedOnNoticeBy': 'the authorities holding the person on the notice',
      'notice.detainedOnNoticeIn': 'the countries where the person is held on the notice',
      'notice.detainedOnNoticeSince': 'the day the detention on the notice began',
      'notice.detentionOnNotice': 'the person is detained on the notice',
      'notice.excludedOffenceCategories': 'the offences of a kind RPD Article 83 excludes',
      'notice.extraditionPending': 'an extradition to the requesting country is pending',
      'notice.extraditionRefusal': 'the strongest refusal of extradition',
      'notice.extraditionRefusalGrounds': 'the grounds of refusals of extradition',
      'notice.formerlyGranted': 'refugee status had been granted before',
      'notice.fromFearedCountry': 'the notice comes from a country the person fears',
      'notice.grantOnPoliticalOpinion': 'refugee status was granted for political opinion',
      'notice.judicialDataIncomplete': 'the notice lacks minimum judicial data',
      'notice.kind': 'the kind of notice',
      'notice.missingJudicialData': 'the judicial data the notice lacks',
      'notice.misuseDocumented': 'misuse by the requesting country is documented',
      'notice.offenceCategories': 'the categories of the offences',
      'notice.outcome': 'the outcome for the notice',
      'notice.penaltyBelowThreshold': 'the offences below the penalty threshold',
      'notice.politicalOffence': 'the offence is of a political character',
      'notice.protectionStatus': 'the protection status bearing on the notice',
      'notice.purpose': 'the purpose of the notice',
      'notice.recordedAsDeleted': 'the notice is recorded as deleted',
      'notice.requestingCountry': 'the requesting country',
      'notice.revisionDueOn': 'the last day to apply for revision',
      'notice.revisionGrounds': 'the new facts for a revision',
      'notice.revisionWindowClosed': 'the six months for revision have passed',
      'notice.revisionWindowOpen': 'a revision on a new fact is still possible',
      'notice.status': 'the status of the notice',
      'notice.statusConfirmed': 'the refugee status was confirmed to INTERPOL',
      'person.detained': 'the person is detained',
      'protection.confirmed': 'the refugee status in force was confirmed to INTERPOL',
      'protection.formerlyGranted': 'refugee status had been granted before (overall)',
      'protection.status': 'the overall protection status',
    },
    operators: {
      equal: 'is',
      notEqual: 'is not',
      in: 'is one of',
      notIn: 'is none of',
      contains: 'includes',
      doesNotContain: 'does not include',
      lessThan: 'is less than',
      lessThanInclusive: 'is at most',
      greaterThan: 'is more than',
      greaterThanInclusive: 'is at least',
    },
    recipients: { general_secretariat: 'the General Secretariat', ccf: 'the CCF' },
    sourceTypes: {
      intergovernmental_resolution: 'intergovernmental resolution',
      parliamentary_motion: 'parliamentary motion',
      court_decision: 'court decision',
      ccf_decision: 'CCF decision',
      ngo_report: 'NGO report',
      academic: 'academic work',
      practitioner: 'practitioner’s account',
      news: 'news report',
    },
    words: { unknown: 'unknown', none: 'none', listSeparator: ', ', or: ' or ' },
    report: {
      title: 'INTERPOL Red Notices and Diffusions: assessment memo',
      disclaimer:
        'Decision support, not legal advice. The rules encode published INTERPOL texts and practitioners’ accounts of them. Check every citation marked “check before filing” before relying on it.',
      asOf: 'Assessed as of',
      overview: 'Overview',
      protection: 'Protection',
      hostStates: 'host states',
      fearedCountries: 'countries feared',
      confirmed: 'Refugee status confirmed to INTERPOL',
      confirmation: 'by {by}, to {to}, on {date}',
      missingForCase: 'Facts missing in the case',
      summaryNotice: 'Notice',
      summaryKind: 'Kind',
      summaryFrom: 'Requested by',
      summaryOutcome: 'Under the refugee provisions',
      summaryActions: 'Actions',
      allActions: 'Actions, most urgent first',
      caseActions: 'Actions for the whole case',
      noActions: 'No action.',
      notice: '{kind} {noticeId}, requested by {country}',
      outcome: 'Outcome',
      protectionForNotice: 'Protection bearing on this notice',
      why: 'Why',
      firedRule: 'Rule {ruleId}',
      conditionsMet: 'because',
      noTrace: 'The evaluation was made without a trace: the reasons are not available.',
      missingToDecide: 'Missing to decide the outcome',
      missingToComplete: 'Missing to complete the assessment',
      actions: 'Actions',
      forNotice: 'notice {noticeId}',
      deadline: 'Deadline',
      countsFrom: 'counted from {date}',
      factors: 'Factors',
      citations: 'Citations',
      escalated: 'Raised from {from} by {rules}',
      decisionPath: 'Decision path',
      decisionPathNote: 'The outcome rules in force for this notice, what each did, and the outcome they lead to.',
      diagramOutcomeNode: 'Outcome: {outcome}',
      citationSection: 'Citations',
      citationSectionNote: 'Every provision this memo relies on, with how well its pinpoint is verified. Summaries are the registry’s, in English.',
      citationNote: 'Check',
      source: 'Source',
      misusePatterns: 'Documented patterns of misuse by the requesting states',
      misuseNote: 'Context for the Article 3 assessment, never decisive by itself: obtain expert evidence.',
      published: 'published',
      documentedBy: 'Documented by',
      about: 'About this memo',
      library: 'Library',
      ruleSets: 'Rule sets',
      inputHash: 'Case fingerprint',
      locale: 'Language',
    },
    explain: {
      ruleSet: 'Rule set',
      scope: 'Applies to',
      effect: 'Effect',
      inForce: 'In force',
      always: 'at every date',
      from: 'from {from}',
      until: 'until {to}',
      between: 'from {from} to {to}',
      conditions: 'Conditions',
      allOf: 'all of:',
      anyOf: 'any of:',
      notThis: 'not:',
      namedCondition: '“{name}”:',
      outcome: 'Outcome',
      action: 'Action',
      priority: 'priority',
      deadline: 'Deadline',
      deadlineCount: '{from}, plus {months} months and {days} days',
      factor: 'Factor for',
      escalation: 'Raises every action of its subject to',
      exceptionTo: 'Exception to',
      citations: 'Citations',
      factsUsed: 'Facts used',
    },
  },
  es: {
    actionTitles: {
      request_deletion: 'Solicitar la supresión de la notificación',
      obtain_status_confirmation: 'Lograr que el Estado de asilo confirme a INTERPOL la condición de refugiado',
      monitor_asylum_outcome: 'Dar seguimiento a la decisión de asilo y comunicarla a INTERPOL',
      assess_general_grounds: 'Evaluar la notificación conforme a las normas generales de INTERPOL',
      prepare_restoration_challenge: 'Prepararse para impugnar el restablecimiento de la notificación',
      challenge_article_3: 'Impugnar la notificación conforme al artículo 3 (carácter político)',
      challenge_article_83: 'Impugnar la notificación conforme al artículo 83 del RPD (requisitos de una notificación roja)',
      cite_extradition_refusal: 'Invocar la denegación de la extradición',
      file_ccf_request: 'Presentar una solicitud ante la CCF',
      follow_up_ccf_deadline: 'Dar seguimiento: venció el plazo de la CCF',
      request_ccf_revision: 'Solicitar a la CCF la revisión por un hecho nuevo',
      request_provisional_measures: 'Solicitar a la CCF medidas provisionales',
      contest_detention_reliance: 'Impugnar la detención basada en la notificación',
      human_review: 'Se requiere revisión humana',
    },
    outcomes: {
      delete: { label: 'Suprimir', meaning: 'Las disposiciones sobre refugiados obligan a INTERPOL a suprimir esta notificación.' },
      delete_once_confirmed: {
        label: 'Suprimir una vez confirmada',
        meaning: 'INTERPOL debe suprimir esta notificación en cuanto un país miembro le confirme la condición de refugiado.',
      },
      pending_asylum: {
        label: 'Asilo en trámite',
        meaning: 'La solicitud de asilo está en trámite: las disposiciones sobre refugiados aún no exigen la supresión. Mientras tanto, invoque los motivos generales.',
      },
      retain: {
        label: 'Conservación posible',
        meaning: 'INTERPOL puede conservar esta notificación, pero solo si cumple sus normas (artículo 3, artículo 2, artículo 83 del RPD).',
      },
      restore_possible: {
        label: 'Restablecimiento posible',
        meaning: 'INTERPOL puede restablecer esta notificación suprimida, pero solo si cumple sus normas.',
      },
      not_applicable: {
        label: 'Fuera de las disposiciones sobre refugiados',
        meaning: 'Las disposiciones sobre refugiados no abarcan esta notificación. Siguen aplicándose las normas generales y las demás vías.',
      },
      undetermined: {
        label: 'Indeterminado',
        meaning: 'Los hechos, o la práctica, no permiten dar una respuesta: vea más abajo lo que falta.',
      },
    },
    resolutions: {
      rule_fired: 'Decidido por las reglas que se cumplieron.',
      facts_missing: 'Faltan hechos: el resultado podría ser {outcomes}.',
      conflicting_rules: 'Las reglas discrepan ({outcomes}): debe decidir una persona.',
      no_rule_applies: 'Ninguna regla abarca estos hechos: una laguna en los conjuntos de reglas.',
    },
    priorities: { urgent: 'urgente', high: 'alta', normal: 'normal', low: 'baja' },
    verification: {
      primary: 'fuente primaria',
      secondary: 'fuente secundaria — verificar antes de presentar',
      unverified: 'no verificada — verificar antes de presentar',
    },
    traceStatuses: {
      fired: 'se cumplió',
      not_fired: 'no se cumplió',
      undetermined: 'indeterminada',
      not_in_force: 'no vigente',
      overridden: 'desplazada por una excepción',
    },
    conditionResults: { met: 'se cumple', not_met: 'no se cumple', undetermined: 'se desconoce' },
    effects: {
      mandatory: 'obligatoria (decide)',
      presumption: 'presunción (decide cuando ninguna regla obligatoria lo hace)',
      factor: 'factor (se suma a una acción de ponderación)',
    },
    scopes: { case: 'el caso en su conjunto', notice: 'cada notificación' },
    factValues: {
      immigration: 'autoridades de inmigración',
      criminal: 'autoridades penales',
      violent: 'delito violento',
      terrorism: 'terrorismo',
      drug_trafficking: 'narcotráfico',
      organised_crime: 'delincuencia organizada',
      fraud: 'fraude',
      corruption: 'corrupción',
      money_laundering: 'lavado de activos',
      tax: 'delito tributario',
      cheque: 'cheque impago',
      commercial_dispute: 'controversia comercial',
      private_dispute: 'controversia privada',
      family_matter: 'asunto de familia',
      administrative: 'infracción administrativa',
      defamation_or_insult: 'difamación o injuria',
      political_expression: 'expresión política',
      extremism_or_unauthorised_protest: 'extremismo o protesta no autorizada',
      behavioural_or_cultural_norms: 'normas de conducta o culturales',
      military: 'delito militar',
      other: 'otro',
      political_offence: 'delito político',
      persecution_risk: 'riesgo de persecución',
      fair_trial: 'debido proceso',
      human_rights: 'derechos humanos',
      prison_conditions: 'condiciones carcelarias',
      statute_of_limitations: 'prescripción',
      double_criminality: 'doble incriminación',
      insufficient_evidence: 'pruebas insuficientes',
      nationality: 'nacionalidad',
      procedural: 'motivos procesales',
      identity_particulars: 'datos de identidad',
      summary_of_facts: 'resumen de los hechos',
      charges: 'cargos',
      applicable_law: 'ley aplicable',
      maximum_penalty: 'pena máxima',
      arrest_warrant: 'orden de detención',
      judgment: 'sentencia',
      refugee_resolution: 'la resolución sobre refugiados',
      article_3: 'el artículo 3',
      ccf_decision: 'una decisión de la CCF',
      requesting_country: 'el país solicitante',
      none: 'ninguno',
      awaiting_admissibility: 'pendiente de admisibilidad',
      pending: 'en trámite',
      decided_kept: 'resuelta: datos conservados',
      decided_deleted: 'resuelta: datos suprimidos',
      inadmissible: 'inadmisible',
      asylum_granted: 'condición de refugiado reconocida',
      extradition_refused: 'extradición denegada',
      charges_dropped: 'cargos retirados',
      granted: 'condición de refugiado reconocida',
      naturalised: 'naturalización',
      revoked: 'condición de refugiado revocada o cesada',
      subsidiary: 'protección subsidiaria',
      denied: 'asilo denegado',
      rights_based: 'por motivos de derechos fundamentales',
      other_substantive: 'por otros motivos de fondo',
      grounds_not_stated: 'sin motivos indicados',
      procedural_only: 'solo por motivos procesales',
      yes: 'sí',
      no: 'no',
      active: 'vigente',
      deleted: 'suprimida',
      suspended: 'suspendida',
      red_notice: 'Notificación roja',
      diffusion: 'Difusión',
      prosecution: 'enjuiciamiento',
      sentence: 'cumplimiento de una condena',
      all: 'todos',
      some: 'algunos',
    },
    facts: {
      'article3.politicalActivity': 'la persona es políticamente activa',
      'article3.opposition': 'la persona tiene un papel en la oposición política',
      'article3.journalistOrDefender': 'la persona es periodista o defensora de derechos humanos',
      'article3.offenceOfPoliticalCharacter': 'el caso indica que el delito es de carácter político',
      'article3.chargesFollowPoliticalEvents': 'los cargos siguieron a acontecimientos políticos',
      'article3.otherCountriesFoundPolitical': 'otros países consideraron político el caso',
      'asylum.historyKnown': 'se conoce el historial de asilo',
      'ccf.accessDecisionDueOn': 'el plazo de la CCF para una solicitud de acceso',
      'ccf.accessDecisionOverdue': 'la CCF está atrasada con una solicitud de acceso',
      'notice.actionCodes': 'las acciones indicadas para la notificación',
      'notice.ccfDecisionDueOn': 'el plazo de la CCF para una solicitud de supresión',
      'notice.ccfDecisionOverdue': 'la CCF está atrasada con una solicitud de supresión',
      'notice.ccfRequest': 'la solicitud a la CCF que abarca la notificación',
      'notice.deletionBasis': 'el fundamento de la supresión de la notificación',
      'notice.detainedOnNoticeBy': 'las autoridades que retienen a la persona en virtud de la notificación',
      'notice.detainedOnNoticeIn': 'los países donde la persona está retenida en virtud de la notificación',
      'notice.detainedOnNoticeSince': 'el día en que comenzó la detención en virtud de la notificación',
      'notice.detentionOnNotice': 'la persona está detenida en virtud de la notificación',
      'notice.excludedOffenceCategories': 'los delitos de una categoría que excluye el artículo 83 del RPD',
      'notice.extraditionPending': 'hay una extradición en trámite hacia el país solicitante',
      'notice.extraditionRefusal': 'la denegación de extradición de mayor peso',
      'notice.extraditionRefusalGrounds': 'los motivos de las denegaciones de extradición',
      'notice.formerlyGranted': 'se había reconocido antes la condición de refugiado',
      'notice.fromFearedCountry': 'la notificación proviene de un país que la persona teme',
      'notice.grantOnPoliticalOpinion': 'la condición de refugiado se reconoció por opinión política',
      'notice.judicialDataIncomplete': 'a la notificación le faltan datos judiciales mínimos',
      'notice.kind': 'el tipo de notificación',
      'notice.missingJudicialData': 'los datos judiciales que faltan en la notificación',
      'notice.misuseDocumented': 'está documentado el uso indebido por el país solicitante',
      'notice.offenceCategories': 'las categorías de los delitos',
      'notice.outcome': 'el resultado para la notificación',
      'notice.penaltyBelowThreshold': 'los delitos por debajo del umbral de pena',
      'notice.politicalOffence': 'el delito es de carácter político',
      'notice.protectionStatus': 'la situación de protección relativa a la notificación',
      'notice.purpose': 'la finalidad de la notificación',
      'notice.recordedAsDeleted': 'la notificación consta como suprimida',
      'notice.requestingCountry': 'el país solicitante',
      'notice.revisionDueOn': 'el último día para solicitar la revisión',
      'notice.revisionGrounds': 'los hechos nuevos para una revisión',
      'notice.revisionWindowClosed': 'vencieron los seis meses para la revisión',
      'notice.revisionWindowOpen': 'aún es posible una revisión por un hecho nuevo',
      'notice.status': 'el estado de la notificación',
      'notice.statusConfirmed': 'la condición de refugiado se confirmó a INTERPOL',
      'person.detained': 'la persona está detenida',
      'protection.confirmed': 'la condición de refugiado vigente se confirmó a INTERPOL',
      'protection.formerlyGranted': 'se había reconocido antes la condición de refugiado (en general)',
      'protection.status': 'la situación de protección general',
    },
    operators: {
      equal: 'es',
      notEqual: 'no es',
      in: 'está entre',
      notIn: 'no está entre',
      contains: 'incluye',
      doesNotContain: 'no incluye',
      lessThan: 'es menor que',
      lessThanInclusive: 'es como máximo',
      greaterThan: 'es mayor que',
      greaterThanInclusive: 'es como mínimo',
    },
    recipients: { general_secretariat: 'la Secretaría General', ccf: 'la CCF' },
    sourceTypes: {
      intergovernmental_resolution: 'resolución intergubernamental',
      parliamentary_motion: 'moción parlamentaria',
      court_decision: 'decisión judicial',
      ccf_decision: 'decisión de la CCF',
      ngo_report: 'informe de una ONG',
      academic: 'trabajo académico',
      practitioner: 'relato de profesionales',
      news: 'nota periodística',
    },
    words: { unknown: 'se desconoce', none: 'ninguno', listSeparator: ', ', or: ' o ' },
    report: {
      title: 'Notificaciones rojas y difusiones de INTERPOL: memorando de evaluación',
      disclaimer:
        'Apoyo a la decisión, no asesoramiento jurídico. Las reglas codifican textos publicados de INTERPOL y los relatos que de ellos hacen los profesionales. Verifique cada cita marcada «verificar antes de presentar» antes de invocarla.',
      asOf: 'Evaluado a la fecha',
      overview: 'Panorama',
      protection: 'Protección',
      hostStates: 'Estados de acogida',
      fearedCountries: 'países temidos',
      confirmed: 'Condición de refugiado confirmada a INTERPOL',
      confirmation: 'por {by}, a {to}, el {date}',
      missingForCase: 'Hechos que faltan en el caso',
      summaryNotice: 'Notificación',
      summaryKind: 'Tipo',
      summaryFrom: 'Solicitada por',
      summaryOutcome: 'Según las disposiciones sobre refugiados',
      summaryActions: 'Acciones',
      allActions: 'Acciones, de la más urgente a la menos urgente',
      caseActions: 'Acciones para el caso en su conjunto',
      noActions: 'Ninguna acción.',
      notice: '{kind} {noticeId}, solicitada por {country}',
      outcome: 'Resultado',
      protectionForNotice: 'Protección relativa a esta notificación',
      why: 'Por qué',
      firedRule: 'Regla {ruleId}',
      conditionsMet: 'porque',
      noTrace: 'La evaluación se hizo sin traza: los motivos no están disponibles.',
      missingToDecide: 'Lo que falta para decidir el resultado',
      missingToComplete: 'Lo que falta para completar la evaluación',
      actions: 'Acciones',
      forNotice: 'notificación {noticeId}',
      deadline: 'Plazo',
      countsFrom: 'contado desde el {date}',
      factors: 'Factores',
      citations: 'Citas',
      escalated: 'Elevada desde {from} por {rules}',
      decisionPath: 'Camino de la decisión',
      decisionPathNote: 'Las reglas de resultado vigentes para esta notificación, lo que hizo cada una y el resultado al que conducen.',
      diagramOutcomeNode: 'Resultado: {outcome}',
      citationSection: 'Citas',
      citationSectionNote: 'Cada disposición en la que se apoya este memorando, con el grado de verificación de su referencia exacta. Los resúmenes son los del registro, en inglés.',
      citationNote: 'Verificar',
      source: 'Fuente',
      misusePatterns: 'Patrones documentados de uso indebido por los Estados solicitantes',
      misuseNote: 'Contexto para la evaluación conforme al artículo 3, nunca decisivo por sí solo: obtenga prueba pericial.',
      published: 'publicado',
      documentedBy: 'Documentado por',
      about: 'Acerca de este memorando',
      library: 'Biblioteca',
      ruleSets: 'Conjuntos de reglas',
      inputHash: 'Huella del caso',
      locale: 'Idioma',
    },
    explain: {
      ruleSet: 'Conjunto de reglas',
      scope: 'Se aplica a',
      effect: 'Efecto',
      inForce: 'Vigencia',
      always: 'en todas las fechas',
      from: 'desde el {from}',
      until: 'hasta el {to}',
      between: 'del {from} al {to}',
      conditions: 'Condiciones',
      allOf: 'todas estas:',
      anyOf: 'alguna de estas:',
      notThis: 'no:',
      namedCondition: '«{name}»:',
      outcome: 'Resultado',
      action: 'Acción',
      priority: 'prioridad',
      deadline: 'Plazo',
      deadlineCount: '{from}, más {months} meses y {days} días',
      factor: 'Factor para',
      escalation: 'Eleva cada acción de su sujeto a',
      exceptionTo: 'Excepción a',
      citations: 'Citas',
      factsUsed: 'Hechos utilizados',
    },
  },
};

/**
 * The catalogue of a locale.
 *
 * @example
 * ```ts
 * messagesFor('es').priorities.urgent; // 'urgente'
 * ```
 */
export function messagesFor(locale: Locale): MessageCatalogue {
  return MESSAGES[locale];
}

/**
 * A fact value in words: enum values through the catalogue (outcomes and action codes too),
 * anything else — country codes, dates, numbers — as it is.
 *
 * @example
 * ```ts
 * factValueLabel('private_dispute', 'es'); // 'controversia privada'
 * factValueLabel('RU', 'en');              // 'RU'
 * ```
 */
export function factValueLabel(value: string | number, locale: Locale): string {
  const messages = MESSAGES[locale];
  const key = String(value);
  return (
    lookupIn(messages.factValues, key) ??
    lookupIn(messages.outcomes, key)?.label ??
    lookupIn(messages.actionTitles, key) ??
    key
  );
}

/**
 * A fact's value as text for placeholders and reports: unknown and empty lists in words, lists
 * joined, enum values through `factValueLabel`.
 *
 * @example
 * ```ts
 * factValueText(['political_offence', 'human_rights'], 'en'); // 'political offence, human rights'
 * factValueText(undefined, 'es');                             // 'se desconoce'
 * ```
 */
export function factValueText(value: string | number | readonly string[] | undefined, locale: Locale): string {
  const { words } = MESSAGES[locale];
  if (value === undefined) return words.unknown;
  if (Array.isArray(value)) return value.length === 0 ? words.none : value.map((item) => factValueLabel(item, locale)).join(words.listSeparator);
  return factValueLabel(value as string | number, locale);
}

/** @internal An own property of a record, by a key that may not be one of its keys. */
function lookupIn<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
