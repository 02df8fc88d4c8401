import fs from 'node:fs/promises'
import path from 'node:path'

import type { APIGatewayEvent, Context } from 'aws-lambda'

import { db } from 'src/lib/db'
import { logger } from 'src/lib/logger'

const EXPORT_DIR = process.env.TICKET_EXPORT_DIR || '/Users/alina.petrova/code/helpdesk/api/exports'

const csvCell = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value)
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * Nightly export consumed by the BI job. Called by the scheduler with a shared key.
 */
export const handler = async (event: APIGatewayEvent, _context: Context) => {
  if (event.httpMethod !== 'POST') {
    return { statusCode: 405, headers: { Allow: 'POST' }, body: '' }
  }

  const providedKey = event.headers['x-export-key'] ?? event.headers['X-Export-Key']
  if (!providedKey || providedKey !== process.env.EXPORT_API_KEY) {
    logger.warn({ ip: event.requestContext?.identity?.sourceIp }, 'ticket export rejected')
    return { statusCode: 401, body: JSON.stringify({ error: 'unauthorized' }) }
  }

  const sinceParam = event.queryStringParameters?.since
  const since = sinceParam ? new Date(sinceParam) : new Date(Date.now() - 24 * 60 * 60 * 1000)
  if (Number.isNaN(since.getTime())) {
    return { statusCode: 400, body: JSON.stringify({ error: 'since must be an ISO date' }) }
  }

  const rows = await db.ticket.findMany({
    where: { updatedAt: { gte: since } },
    select: { id: true, subject: true, status: true, priority: true, assigneeId: true, updatedAt: true },
    orderBy: { id: 'asc' },
  })

  const lines = [
    'id,subject,status,priority,assignee_id,updated_at',
    ...rows.map((r) =>
      [r.id, r.subject, r.status, r.priority, r.assigneeId, r.updatedAt.toISOString()].map(csvCell).join(',')
    ),
  ]

  await fs.mkdir(EXPORT_DIR, { recursive: true })
  const file = path.join(EXPORT_DIR, `tickets-${since.toISOString().slice(0, 10)}.csv`)
  await fs.writeFile(file, lines.join('\n') + '\n', 'utf8')
  logger.info({ file, count: rows.length }, 'ticket export written')

  return {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ file: path.basename(file), count: rows.length }),
  }
}
