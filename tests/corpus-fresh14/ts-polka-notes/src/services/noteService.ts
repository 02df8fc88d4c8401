import { HttpError } from "../lib/http";
import { logger } from "../lib/logger";
import type { Note, NoteRepo, ListOptions } from "../repo/noteRepo";

export interface Mailer {
  send(to: string, subject: string, text: string): Promise<void>;
}

export class NoteService {
  constructor(private readonly repo: NoteRepo, private readonly mailer: Mailer) {}

  list(ownerId: string, opts: ListOptions): Promise<Note[]> {
    return this.repo.list(ownerId, opts);
  }

  async get(ownerId: string, id: string): Promise<Note> {
    const note = await this.repo.get(ownerId, id);
    if (!note) throw new HttpError(404, `note ${id} not found`, "not_found");
    return note;
  }

  async create(ownerId: string, title: string, body: string): Promise<Note> {
    if (!title.trim()) throw new HttpError(422, "title is required", "validation");
    const note = await this.repo.insert(ownerId, title.trim(), body);
    logger.info({ noteId: note.id, ownerId }, "note created");
    return note;
  }

  async remove(ownerId: string, id: string): Promise<void> {
    const removed = await this.repo.remove(ownerId, id);
    if (!removed) throw new HttpError(404, `note ${id} not found`, "not_found");
    this.repo.writeAudit(ownerId, "note.delete", id).catch(() => {});
  }

  async share(ownerId: string, id: string, email: string): Promise<void> {
    const note = await this.get(ownerId, id);
    try {
      await this.mailer.send(email, `Shared note: ${note.title}`, note.body);
    } catch (err) {
      logger.error({ err, noteId: id }, "failed to send share email");
      throw new HttpError(502, "could not deliver share email", "upstream");
    }
    await this.repo.writeAudit(ownerId, "note.share", id);
  }

  async exportAll(ownerId: string, format: "json" | "markdown"): Promise<string> {
    throw new Error("export not implemented yet");
  }
}
