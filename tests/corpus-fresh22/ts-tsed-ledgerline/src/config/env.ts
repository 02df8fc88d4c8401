import {readFileSync} from "fs";
import {join} from "path";

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`Missing required environment variable ${name}`);
  }
  return value;
}

export const isProduction = process.env.NODE_ENV === "production";

const pkg = JSON.parse(readFileSync(join(__dirname, "../../package.json"), {encoding: "utf8"}));

export const env = {
  version: pkg.version as string,
  port: Number(process.env.PORT || 8083),
  databaseUrl: required("DATABASE_URL"),
  jwtSecret: required("JWT_SECRET"),
  jwtIssuer: process.env.JWT_ISSUER || "https://auth.ledgerline.io/",
  jwtAudience: process.env.JWT_AUDIENCE || "ledgerline-api",
  paygateBaseUrl: process.env.PAYGATE_BASE_URL || "https://api.paygate.eu/v2",
  paygateWebhookSecret: required("PAYGATE_WEBHOOK_SECRET"),
  paygateCaPath: process.env.PAYGATE_CA_PATH || "/etc/ssl/certs/ca-certificates.crt",
  rendererUrl: process.env.PDF_RENDERER_URL || "https://renderer.internal.ledgerline.io",
  pdfTemplateDir: process.env.PDF_TEMPLATE_DIR || "/Users/mkowalski/dev/ledgerline/templates/pdf",
  logLevel: process.env.LOG_LEVEL || (isProduction ? "info" : "debug")
};
