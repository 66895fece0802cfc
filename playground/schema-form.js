// Forms generated from the case model's JSON Schema (schemas/case.schema.json, written from the
// zod schema with a title and a description on every field): one function renders the input of
// any path of the case, by the type of its schema node — a select for an enum or a yes/no, a date
// input for a date, a searchable country input for a country code, checkboxes for a list of
// values, a list with Add and Remove buttons for a list of items, a group for an object. Nothing
// here is written per field: a field added to the case model appears in the page.
//
// Why no form library (JSON Forms, react-jsonschema-form, …): they bring a UI framework (React,
// Angular or Vue) and a validator, several hundred kilobytes for a page whose schema is one
// small, closed format; several fetch themes or icons from the network, which the page must
// never do; and their layouts are left-to-right by default. The case is validated by the
// library itself (safeEvaluateCase, the same zod schema), so the form only needs to render.

/** @internal The path of a field as a list of keys and indexes: 'notices[0].id' → ['notices', 0, 'id']. */
export function pathKeys(path) {
  const keys = [];
  for (const part of path.split('.')) {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!match) throw new Error(`Not a case path: ${path}`);
    keys.push(match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) keys.push(Number(index[1]));
  }
  return keys;
}

/** The pattern of a path, its indexes left out: 'notices[0].offences[1].category' → 'notices[].offences[].category'. */
export function patternOf(path) {
  return path.replace(/\[\d+\]/g, '[]');
}

