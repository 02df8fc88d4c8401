import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import PDFDocument from "pdfkit";
import type { Ticket } from "./db/entities";

const TICKET_DIR = "/tmp/boxoffice/tickets";

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export function generateTicketCode(): string {
  const bytes = randomBytes(10);
  let code = "";
  for (const b of bytes) {
    code += ALPHABET[b % ALPHABET.length];
  }
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export function ticketPdfPath(code: string): string {
  if (!/^[A-Z0-9]{5}-[A-Z0-9]{5}$/.test(code)) {
    throw new Error("invalid ticket code");
  }
  return join(TICKET_DIR, `${code}.pdf`);
}

async function renderOne(ticket: Ticket, eventTitle: string, target: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const doc = new PDFDocument({ size: "A6", margin: 24 });
    const out = createWriteStream(target);
    out.on("finish", resolve);
    out.on("error", reject);
    doc.pipe(out);
    doc.fontSize(16).text(eventTitle);
    doc.moveDown().fontSize(12).text(ticket.holderName);
    doc.moveDown().font("Courier").fontSize(20).text(ticket.code);
    doc.end();
  });
}

export async function renderTickets(tickets: Ticket[], eventTitle: string): Promise<string[]> {
  await mkdir(TICKET_DIR, { recursive: true });
  const scratch = await mkdtemp(join(tmpdir(), "boxoffice-render-"));
  try {
    const paths: string[] = [];
    for (const ticket of tickets) {
      const partial = join(scratch, `${ticket.code}.pdf`);
      await renderOne(ticket, eventTitle, partial);
      const finalPath = ticketPdfPath(ticket.code);
      await rename(partial, finalPath);
      paths.push(finalPath);
    }
    return paths;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
