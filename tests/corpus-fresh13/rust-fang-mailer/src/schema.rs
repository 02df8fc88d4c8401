// @generated automatically by Diesel CLI.

diesel::table! {
    digests (id) {
        id -> Int8,
        user_id -> Int8,
        period -> Varchar,
        sent_at -> Nullable<Timestamptz>,
        message_id -> Nullable<Varchar>,
    }
}

diesel::table! {
    users (id) {
        id -> Int8,
        email -> Varchar,
        display_name -> Varchar,
        unsubscribed -> Bool,
    }
}
