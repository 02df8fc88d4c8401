import { promises as fs } from 'fs'
import path from 'path'
import { authenticate } from '@feathersjs/authentication'
import { NotImplemented } from '@feathersjs/errors'
import type { Id, Params } from '@feathersjs/feathers'

import type { Application } from '../declarations'
import { requireRole } from '../hooks'
import { formatAmount } from '../util/money'

const EXPORT_DIR = '/Users/mkowalski/dev/clinic-api/exports'

export interface RevenueReport {
  clinicId: number
  from: string
  to: string
  rows: Array<{ day: string; invoices: number; total: string }>
  exportedTo?: string
}

interface ReportQuery {
  from?: string
  to?: string
  export?: 'csv'
}

export interface ReportParams extends Params<ReportQuery> {}

const resolveRange = (params?: ReportParams) => {
  const to = params?.query?.to ? new Date(params.query.to) : new Date()
  const from = params?.query?.from ? new Date(params.query.from) : new Date(to.getTime() - 30 * 86_400_000)
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) }
}

export class RevenueReportService {
  constructor(private readonly app: Application) {}

  async find(params?: ReportParams): Promise<RevenueReport> {
    const { from, to } = resolveRange(params)
    const clinicId = params?.user?.clinicId as number
    const db = this.app.get('postgresqlClient')

    const rows = await db('invoices')
      .select(db.raw('date(created_at) as day'), db.raw('count(*)::int as invoices'), db.raw('sum(total_cents)::int as cents'))
      .where({ clinic_id: clinicId, status: 'paid' })
      .whereBetween('created_at', [from, to])
      .groupByRaw('date(created_at)')
      .orderBy('day')

    const report: RevenueReport = {
      clinicId,
      from,
      to,
      rows: rows.map((r: any) => ({ day: r.day, invoices: r.invoices, total: formatAmount(r.cents, 'USD') }))
    }

    if (params?.query?.export === 'csv') {
      report.exportedTo = await this.writeCsv(report)
    }
    return report
  }

  async get(id: Id, _params?: ReportParams): Promise<RevenueReport> {
    throw new NotImplemented(`Per-clinician report ${id} is not available`)
  }

  private async writeCsv(report: RevenueReport): Promise<string> {
    const file = path.join(EXPORT_DIR, `revenue-${report.clinicId}-${report.from}-${report.to}.csv`)
    const lines = ['day,invoices,total', ...report.rows.map((r) => `${r.day},${r.invoices},"${r.total}"`)]
    await fs.mkdir(EXPORT_DIR, { recursive: true })
    await fs.writeFile(file, lines.join('\n'), 'utf8')
    return file
  }
}

export const reportPath = 'reports/revenue'

export const report = (app: Application) => {
  app.use(reportPath, new RevenueReportService(app), { methods: ['find', 'get'], events: [] })

  app.service(reportPath).hooks({
    around: { all: [authenticate('jwt')] },
    before: { all: [requireRole('billing')] }
  })
}

declare module '../declarations' {
  interface ServiceTypes {
    [reportPath]: RevenueReportService
  }
}
