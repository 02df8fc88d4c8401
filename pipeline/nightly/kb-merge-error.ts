// The one error kb merge, pull and push refuse a source with: a code (E_KB_SCHEMA, E_KB_CONFLICT,
// E_KB_NIGHTS, E_KB_FILE) and a one-line message naming the source, file and line.
import { RuntimeError } from "../core/errors";

export class KbMergeError extends RuntimeError {
  constructor(code: string, message: string, hint?: string) {
    super(code, message, hint);
    this.name = "KbMergeError";
  }
}
