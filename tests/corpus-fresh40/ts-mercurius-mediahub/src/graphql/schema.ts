export const schema = /* GraphQL */ `
  directive @auth(requires: Role = VIEWER) on OBJECT | FIELD_DEFINITION

  enum Role {
    VIEWER
    EDITOR
    ADMIN
  }

  enum AssetStatus {
    PENDING
    PROCESSING
    READY
    FAILED
    ARCHIVED
  }

  type User {
    id: ID!
    email: String!
    name: String!
    role: Role!
    active: Boolean!
  }

  type Asset {
    id: ID!
    title: String!
    contentType: String!
    sizeBytes: Int!
    status: AssetStatus!
    publishedAt: String
    owner: User
    collection: Collection
    url: String
  }

  type Collection {
    id: ID!
    slug: String!
    name: String!
    public: Boolean!
    assets(first: Int = 20, after: ID): AssetPage!
  }

  type AssetPage {
    items: [Asset!]!
    nextCursor: ID
  }

  type FormField {
    name: String!
    value: String!
  }

  type UploadTicket {
    assetId: ID!
    url: String!
    fields: [FormField!]!
  }

  type Query {
    health: Boolean!
    me: User
    asset(id: ID!): Asset @auth(requires: VIEWER)
    assets(collectionId: ID, first: Int = 20, after: ID): AssetPage! @auth(requires: VIEWER)
    publicCollection(slug: String!): Collection
    users: [User!]! @auth(requires: ADMIN)
  }

  type Mutation {
    createUpload(title: String!, contentType: String!, sizeBytes: Int!, collectionId: ID): UploadTicket!
      @auth(requires: EDITOR)
    publishAsset(id: ID!): Asset! @auth(requires: EDITOR)
    archiveAsset(id: ID!): Asset! @auth(requires: EDITOR)
    reprocessAsset(id: ID!): Asset! @auth(requires: EDITOR)
    createShareLink(id: ID!): String! @auth(requires: EDITOR)
    deleteAsset(id: ID!): Boolean! @auth(requires: ADMIN)
    deactivateUser(id: ID!): User! @auth(requires: ADMIN)
    setUserRole(id: ID!, role: Role!): User!
  }

  type Subscription {
    assetStatusChanged(collectionId: ID): Asset! @auth(requires: VIEWER)
  }
`;
