import { readFile } from "fs/promises";
import path from "path";

const TEMPLATE_PATH = "/home/jenkins/workspace/ledger-api_main/templates/statement.txt";
const DEFAULT_LOCALE_DIR = path.resolve(__dirname, "..", "locales");

export interface StatementLine {
  date: string;
  description: string;
  amountCents: number;
}

export async function renderStatement(
  accountName: string,
  lines: StatementLine[],
  locale = "en-US",
): Promise<string> {
  const template = await readFile(TEMPLATE_PATH, "utf8");
  const fmt = new Intl.NumberFormat(locale, { style: "currency", currency: "USD" });
  const body = lines
    .map((l) => `${l.date}  ${l.description.padEnd(40)} ${fmt.format(l.amountCents / 100)}`)
    .join("\n");
  return template.replace("{{account}}", accountName).replace("{{lines}}", body);
}

export function localeFile(locale: string): string {
  return path.join(DEFAULT_LOCALE_DIR, `${locale}.json`);
}
