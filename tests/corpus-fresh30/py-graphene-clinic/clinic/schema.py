import graphene
import graphql_jwt

import labs.schema
import patients.schema


class Query(patients.schema.Query, labs.schema.Query, graphene.ObjectType):
    pass


class Mutation(patients.schema.Mutation, graphene.ObjectType):
    token_auth = graphql_jwt.ObtainJSONWebToken.Field()
    verify_token = graphql_jwt.Verify.Field()
    refresh_token = graphql_jwt.Refresh.Field()
    revoke_token = graphql_jwt.Revoke.Field()


schema = graphene.Schema(query=Query, mutation=Mutation)
