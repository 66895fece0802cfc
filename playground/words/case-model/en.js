// The case model in English: the field titles and descriptions are the schema's own (from the zod
// metadata, schemas/case.schema.json); here only the labels of the values the library's
// catalogue has no vocabulary for (see CATALOGUE_VOCABULARIES in ../../model-words.js).
export default {
  fields: {},
  values: {
    'asylum[].grounds[]': { race: 'race', religion: 'religion', nationality: 'nationality', social_group: 'membership of a particular social group', political_opinion: 'political opinion' },
    'confirmations[].subject': { refugee_status: 'refugee status', asylum_denied: 'asylum denied', status_revoked: 'status revoked' },
    'extradition[].outcome': { refused: 'refused', granted: 'granted', pending: 'pending', withdrawn: 'request withdrawn' },
    'ccf[].outcome': { pending: 'pending', deleted: 'data deleted', not_compliant: 'data not compliant with the rules', compliant: 'data compliant with the rules (kept)', inadmissible: 'inadmissible' },
    'detention[].authority': { other: 'other authority' },
  },
};
