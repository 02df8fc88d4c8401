package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
)

// Member holds the schema definition for the Member entity.
type Member struct {
	ent.Schema
}

func (Member) Fields() []ent.Field {
	return []ent.Field{
		field.String("email").Unique(),
		field.String("name"),
		field.String("password_hash").Sensitive(),
		field.Enum("role").Values("member", "admin").Default("member"),
	}
}

func (Member) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("bookings", Booking.Type),
	}
}
