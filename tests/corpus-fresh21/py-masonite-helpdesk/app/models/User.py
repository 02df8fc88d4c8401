"""User Model."""
from masoniteorm.models import Model
from masoniteorm.scopes import SoftDeletesMixin
from masonite.authentication import Authenticates


class User(Model, SoftDeletesMixin, Authenticates):
    """Support agents and administrators."""

    __table__ = "users"
    __fillable__ = ["name", "email", "password", "is_admin", "team"]
    __hidden__ = ["password", "api_token"]
    __auth__ = "email"
    __casts__ = {"is_admin": "bool"}

    @property
    def display_name(self):
        return self.name or self.email.split("@")[0]
