from litestar.openapi import OpenAPIConfig
from litestar.openapi.spec import Components, SecurityRequirement, SecurityScheme

AUTHENTICATED: list[SecurityRequirement] = [{"Token": []}]

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
