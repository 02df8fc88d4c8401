// Turn file-system and socket failures into the CLI's error classes: one clear line, never "internal error".
import { InputError, RuntimeError, ScrumError } from "../core/errors";

const PATH_CODES = new Set(["ENOENT", "ENOTDIR", "EACCES", "EPERM", "EROFS", "EISDIR", "EEXIST", "ENAMETOOLONG", "ELOOP"]);

/** `what` names the thing the user chose ("data directory /x"); errors without an errno code are rethrown as they are. */
export function ioError(e: unknown, what: string, hint?: string): unknown {
  if (e instanceof ScrumError) return e;
  const err = e as NodeJS.ErrnoException;
  if (typeof err?.code !== "string") return e;
  const detail = `${err.code}${err.syscall ? ` (${err.syscall}${err.path ? ` ${err.path}` : ""})` : ""}`;
  if (PATH_CODES.has(err.code)) return new InputError(`cannot use ${what}: ${detail}`, hint);
  return new RuntimeError("E_IO", `cannot use ${what}: ${detail}`, hint);
}

/** Bun.serve's failure to listen, with the port-in-use case named. */
export function listenError(e: unknown, host: string, port: number, hint: string): RuntimeError {
  const err = e as NodeJS.ErrnoException;
  const msg = (err?.message ?? String(e)).split("\n")[0]!;
  if (err?.code === "EADDRINUSE" || /in use/i.test(msg)) return new RuntimeError("E_LISTEN", `cannot listen on ${host}:${port}: the port is in use`, hint);
  if (err?.code === "EACCES" || /permission/i.test(msg)) return new RuntimeError("E_LISTEN", `cannot listen on ${host}:${port}: permission denied`, "ports below 1024 need privileges; pick another --port");
  return new RuntimeError("E_LISTEN", `cannot listen on ${host}:${port}: ${msg}`, hint);
}
