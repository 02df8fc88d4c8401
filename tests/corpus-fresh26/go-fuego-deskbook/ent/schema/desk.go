package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
)

// Desk holds the schema definition for the Desk entity.
type Desk struct {
	ent.Schema
}

func (Desk) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().Unique(),
		field.String("zone").Default("open"),
		field.Int64("hourly_rate_cents").Positive(),
		field.Bool("active").Default(true),
	}
}

func (Desk) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("bookings", Booking.Type),
	}
}
