/** 密码 — argon2id hashes (OWASP's first choice for password storage). */
import { hash, verify } from "@node-rs/argon2";
import { AppError } from "../errors.ts";

/** 19 MiB, 2 passes, 1 lane: OWASP's minimum argon2id configuration; ~30 ms a hash here. */
// algorithm 2 = Argon2id (a const enum in the typings, which verbatimModuleSyntax cannot import).
const OPTIONS = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;

export function checkPasswordPolicy(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError("invalid", `密码至少 ${MIN_PASSWORD_LENGTH} 个字符 / a password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so a wrong username costs the same time. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  return (dummy ??= hashPassword("not-a-real-password-0"));
}
