from volunteerhub.resolvers.mutation import mutation
from volunteerhub.resolvers.query import query, volunteer

__all__ = ["mutation", "query", "volunteer"]
