import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'

type Row = Record<string, string | number | null>

/**
 * Output formats for back-office exports. Concrete formats override
 * `serialize`; the base class only knows the content type plumbing.
 */
class ExportFormat {
  constructor(readonly contentType: string, readonly extension: string) {}

  serialize(_rows: Row[]): string {
    throw new Error(`${this.constructor.name} must override serialize()`)
  }
}

class CsvFormat extends ExportFormat {
  constructor() {
    super('text/csv; charset=utf-8', 'csv')
  }

  serialize(rows: Row[]): string {
    if (rows.length === 0) return ''
    const headers = Object.keys(rows[0])
    const escape = (value: Row[string]) => {
      const text = value === null ? '' : String(value)
      return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
    }
    return [headers.join(','), ...rows.map((row) => headers.map((h) => escape(row[h])).join(','))].join('\n')
  }
}

class JsonLinesFormat extends ExportFormat {
  constructor() {
    super('application/x-ndjson', 'jsonl')
  }

  serialize(rows: Row[]): string {
    return rows.map((row) => JSON.stringify(row)).join('\n')
  }
}

const formats: Record<string, () => ExportFormat> = {
  csv: () => new CsvFormat(),
  jsonl: () => new JsonLinesFormat(),
}

export default class ExportsController {
  async tickets({ request, response }: HttpContext) {
    const format = this.resolveFormat(request.input('format', 'csv'))
    const since = DateTime.fromISO(request.input('since', DateTime.now().minus({ days: 30 }).toISODate()))

    const rows: Row[] = await db
      .from('tickets')
      .select('id', 'subject', 'status', 'priority', 'channel', 'created_at', 'closed_at')
      .where('created_at', '>=', since.toSQL()!)
      .orderBy('id')

    return this.send(response, format, `tickets-${since.toISODate()}`, rows)
  }

  async customers({ request, response }: HttpContext) {
    const format = this.resolveFormat(request.input('format', 'csv'))

    const rows: Row[] = await db
      .from('users')
      .select('id', 'full_name', 'email', 'organization_id', 'created_at')
      .where('role', 'customer')
      .orderBy('id')

    return this.send(response, format, 'customers', rows)
  }

  async audit({ request, response }: HttpContext) {
    const format = this.resolveFormat(request.input('format', 'jsonl'))

    const rows: Row[] = await db
      .from('audit_events')
      .select('id', 'actor_id', 'action', 'subject_type', 'subject_id', 'created_at')
      .orderBy('id', 'desc')
      .limit(50_000)

    return this.send(response, format, 'audit', rows)
  }

  private resolveFormat(name: string): ExportFormat {
    const factory = formats[name]
    if (!factory) {
      throw new Error(`Unsupported export format: ${name}`)
    }
    return factory()
  }

  private send(response: HttpContext['response'], format: ExportFormat, baseName: string, rows: Row[]) {
    response.header('content-type', format.contentType)
    response.header('content-disposition', `attachment; filename="${baseName}.${format.extension}"`)
    return response.send(format.serialize(rows))
  }
}
