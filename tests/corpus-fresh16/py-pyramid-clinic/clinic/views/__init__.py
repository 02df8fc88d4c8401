from pyramid.httpexceptions import HTTPBadRequest


def json_error(code, status=400, **extra):
    exc = HTTPBadRequest(json_body={"error": code, **extra})
    exc.status = status
    return exc
