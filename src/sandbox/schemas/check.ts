import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

/** A JSON Schema (draft 2020-12 subset that ajv 8 compiles), written from one provider document. */
export type JsonSchema = Record<string, unknown>;

/** One thing wrong with a request, named by its field path, e.g. `request.destination.iban`. */
export interface SchemaProblem {
  field: string;
  message: string;
}

/**
 * What the sandbox does with a field the provider's documentation does not name: refuse it (default,
 * so an adapter that sends an undocumented field fails here, not in production) or drop it silently.
 */
export type UnknownFields = 'reject' | 'ignore';

export interface SchemaChecker {
  /** The problems of `body` against `schema`; empty when it conforms. */
  check(schema: JsonSchema, body: unknown): SchemaProblem[];
}

/** Compiles each schema once (ajv, every error reported) and names problems by field path. */
export function createSchemaChecker(unknownFields: UnknownFields = 'reject'): SchemaChecker {
  // `removeAdditional` drops exactly the fields a closed object (`additionalProperties: false`) refuses.
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    // A branch of `anyOf` may require a property its parent defines.
    strictRequired: false,
    // Some documented fields are an object or null.
    allowUnionTypes: true,
    ...(unknownFields === 'ignore' ? { removeAdditional: true } : {}),
  });
  const compiled = new WeakMap<JsonSchema, ValidateFunction>();
  const compile = (schema: JsonSchema): ValidateFunction => {
    let validate = compiled.get(schema);
    if (!validate) {
      validate = ajv.compile(schema);
      compiled.set(schema, validate);
    }
    return validate;
  };
  return {
    check(schema, body) {
      const validate = compile(schema);
      if (validate(body)) return [];
      return dedupe((validate.errors ?? []).filter(notBranchNoise).map(problemOf));
    },
  };
}

function problemOf(error: ErrorObject): SchemaProblem {
  const params = error.params as Record<string, unknown>;
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (error.keyword === 'required') path.push(String(params.missingProperty));
  if (error.keyword === 'additionalProperties') path.push(String(params.additionalProperty));
  const field = path.reduce(
    (name, part) => (/^\d+$/.test(part) ? `${name}[${part}]` : name ? `${name}.${part}` : part),
    '',
  );
  return { field: field || '(body)', message: messageOf(error, params) };
}

function messageOf(error: ErrorObject, params: Record<string, unknown>): string {
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not a documented field';
    case 'anyOf':
      return 'must take one of the documented forms';
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return error.message ?? 'is invalid';
  }
}

/** Inside `anyOf`, each failed branch reports too; the `anyOf` error itself says enough. */
function notBranchNoise(error: ErrorObject, _index: number, all: ErrorObject[]): boolean {
  return !all.some(
    (other) =>
      other.keyword === 'anyOf' &&
      other !== error &&
      error.schemaPath.startsWith(other.schemaPath.replace(/\/anyOf$/, '/anyOf/')),
  );
}

function dedupe(problems: SchemaProblem[]): SchemaProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.field}\u0000${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `{ field: [messages] }`, the shape of several providers' validation errors. */
export function problemsByField(problems: readonly SchemaProblem[]): Record<string, string[]> {
  const byField: Record<string, string[]> = {};
  for (const { field, message } of problems) (byField[field] ??= []).push(message);
  return byField;
}
