import { InvalidInputError } from './errors';
import { RequestErrors } from './request-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Opaque global id of a node: base64url("Type:uuid"). */
export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

export function parseGlobalId(globalId: string): { type: string; id: string } | null {
  if (typeof globalId !== 'string' || globalId.length > 200) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const sep = decoded.indexOf(':');
  if (sep <= 0) return null;
  const type = decoded.slice(0, sep);
  const id = decoded.slice(sep + 1);
  return UUID.test(id) ? { type, id } : null;
}

/** The uuid inside a global id of the expected type; a clear BAD_USER_INPUT otherwise. */
export function fromGlobalId(globalId: string, expectedType: string, field = 'id'): string {
  const parsed = parseGlobalId(globalId);
  if (!parsed || parsed.type !== expectedType) {
    throw new InvalidInputError(field, RequestErrors.INVALID_ID, { expectedType });
  }
  return parsed.id;
}
