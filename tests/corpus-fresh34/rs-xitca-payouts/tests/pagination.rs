use payouts::handlers::page_bounds;

fn assert_bounds(input: (i64, i64), expected: (i64, i64)) {
    assert_eq!(
        page_bounds(input.0, input.1),
        expected,
        "page_bounds{input:?}"
    );
}

#[test]
fn limits_are_clamped() {
    let _ = tracing_subscriber::fmt().with_test_writer().try_init();
    assert_bounds((0, 0), (1, 0));
    assert_bounds((500, 10), (100, 10));
}

#[test]
fn negative_offsets_start_at_zero() {
    assert_bounds((25, -5), (25, 0));
}

#[test]
fn default_page_is_reasonable() {
    let bounds = page_bounds(25, 0);
    dbg!(bounds);
}