/** The value at a path of the case (undefined if any step is missing). */
export function valueAt(data, path) {
  let value = data;
  for (const key of pathKeys(path)) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

/** Sets (or, for undefined, removes) the value at a path of the case, making the objects on the way. */
export function setValueAt(data, path, value) {
  const keys = pathKeys(path);
  let node = data;
  for (const [index, key] of keys.slice(0, -1).entries()) {
    if (node[key] === undefined || node[key] === null || typeof node[key] !== 'object') {
      if (value === undefined) return;
      node[key] = typeof keys[index + 1] === 'number' ? [] : {};
    }
    node = node[key];
  }
  const last = keys.at(-1);
  if (value === undefined) {
    if (Array.isArray(node) && typeof last === 'number') return;
    delete node[last];
  } else node[last] = value;
}

/** @internal The node a `$ref` of the schema points to. */
function resolve(schema, node) {
  if (node?.$ref === undefined) return node;
  const name = node.$ref.replace('#/$defs/', '');
  return { ...schema.$defs[name], ...Object.fromEntries(Object.entries(node).filter(([key]) => key !== '$ref')), defName: name };
}

/** The schema node of a path of the case (its `$ref` resolved), or undefined. */
export function schemaAt(schema, path) {
  let node = schema;
  for (const key of pathKeys(path)) {
    node = resolve(schema, typeof key === 'number' ? node?.items : node?.properties?.[key]);
    if (node === undefined) return undefined;
  }
  return node;
}

/**
 * The fields the interview leaves out: `extensions` holds facts that rule sets of one's own
 * declare, and the page evaluates with the bundled rule sets only (a case imported with them keeps
 * them: they are exported again as they were).
 */
const LEFT_OUT = new Set(['extensions']);

/** Every field of the schema as a pattern ('notices[].kind'), with its node: what the words of a locale must cover. */
export function schemaFields(schema) {
  const fields = [];
  const walk = (node, pattern) => {
    const resolved = resolve(schema, node);
    if (pattern !== '') fields.push([pattern, resolved]);
    if (resolved.type === 'object') for (const [key, child] of Object.entries(resolved.properties ?? {})) if (!LEFT_OUT.has(key)) walk(child, pattern === '' ? key : `${pattern}.${key}`);
    if (resolved.type === 'array' && resolved.items) walk(resolved.items, `${pattern}[]`);
  };
  walk(schema, '');
  return fields;
}

/** @internal A list of short words, capitalised for a label. */
function capitalise(text, locale) {
  return text.length === 0 ? text : text[0].toLocaleUpperCase(locale) + text.slice(1);
}

/**
 * What a form needs: `schema`, `data` (the case, changed in place), `words` (the interview's
 * words), `model` (the case model's words: `title(pattern, node)`, `description(pattern, node)`,
 * `valueLabel(pattern, value)`), `countries` (`{ code, name }`, sorted, and `codeOf(text)`),
 * `intlLocale`, `idPrefix` (unique per form), `onChange(path, structural)`.
 */
export function createForm(context) {
  let counter = 0;
  const id = (path) => `${context.idPrefix}-${path.replace(/[^A-Za-z0-9]+/g, '-')}-${(counter += 1)}`;
  const { words, model } = context;

  function describe(element, pattern, node, fieldId) {
    const text = model.description(pattern, node);
    if (!text) return null;
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.id = `${fieldId}-hint`;
    hint.textContent = text;
    element.setAttribute('aria-describedby', [element.getAttribute('aria-describedby'), hint.id].filter(Boolean).join(' '));
    return hint;
  }

  function changed(path, value, structural = false) {
    setValueAt(context.data, path, value);
    context.onChange(path, structural);
  }

  function labelled(path, node, control) {
    const pattern = patternOf(path);
    const wrapper = document.createElement('div');
    wrapper.className = 'field';
    const label = document.createElement('label');
    label.htmlFor = control.id;
    label.textContent = model.title(pattern, node);
    wrapper.append(label);
    const hint = describe(control, pattern, node, control.id);
    if (hint) wrapper.append(hint);
    wrapper.append(control);
    return wrapper;
  }

  function selectOf(path, options, current) {
    const select = document.createElement('select');
    select.id = id(path);
    select.dataset.path = path;
    for (const [value, text] of [['', words.unknown], ...options]) {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = text;
      select.append(option);
    }
    select.value = current;
    return select;
  }

  function enumField(path, node) {
    const pattern = patternOf(path);
    const current = valueAt(context.data, path);
    const select = selectOf(path, node.enum.map((value) => [value, capitalise(model.valueLabel(pattern, value), context.intlLocale)]), current ?? '');
    select.addEventListener('change', () => changed(path, select.value === '' ? undefined : select.value));
    return labelled(path, node, select);
  }

  function booleanField(path, node) {
    const current = valueAt(context.data, path);
    const select = selectOf(path, [['true', words.yes], ['false', words.no]], current === undefined ? '' : String(current));
    select.addEventListener('change', () => changed(path, select.value === '' ? undefined : select.value === 'true'));
    return labelled(path, node, select);
  }

  function countryField(path, node) {
    const input = document.createElement('input');
    input.type = 'text';
    input.id = id(path);
    input.dataset.path = path;
    input.setAttribute('list', context.countries.listId);
    input.autocomplete = 'off';
    const current = valueAt(context.data, path);
    input.value = current === undefined ? '' : context.countries.display(current);
    const field = labelled(path, node, input);
    const search = document.createElement('p');
    search.className = 'hint';
    search.id = `${input.id}-search`;
    search.textContent = words.countryHint;
    field.insertBefore(search, input);
    input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), search.id].filter(Boolean).join(' '));
    const error = document.createElement('p');
    error.className = 'field-error';
    error.id = `${input.id}-error`;
    error.hidden = true;
    error.textContent = words.unknownCountry;
    field.append(error);
    input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), error.id].filter(Boolean).join(' '));
    input.addEventListener('change', () => {
      const text = input.value.trim();
      const code = text === '' ? undefined : context.countries.codeOf(text);
      const wrong = text !== '' && code === undefined;
      error.hidden = !wrong;
      input.setAttribute('aria-invalid', String(wrong));
      if (wrong) return;
      if (code !== undefined) input.value = context.countries.display(code);
      changed(path, code);
    });
    return field;
  }

  function scalarField(path, node) {
    const input = document.createElement('input');
    input.id = id(path);
    input.dataset.path = path;
    const current = valueAt(context.data, path);
    if (node.format === 'date') input.type = 'date';
    else if (node.type === 'number' || node.type === 'integer') {
      input.type = 'number';
      input.min = String(node.minimum ?? node.exclusiveMinimum ?? 0);
      input.step = node.type === 'integer' ? '1' : 'any';
    } else input.type = 'text';
    input.value = current === undefined ? '' : String(current);
    input.addEventListener('change', () => {
      const text = input.value.trim();
      const value = text === '' ? undefined : input.type === 'number' ? Number(text) : text;
      changed(path, value);
    });
    return labelled(path, node, input);
  }

  /** A fieldset with the field's title as its legend and its description. */
  function titledFieldset(path, node) {
    const pattern = patternOf(path);
    const fieldset = document.createElement('fieldset');
    fieldset.dataset.path = path;
    const legend = document.createElement('legend');
    legend.textContent = model.title(pattern, node);
    fieldset.append(legend);
    const hint = describe(fieldset, pattern, node, id(path));
    if (hint) fieldset.append(hint);
    return fieldset;
  }

  function choicesField(path, node) {
    // A list of values of an enum: one checkbox each, and "None of these" for the empty list
    // (which says something: nothing is missing), while nothing ticked leaves it unknown.
    const pattern = patternOf(path);
    const item = resolve(context.schema, node.items);
    const current = valueAt(context.data, path);
    const fieldset = titledFieldset(path, node);
    const boxes = [];
    const add = (value, text) => {
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.id = id(`${path}-${value}`);
      box.value = value;
      box.dataset.path = path;
      const label = document.createElement('label');
      label.className = 'choice';
      label.htmlFor = box.id;
      label.append(box, ` ${text}`);
      fieldset.append(label);
      boxes.push(box);
      return box;
    };
    for (const value of item.enum) add(value, capitalise(model.valueLabel(`${pattern}[]`, value), context.intlLocale)).checked = current?.includes(value) ?? false;
    const none = add('', words.noneOfThese);
    none.checked = Array.isArray(current) && current.length === 0;
    fieldset.addEventListener('change', (event) => {
      if (event.target === none && none.checked) for (const box of boxes) box.checked = box === none;
      else if (event.target !== none && event.target.checked) none.checked = false;
      const ticked = boxes.filter((box) => box !== none && box.checked).map((box) => box.value);
      changed(path, ticked.length > 0 ? ticked : none.checked ? [] : undefined);
    });
    return fieldset;
  }

  function listField(path, node) {
    const pattern = patternOf(path);
    const item = resolve(context.schema, node.items);
    const itemTitle = model.title(`${pattern}[]`, item);
    const current = valueAt(context.data, path) ?? [];
    const fieldset = titledFieldset(path, node);
    fieldset.className = 'list';
    if (current.length === 0) {
      const empty = document.createElement('p');
      empty.className = 'empty';
      empty.textContent = words.noneYet;
      fieldset.append(empty);
    }
    for (const index of current.keys()) {
      const itemPath = `${path}[${index}]`;
      const box = document.createElement('div');
      box.className = 'item';
      box.dataset.item = itemPath;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'remove';
      remove.dataset.remove = itemPath;
      remove.textContent = fill(words.remove, { item: itemTitle, n: String(index + 1) });
      remove.addEventListener('click', () => {
        const list = valueAt(context.data, path);
        list.splice(index, 1);
        context.onChange(path, true, path);
      });
      if (item.type === 'object') {
        const heading = document.createElement('p');
        heading.className = 'item-title';
        heading.textContent = `${itemTitle} ${index + 1}`;
        box.append(heading);
      }
      box.append(field(itemPath), remove);
      fieldset.append(box);
    }
    const add = document.createElement('button');
    add.type = 'button';
    add.className = 'add';
    add.dataset.add = path;
    add.textContent = fill(words.add, { item: itemTitle });
    add.addEventListener('click', () => {
      const list = valueAt(context.data, path) ?? [];
      list.push(item.type === 'object' ? {} : '');
      setValueAt(context.data, path, list);
      context.onChange(path, true, `${path}[${list.length - 1}]`);
    });
    fieldset.append(add);
    return fieldset;
  }

  function objectField(path, node) {
    const isItem = /\[\d+\]$/.test(path);
    // An object of the case (person, Article 3 profile) is a group with its title; an item of a
    // list is already titled by its list; the root is the whole form.
    const group = path === '' || isItem ? document.createElement('div') : titledFieldset(path, node);
    group.className = 'group';
    const required = new Set(node.required ?? []);
    const keys = Object.keys(node.properties ?? {}).filter((key) => key !== 'schemaVersion' && !LEFT_OUT.has(key));
    const optional = keys.filter((key) => !required.has(key));
    const child = (key) => field(path === '' ? key : `${path}.${key}`);
    for (const key of keys.filter((name) => required.has(name))) group.append(child(key));
    // An item of a list shows what it needs; the rest waits behind "More details", and the
    // interview asks for it when an answer would change the assessment.
    if (isItem && optional.length > 0) {
      const details = document.createElement('details');
      const summary = document.createElement('summary');
      summary.textContent = words.moreDetails;
      details.append(summary, ...optional.map(child));
      group.append(details);
    } else group.append(...optional.map(child));
    return group;
  }

  /** The input of any path of the case, by the type of its schema node. */
  function field(path) {
    const node = path === '' ? context.schema : schemaAt(context.schema, path);
    if (node === undefined) throw new Error(`No field of the case model at ${path}`);
    if (node.defName === 'countryCode') return countryField(path, node);
    if (node.enum) return enumField(path, node);
    if (node.type === 'boolean') return booleanField(path, node);
    if (node.type === 'array') return resolve(context.schema, node.items).enum && resolve(context.schema, node.items).defName === undefined ? choicesField(path, node) : listField(path, node);
    if (node.type === 'object') return objectField(path, node);
    return scalarField(path, node);
  }

  return { field };
}

/** Fills `{name}` placeholders. */
export function fill(template, params) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(params, name) ? params[name] : whole));
}
