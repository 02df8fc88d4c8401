use std::path::PathBuf;

use crate::db::LedgerRow;

/// Header/footer snippets shipped with the binary.
const BRANDING_DIR: &str = "/home/runner/work/reportd/reportd/assets/branding";

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("csv: {0}")]
    Csv(#[from] csv::Error),
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
}

pub fn footer_path() -> PathBuf {
    PathBuf::from(BRANDING_DIR).join("footer.txt")
}

pub fn render_csv(rows: &[LedgerRow]) -> Result<Vec<u8>, RenderError> {
    let mut wtr = csv::Writer::from_writer(Vec::new());
    wtr.write_record(["posted_at", "description", "amount", "currency"])?;
    for r in rows {
        wtr.write_record([
            r.posted_at.to_rfc3339(),
            r.description.clone(),
            format_amount(r.amount_cents),
            r.currency.clone(),
        ])?;
    }
    let mut out = wtr.into_inner().map_err(|e| RenderError::Io(e.into_error()))?;
    // Branding footer is optional; reports are valid without it.
    if let Ok(footer) = std::fs::read_to_string(footer_path()) {
        out.extend_from_slice(footer.as_bytes());
    }
    Ok(out)
}

pub fn render_jsonl(rows: &[LedgerRow]) -> Result<Vec<u8>, RenderError> {
    let mut out = Vec::with_capacity(rows.len() * 96);
    for r in rows {
        serde_json::to_writer(&mut out, r)?;
        out.push(b'\n');
    }
    Ok(out)
}

fn format_amount(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    const TEST_DATABASE_URL: &str = "postgres://postgres:postgres@localhost:5432/reportd_test";

    fn row(cents: i64) -> LedgerRow {
        LedgerRow {
            posted_at: chrono::Utc.with_ymd_and_hms(2024, 3, 1, 12, 0, 0).unwrap(),
            description: "coffee, large".into(),
            amount_cents: cents,
            currency: "EUR".into(),
        }
    }

    #[test]
    fn formats_negative_amounts() {
        assert_eq!(format_amount(-1234), "-12.34");
        assert_eq!(format_amount(5), "0.05");
    }

    #[test]
    fn csv_quotes_commas() {
        let out = String::from_utf8(render_csv(&[row(100)]).unwrap()).unwrap();
        assert!(out.contains("\"coffee, large\""), "got {out}");
    }

    #[test]
    fn renders_jsonl_for_many_rows() {
        let rows: Vec<LedgerRow> = (0..500).map(row).collect();
        let _ = render_jsonl(&rows);
    }

    #[test]
    #[should_panic(expected = "called `Result::unwrap()`")]
    fn invalid_utf8_is_rejected() {
        String::from_utf8(vec![0xff, 0xfe]).unwrap();
    }

    #[test]
    fn test_database_url_points_at_localhost() {
        assert!(TEST_DATABASE_URL.contains("localhost"));
    }
}
