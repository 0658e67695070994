from litestar.openapi import OpenAPIConfig, ResponseSpec
from litestar.openapi.spec import Components, SecurityRequirement, SecurityScheme

from entrypoints.http.structs import ErrorBody

AUTHENTICATED: list[SecurityRequirement] = [{"Token": []}]
OPTIONALLY_AUTHENTICATED: list[SecurityRequirement] = [{}, {"Token": []}]

_MEANINGS = {
    400: "Malformed request body, or a Host not allowed",
    401: "Missing or invalid token",
    403: "Not allowed for this user",
    404: "Not found",
    409: "Already taken",
    413: "Request body too large",
    422: "Invalid field values",
    429: "Rate limit spent; see Retry-After",
    503: "Database unavailable; see Retry-After",
}
ANY_REQUEST = (400, 422, 429, 503)  # a host not allowed, a bad value, a rate limit, the database
WITH_A_BODY = (413,)


def errors(*status_codes: int, body: bool = False) -> dict[int, ResponseSpec]:
    """Documents error responses, all in the RealWorld error shape: the given ones, those
    any request can meet, and those of a request with a body."""
    codes = {*status_codes, *ANY_REQUEST, *(WITH_A_BODY if body else ())}
    return {
        code: ResponseSpec(data_container=ErrorBody, description=_MEANINGS[code])
        for code in sorted(codes)
    }


openapi_config = OpenAPIConfig(
    title="Conduit",
    version="2.0.0",
    description="The RealWorld Conduit API. Send `Authorization: Token <jwt>`.",
    path="/schema",
    components=Components(
        security_schemes={
            "Token": SecurityScheme(
                type="apiKey",
                name="Authorization",
                security_scheme_in="header",
                description="`Token <jwt>` as returned by register or login",
            )
        }
    ),
)
