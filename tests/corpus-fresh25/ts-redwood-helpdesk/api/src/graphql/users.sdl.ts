export const schema = gql`
  type User {
    id: Int!
    email: String!
    name: String
    roles: String!
    deactivatedAt: DateTime
    createdAt: DateTime!
  }

  type Query {
    users: [User!]! @requireAuth(roles: ["admin"])
    user(id: Int!): User @requireAuth(roles: ["admin"])
    me: User! @requireAuth
  }

  input CreateUserInput {
    email: String!
    name: String
    roles: String!
    password: String!
  }

  type Mutation {
    createUser(input: CreateUserInput!): User! @requireAuth(roles: ["admin"])
    updateUserRole(id: Int!, roles: String!): User! @requireAuth
    deactivateUser(id: Int!): User! @requireAuth(roles: ["admin"])
  }
`
