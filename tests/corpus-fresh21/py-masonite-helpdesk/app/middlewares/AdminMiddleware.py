from masonite.middleware import Middleware


class AdminMiddleware(Middleware):
    """Only lets agents flagged as administrators through."""

    def before(self, request, response):
        user = request.user()
        if not user:
            return response.redirect(name="login")
        if not user.is_admin:
            return response.status(403).view("Forbidden")
        return request

    def after(self, request, response):
        return request
