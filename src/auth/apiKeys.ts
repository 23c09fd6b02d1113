/**
 * API keys: clients send `Authorization: Bearer <key>` (or `X-API-Key: <key>`); config holds only SHA-256
 * hashes with a name and a role. Roles rank reader < editor < admin. A key that matches nothing is an
 * error (UNAUTHENTICATED), never silently anonymous.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { ApiKey, Role } from "../config.js";
import { AppError } from "../errors.js";

export type Principal = { name: string; role: Role };
export type Credentials = { principal: Principal | null; invalid: boolean };

export const RANK: Record<Role, number> = { reader: 0, editor: 1, admin: 2 };

export function hashKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** The key from the request headers, if any. */
export function keyFromHeaders(headers: Record<string, string | string[] | undefined>): string | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(String(headers.authorization ?? ""));
  const key = bearer?.[1] ?? (typeof headers["x-api-key"] === "string" ? headers["x-api-key"] : null);
  return key && key.length > 0 ? key : null;
}

export function authenticate(keys: ApiKey[], key: string | null): Credentials {
  if (key === null) return { principal: null, invalid: false };
  const digest = Buffer.from(hashKey(key), "hex");
  // Compare against every key in constant time, so timing says nothing about which prefix matched.
  let found: ApiKey | undefined;
  for (const candidate of keys) {
    if (timingSafeEqual(digest, Buffer.from(candidate.sha256, "hex"))) found = candidate;
  }
  return found ? { principal: { name: found.name, role: found.role }, invalid: false } : { principal: null, invalid: true };
}

export const unauthenticated = (message: string) => new AppError("UNAUTHENTICATED", message, { http: { status: 401 } });

/** Throws UNAUTHENTICATED without a valid key, FORBIDDEN when its role is below `role`. */
export function requireRole(credentials: Credentials, role: Role): Principal {
  if (credentials.invalid) throw unauthenticated("The API key is not recognised");
  const principal = credentials.principal;
  if (!principal) throw unauthenticated(`This operation needs an API key with the ${role} role (Authorization: Bearer <key>)`);
  if (RANK[principal.role] < RANK[role]) {
    throw new AppError("FORBIDDEN", `This operation needs the ${role} role; the key "${principal.name}" has ${principal.role}`, { http: { status: 403 } });
  }
  return principal;
}
