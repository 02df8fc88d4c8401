import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import Ticket from '#models/ticket'
import type User from '#models/user'

export type TicketFilters = {
  status?: string
  priority?: string
  assignee?: string
  q?: string
}

type TicketQueryBuilder = ModelQueryBuilderContract<typeof Ticket>

const DEFAULT_PAGE_SIZE = 25

function escapeLike(term: string) {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`)
}

function applyFilters(query: TicketQueryBuilder, filters: TicketFilters, user: User) {
  if (filters.status) {
    query.where('status', filters.status)
  }
  if (filters.priority) {
    query.where('priority', filters.priority)
  }
  if (filters.assignee === 'me') {
    query.where('assignee_id', user.id)
  } else if (filters.assignee === 'none') {
    query.whereNull('assignee_id')
  }
  if (filters.q) {
    query.whereILike('subject', `%${escapeLike(filters.q)}%`)
  }
  return query
}

export default class TicketQuery {
  /**
   * Base query scoped to what the user is allowed to see.
   */
  static forUser(user: User): TicketQueryBuilder {
    const query = Ticket.query()
    if (!user.isStaff) {
      query.where('requester_id', user.id)
    }
    return query
  }

  static async paginate(user: User, filters: TicketFilters, page: number, perPage: number) {
    const query = applyFilters(this.forUser(user), filters, user)
    return query
      .preload('requester', (q) => q.select('id', 'full_name', 'email'))
      .orderBy('updated_at', 'desc')
      .paginate(Math.max(page, 1), DEFAULT_PAGE_SIZE)
  }

  static async openCountsByPriority(user: User) {
    const rows = await this.forUser(user)
      .withScopes((scopes) => scopes.open())
      .select('priority')
      .count('* as total')
      .groupBy('priority')

    return Object.fromEntries(rows.map((row) => [row.priority, Number(row.$extras.total)]))
  }
}
