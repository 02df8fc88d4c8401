package schema

import (
	"time"

	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Booking holds the schema definition for the Booking entity.
type Booking struct {
	ent.Schema
}

func (Booking) Fields() []ent.Field {
	return []ent.Field{
		field.Int("desk_id"),
		field.Int("member_id"),
		field.Time("starts_at"),
		field.Time("ends_at"),
		field.Enum("status").Values("confirmed", "checked_in", "cancelled").Default("confirmed"),
		field.Int64("amount_cents").NonNegative(),
		field.Bool("paid").Default(false),
		field.String("invoice_id").Optional(),
		field.Time("created_at").Default(time.Now).Immutable(),
	}
}

func (Booking) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("desk", Desk.Type).Ref("bookings").Field("desk_id").Unique().Required(),
		edge.From("member", Member.Type).Ref("bookings").Field("member_id").Unique().Required(),
	}
}

func (Booking) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("desk_id", "starts_at"),
		index.Fields("member_id", "ends_at"),
	}
}
