import type { Alert } from "@prisma/client";

const SEVERITY_ICON: Record<string, string> = {
  critical: "🔴",
  warning: "🟠",
  info: "🔵",
};

export abstract class AlertFormatter {
  abstract format(alert: Alert, locale: string): string;
}

/** Plain-text formatter; it is locale-independent, `locale` exists for the HTML formatter. */
export class PlainFormatter extends AlertFormatter {
  format(alert: Alert, _locale: string): string {
    const icon = SEVERITY_ICON[alert.severity] ?? "⚪";
    return `${icon} [${alert.team}] ${alert.summary}\nmonitor ${alert.monitorId} · fired ${alert.firedAt.toISOString()}`;
  }
}

export class HtmlFormatter extends AlertFormatter {
  format(alert: Alert, locale: string): string {
    const fired = alert.firedAt.toLocaleString(locale, { timeZone: "UTC" });
    const icon = SEVERITY_ICON[alert.severity] ?? "⚪";
    return `${icon} <b>${escapeHtml(alert.summary)}</b>\n<i>${escapeHtml(alert.team)}</i> · ${fired} UTC`;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
