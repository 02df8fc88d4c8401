export const typeDefs = /* GraphQL */ `
  scalar DateTime

  type Project {
    id: ID!
    name: String!
    archivedAt: DateTime
    createdAt: DateTime!
  }

  type Member {
    userId: ID!
    email: String!
    role: String!
  }

  type UsageReport {
    orgId: ID!
    seats: Int!
    apiCalls: Int!
  }

  type Query {
    health: String!
    projects(first: Int = 20, includeArchived: Boolean = false): [Project!]!
    members: [Member!]!
    usageReport(orgId: ID!): UsageReport!
  }

  type Mutation {
    createProject(name: String!): Project!
    updateBillingPlan(plan: String!): Boolean!
    deleteOrganization(confirm: String!): Boolean!
    inviteMember(email: String!, role: String!): Member!
    removeMember(userId: ID!): Boolean!
    exportWorkspace(format: String!): String!
  }
`;
