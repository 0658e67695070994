from litestar.openapi import OpenAPIConfig, ResponseSpec
from litestar.openapi.spec import Components, SecurityRequirement, SecurityScheme

from entrypoints.http.structs import ErrorBody

AUTHENTICATED: list[SecurityRequirement] = [{"Token": []}]
OPTIONALLY_AUTHENTICATED: list[SecurityRequirement] = [{}, {"Token": []}]

_MEANINGS = {
    400: "Malformed request body",
    401: "Missing or invalid token",
    403: "Not allowed for this user",
    404: "Not found",
    409: "Already taken",
    422: "Invalid field values",
}


def errors(*status_codes: int) -> dict[int, ResponseSpec]:
    """Documents error responses, all in the RealWorld error shape."""
    return {
        code: ResponseSpec(data_container=ErrorBody, description=_MEANINGS[code])
        for code in status_codes
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
