import os

from more.jwtauth import JWTIdentityPolicy

from .app import BaseApp


@BaseApp.setting_section(section="jwtauth")
def jwtauth_settings():
    return {
        "master_secret": os.environ.get("WIKI_JWT_SECRET", "9f1c5e0b7d2a48c3a6e4f0d1b2c3e4a5f60718293a4b5c6d"),
        "algorithm": "HS256",
        "leeway": 10,
        "expiration_delta": 8 * 3600,
        "allow_refresh": True,
        "refresh_delta": 7 * 24 * 3600,
    }


@BaseApp.identity_policy()
def get_identity_policy(settings):
    return JWTIdentityPolicy(**settings.jwtauth.__dict__.copy())


@BaseApp.verify_identity()
def verify_identity(identity):
    # The JWT signature and expiry were already checked by JWTIdentityPolicy.identify().
    return True
