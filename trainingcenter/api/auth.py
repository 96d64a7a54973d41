"""Bearer-token authentication for the JSON API.

``Authorization: Bearer <token>``; the token is looked up by its SHA-256
digest, so the comparison happens inside the database index on a value that
reveals nothing about the token. A token only works while its owner is active
staff and the token is not revoked.
"""
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer

from trainingcenter.center.models import ApiToken
from trainingcenter.center.services import touch_api_token

MAX_TOKEN_LENGTH = 200


def user_for_token(raw_token):
    """The staff user owning this raw token, or None."""
    if not raw_token or len(raw_token) > MAX_TOKEN_LENGTH:
        return None
    token = ApiToken.objects.active().select_related("user").filter(digest=ApiToken.digest_of(raw_token)).first()
    if token is None:
        return None
    touch_api_token(token)
    return token.user


class StaffToken(HttpBearer):
    """Staff endpoints: a valid token is required; the request's user becomes its owner."""

    def authenticate(self, request, token):
        user = user_for_token(token)
        if user is None:
            return None
        # Permission checks downstream use the usual request.user.
        request.user = user
        return user


class OptionalStaffToken(StaffToken):
    """Public endpoints that staff may also call: no header is fine, a bad token is not.

    A wrong or expired token must fail loudly (401) rather than silently
    downgrade the caller to an anonymous visitor.
    """

    def __call__(self, request):
        if not request.headers.get("Authorization"):
            return ANONYMOUS
        user = super().__call__(request)
        if user is None:
            raise AuthenticationError()
        return user


def document_optional_auth(schema):
    """Mark the operations that take an ``OptionalStaffToken`` as callable without one.

    ninja lists every auth as required; OpenAPI says "optional" with an empty
    requirement beside the token, which is what clients and test tools read.
    """
    name = OptionalStaffToken.__name__
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            security = operation.get("security") or []
            if any(name in requirement for requirement in security) and {} not in security:
                security.append({})
    return schema


class _Anonymous:
    """Truthy marker for 'no credentials given', so ninja lets the request through."""

    is_authenticated = False
    is_staff = False

    def __bool__(self):
        return True


ANONYMOUS = _Anonymous()
