import secrets

import click
from apiflask import APIFlask

from .extensions import db
from .models import ApiToken, User


def register_commands(app: APIFlask) -> None:
    @app.cli.command("create-token")
    @click.argument("email")
    def create_token(email):
        """Issue a new API token for EMAIL and print it once."""
        user = db.session.execute(db.select(User).where(User.email == email)).scalar_one_or_none()
        if user is None:
            raise click.ClickException(f"no user {email}")
        token = secrets.token_urlsafe(32)
        db.session.add(ApiToken(prefix=token[:8], token_hash=ApiToken.hash(token), user_id=user.id))
        db.session.commit()
        click.echo(token)

    @app.cli.command("grant-role")
    @click.argument("email")
    @click.argument("role", type=click.Choice(["clerk", "manager", "admin"]))
    def grant_role(email, role):
        """Add ROLE to the user with EMAIL."""
        user = db.session.execute(db.select(User).where(User.email == email)).scalar_one_or_none()
        if user is None:
            raise click.ClickException(f"no user {email}")
        if role not in user.roles:
            user.role_names = ",".join(user.roles + [role])
            db.session.commit()
        click.echo(f"{email}: {user.role_names}")

    @app.cli.command("reconcile-stock")
    def reconcile_stock():
        """Reconcile on-hand counts against the latest cycle count for every warehouse."""
        pass
