from masonite.routes import Route

ROUTES = [
    Route.get("/health", "HealthController@show").name("health"),
    Route.post("/hooks/mailgun/inbound", "InboundMailController@receive").name("hooks.mailgun").exclude_middleware("web"),

    Route.group(
        [
            Route.get("/", "TicketController@index").name("tickets.index"),
            Route.get("/@ticket_id:int", "TicketController@show").name("tickets.show"),
            Route.post("/", "TicketController@store").name("tickets.store"),
            Route.post("/@ticket_id:int/reply", "TicketController@reply").name("tickets.reply"),
            Route.post("/@ticket_id:int/assign", "TicketController@assign").name("tickets.assign"),
            Route.post("/@ticket_id:int/merge", "TicketController@merge").name("tickets.merge"),
            Route.post("/@ticket_id:int/close", "TicketController@close").name("tickets.close"),
        ],
        prefix="/tickets",
        middleware=["auth"],
    ),

    Route.group(
        [
            Route.get("/agents", "AdminController@agents").name("admin.agents"),
            Route.post("/agents/@user_id:int/deactivate", "AdminController@deactivate").name("admin.deactivate"),
            Route.get("/audit", "AdminController@audit").name("admin.audit"),
        ],
        prefix="/admin",
        middleware=["auth", "admin"],
    ),
    Route.get("/admin/export", "AdminController@export").name("admin.export"),

    Route.group(
        [
            Route.get("/tickets", "TicketController@api_index").name("api.tickets"),
            Route.post("/tickets", "TicketController@api_store").name("api.tickets.store"),
        ],
        prefix="/api/v1",
        middleware=["api.token"],
    ),
]
