/**
 * A fast path for valid input: a zod schema compiled once into plain closures that either give
 * exactly what `schema.safeParse(input).data` would (a copy, keys in the schema's order) or give
 * up — and then the caller runs zod, which finds the issues. It never accepts what zod rejects:
 * types are tested as zod tests them, and every check (lengths, bounds, refinements) is zod's
 * own check, run on the value. Schema nodes it does not know are handed to zod node by node.
 *
 * Valid cases are the common case, and the fast path does what zod does without its general
 * machinery (a result object and an issue list per value).
 *
 * @module
 */
import type * as z from 'zod';

/** @internal What a compiled node gives when the value is not plainly valid. */
const GIVE_UP: unique symbol = Symbol('give up');

/** @internal A compiled node: the parsed value, or `GIVE_UP`. */
type Parse = (value: unknown) => unknown;

/** @internal The parts of zod's internals the compiler reads (zod 4's `_zod` API for library authors). */
interface Internals {
  readonly def: {
    readonly type: string;
    readonly checks?: readonly CheckInternals[];
    readonly shape?: Readonly<Record<string, ZodLike>>;
    readonly catchall?: ZodLike;
    readonly element?: ZodLike;
    readonly innerType?: ZodLike;
    readonly entries?: Readonly<Record<string, unknown>>;
    readonly values?: readonly unknown[];
    readonly coerce?: boolean;
  };
  readonly optin?: string;
  readonly optout?: string;
  run(payload: Payload, context: { readonly async: false }): Payload | Promise<Payload>;
}
interface CheckInternals {
  readonly _zod: {
    readonly def: { readonly check: string; readonly when?: (payload: Payload) => boolean };
    check(payload: Payload): void | Promise<void>;
  };
}
interface ZodLike {
  readonly _zod: Internals;
}
interface Payload {
  value: unknown;
  issues: unknown[];
}

/** @internal Checks whose effect is to accept or reject, never to change the value. */
const PURE_CHECKS: ReadonlySet<string> = new Set(['min_length', 'max_length', 'length_equals', 'greater_than', 'less_than', 'custom']);
const CONTEXT = { async: false } as const;

/**
 * Compiles a schema into its fast path: a function that gives `{ data }` — equal to what
 * `schema.safeParse(input)` would give on success — or `undefined` when zod must decide.
 *
 * @example
 * ```ts
 * const fastParse = compileFastParse(caseSchema);
 * const parsed = fastParse(input) ?? caseSchema.safeParse(input);
 * ```
 */
export function compileFastParse<T>(schema: z.ZodType<T>): (input: unknown) => { readonly success: true; readonly data: T } | undefined {
  const parse = compile(schema as unknown as ZodLike);
  return (input) => {
    const data = parse(input);
    return data === GIVE_UP ? undefined : { success: true, data: data as T };
  };
}

/** @internal Compiles one node. */
function compile(schema: ZodLike): Parse {
  const internals = schema._zod;
  const { def } = internals;
  const checks = def.checks ?? [];
  if (def.coerce || !checks.every((check) => PURE_CHECKS.has(check._zod.def.check))) return byZod(schema);
  const withChecks = (parse: Parse): Parse => (checks.length === 0 ? parse : (value) => passesChecks(parse(value), checks));
  switch (def.type) {
    case 'string':
      return withChecks((value) => (typeof value === 'string' ? value : GIVE_UP));
    case 'number':
      return withChecks((value) => (typeof value === 'number' && Number.isFinite(value) ? value : GIVE_UP));
    case 'boolean':
      return withChecks((value) => (typeof value === 'boolean' ? value : GIVE_UP));
    case 'enum': {
      const values = Object.values(def.entries ?? {});
      // A TypeScript numeric enum maps names both ways; zod sorts that out, so leave it to zod.
      if (!values.every((value) => typeof value === 'string')) return byZod(schema);
      const allowed: ReadonlySet<unknown> = new Set(values);
      return withChecks((value) => (allowed.has(value) ? value : GIVE_UP));
    }
    case 'literal': {
      const allowed = new Set(def.values ?? []);
      return withChecks((value) => (allowed.has(value) ? value : GIVE_UP));
    }
    case 'optional': {
      if (def.innerType === undefined || def.innerType._zod.optin === 'defaulted') return byZod(schema);
      const inner = compile(def.innerType);
      return withChecks((value) => (value === undefined ? undefined : inner(value)));
    }
    case 'array': {
      if (def.element === undefined) return byZod(schema);
      const element = compile(def.element);
      return withChecks((value) => {
        if (!Array.isArray(value)) return GIVE_UP;
        const parsed = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) {
          const item = element(value[i]);
          if (item === GIVE_UP) return GIVE_UP;
          parsed[i] = item;
        }
        return parsed;
      });
    }
    case 'object':
      return withChecks(compileStrictObject(schema));
    default:
      return byZod(schema);
  }
}

/**
 * @internal A strict object (unknown keys are issues): members in the schema's order; an optional
 * member is kept when the key is present, even with `undefined`, as zod keeps it.
 */
function compileStrictObject(schema: ZodLike): Parse {
  const { shape, catchall } = schema._zod.def;
  if (shape === undefined || catchall === undefined || catchall._zod.def.type !== 'never' || Object.hasOwn(shape, '__proto__')) return byZod(schema);
  const members = Object.entries(shape).map(([key, member]) => ({
    key,
    parse: compile(member),
    optional: member._zod.optin !== undefined && member._zod.optout === 'optional',
  }));
  const keys = new Set(Object.keys(shape));
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return GIVE_UP;
    for (const key in value) if (!keys.has(key)) return GIVE_UP;
    const record = value as Record<string, unknown>;
    const parsed: Record<string, unknown> = {};
    for (const member of members) {
      const present = member.key in record;
      if (!present && !member.optional) return GIVE_UP;
      const item = member.parse(record[member.key]);
      if (item === GIVE_UP) return GIVE_UP;
      if (present) parsed[member.key] = item;
    }
    return parsed;
  };
}

/** @internal Runs zod's own checks on a parsed value: it passes if none reports an issue. */
function passesChecks(value: unknown, checks: readonly CheckInternals[]): unknown {
  if (value === GIVE_UP) return GIVE_UP;
  const payload: Payload = { value, issues: [] };
  for (const check of checks) {
    const when = check._zod.def.when;
    if (when !== undefined && !when(payload)) continue;
    if (check._zod.check(payload) instanceof Promise || payload.issues.length > 0) return GIVE_UP;
  }
  return value;
}

/** @internal A node zod parses itself (a kind the compiler does not know). */
function byZod(schema: ZodLike): Parse {
  return (value) => {
    const result = schema._zod.run({ value, issues: [] }, CONTEXT);
    return result instanceof Promise || result.issues.length > 0 ? GIVE_UP : result.value;
  };
}
