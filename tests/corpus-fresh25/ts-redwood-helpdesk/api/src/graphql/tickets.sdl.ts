export const schema = gql`
  enum TicketStatus {
    OPEN
    PENDING
    RESOLVED
    CLOSED
  }

  type Ticket {
    id: Int!
    subject: String!
    body: String!
    status: TicketStatus!
    priority: Int!
    requesterId: Int!
    requester: User!
    assigneeId: Int
    assignee: User
    createdAt: DateTime!
    updatedAt: DateTime!
  }

  type SystemStatus {
    operational: Boolean!
    message: String
    updatedAt: DateTime
  }

  type Query {
    tickets(status: TicketStatus): [Ticket!]! @requireAuth
    ticket(id: Int!): Ticket @requireAuth
    searchTickets(query: String!, status: TicketStatus): [Ticket!]!
      @requireAuth(roles: ["agent", "admin"])
    systemStatus: SystemStatus! @skipAuth
  }

  input CreateTicketInput {
    subject: String!
    body: String!
    priority: Int
  }

  type Mutation {
    createTicket(input: CreateTicketInput!): Ticket! @requireAuth
    updateTicketStatus(id: Int!, status: TicketStatus!): Ticket!
      @requireAuth(roles: ["agent", "admin"])
    assignTicket(id: Int!, assigneeId: Int!): Ticket!
      @requireAuth(roles: ["agent", "admin"])
    mergeTickets(sourceId: Int!, targetId: Int!): Ticket!
      @requireAuth(roles: ["agent", "admin"])
  }
`
