export default { fields: {}, values: {} };
