package design

import (
	. "goa.design/goa/v3/dsl"
)

var _ = API("fleetlog", func() {
	Title("Fleet maintenance log")
	Description("Vehicles, service records and telematics ingest for the depot network.")
	Version("1.4")
	Server("fleetlog", func() {
		Host("production", func() { URI("https://fleetlog.northwind-logistics.com") })
		Host("local", func() { URI("http://localhost:8088") })
	})
})

// JWTAuth is issued by the company IdP; scopes map to depot roles.
var JWTAuth = JWTSecurity("jwt", func() {
	Scope("vehicles:read", "Read vehicles and service history")
	Scope("vehicles:write", "Record services and update vehicles")
	Scope("fleet:admin", "Retire vehicles and purge history")
})

// IngestKey authenticates telematics gateways pushing odometer readings.
var IngestKey = APIKeySecurity("ingest_key", func() {
	Description("Per-gateway key sent in the X-Ingest-Key header")
})

var Vehicle = Type("Vehicle", func() {
	Attribute("id", String, "Fleet number", func() { Example("NW-1042") })
	Attribute("vin", String)
	Attribute("depot", String)
	Attribute("odometer_km", Int)
	Attribute("next_service_km", Int)
	Attribute("retired", Boolean)
	Required("id", "vin", "depot", "odometer_km", "retired")
})

var ServiceRecord = Type("ServiceRecord", func() {
	Attribute("vehicle_id", String)
	Attribute("performed_at", String, func() { Format(FormatDateTime) })
	Attribute("odometer_km", Int)
	Attribute("notes", String)
	Required("vehicle_id", "performed_at", "odometer_km")
})

var _ = Service("vehicles", func() {
	Description("Fleet vehicles and their maintenance history.")
	Security(JWTAuth, func() { Scope("vehicles:read") })

	Error("unauthorized", String, "Credentials are missing or invalid")
	Error("forbidden", String, "Token lacks the required scope")
	Error("not_found", String, "Vehicle does not exist")

	HTTP(func() {
		Path("/v1")
		Response("unauthorized", StatusUnauthorized)
		Response("forbidden", StatusForbidden)
		Response("not_found", StatusNotFound)
	})

	Method("health", func() {
		NoSecurity()
		Result(String)
		HTTP(func() { GET("/healthz") })
	})

	Method("list", func() {
		Payload(func() {
			Token("token", String)
			Attribute("depot", String)
			Attribute("include_retired", Boolean, func() { Default(false) })
		})
		Result(ArrayOf(Vehicle))
		HTTP(func() {
			GET("/vehicles")
			Param("depot")
			Param("include_retired")
		})
	})

	Method("service_due", func() {
		Payload(func() {
			Token("token", String)
			Attribute("id", String)
			Attribute("as_of", String, func() { Format(FormatDate) })
			Required("id")
		})
		Result(Int, "Kilometres until the next service, negative when overdue")
		HTTP(func() {
			GET("/vehicles/{id}/service-due")
			Param("as_of")
		})
	})

	Method("record_service", func() {
		Security(JWTAuth, func() { Scope("vehicles:write") })
		Payload(func() {
			Token("token", String)
			Extend(ServiceRecord)
		})
		Result(ServiceRecord)
		HTTP(func() { POST("/vehicles/{vehicle_id}/services") })
	})

	Method("retire", func() {
		Security(JWTAuth, func() { Scope("fleet:admin") })
		Payload(func() {
			Token("token", String)
			Attribute("id", String)
			Required("id")
		})
		HTTP(func() { POST("/vehicles/{id}/retire") })
	})

	Method("purge_history", func() {
		NoSecurity()
		Payload(func() {
			Attribute("id", String)
			Required("id")
		})
		HTTP(func() { DELETE("/vehicles/{id}/services") })
	})

	Method("export_fuel_cards", func() {
		Security(JWTAuth, func() { Scope("fleet:admin") })
		Payload(func() { Token("token", String) })
		Result(Bytes)
		HTTP(func() { GET("/exports/fuel-cards") })
	})

	Method("ingest_odometer", func() {
		Security(IngestKey)
		Payload(func() {
			APIKey("ingest_key", "key", String)
			Attribute("vehicle_id", String)
			Attribute("odometer_km", Int)
			Required("vehicle_id", "odometer_km")
		})
		HTTP(func() {
			POST("/ingest/odometer")
			Header("key:X-Ingest-Key")
		})
	})
})
