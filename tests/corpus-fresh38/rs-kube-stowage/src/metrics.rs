use prometheus::{register_histogram_vec, register_int_counter_vec, Encoder, HistogramVec, IntCounterVec, TextEncoder};

#[derive(Clone)]
pub struct Metrics {
    pub reconciliations: IntCounterVec,
    pub failures: IntCounterVec,
    pub duration: HistogramVec,
}

impl Default for Metrics {
    fn default() -> Self {
        Self {
            reconciliations: register_int_counter_vec!(
                "stowage_operator_reconciliations_total",
                "Reconciliations by outcome",
                &["outcome"]
            )
            .expect("metric registers once"),
            failures: register_int_counter_vec!(
                "stowage_operator_reconcile_errors_total",
                "Reconcile errors by kind",
                &["error"]
            )
            .expect("metric registers once"),
            duration: register_histogram_vec!(
                "stowage_operator_reconcile_duration_seconds",
                "Reconcile duration",
                &["phase"],
                vec![0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0]
            )
            .expect("metric registers once"),
        }
    }
}

pub fn render() -> String {
    let mut buf = Vec::new();
    TextEncoder::new()
        .encode(&prometheus::gather(), &mut buf)
        .expect("text encoding into a Vec cannot fail");
    String::from_utf8(buf).unwrap_or_default()
}
