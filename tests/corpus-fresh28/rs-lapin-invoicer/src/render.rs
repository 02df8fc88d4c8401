use genpdf::elements::{Break, Paragraph, TableLayout};
use genpdf::{fonts, Document, Element, SimplePageDecorator};
use std::path::{Path, PathBuf};

use crate::db::Invoice;
use crate::messages::Line;

const FONT_DIR: &str = "/Users/olek/Library/Fonts";
const FONT_FAMILY: &str = "LiberationSans";

#[derive(Debug, Clone, Copy)]
pub enum Format {
    Pdf,
    Html,
}

impl Format {
    pub fn parse(s: &str) -> Self {
        match s {
            "pdf" => Format::Pdf,
            "html" => Format::Html,
            other => unreachable!("clap restricts --format to pdf|html, got {other}"),
        }
    }
}

fn money(cents: i64, currency: &str) -> String {
    format!("{:.2} {currency}", cents as f64 / 100.0)
}

pub fn render_html(invoice: &Invoice, lines: &[Line]) -> String {
    let rows: String = lines
        .iter()
        .map(|l| {
            format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                l.description,
                l.quantity,
                money(l.unit_cents, &invoice.currency)
            )
        })
        .collect();
    format!(
        "<html><body><h1>Invoice {}</h1><table>{rows}</table><p>Total {}</p><p>Due {}</p></body></html>",
        invoice.number,
        money(invoice.total_cents, &invoice.currency),
        invoice.due_on
    )
}

/// Renders into the OS temp dir first and moves the finished file into
/// `storage_dir`, so a crash never leaves a truncated PDF where mail picks it up.
pub fn render_pdf(invoice: &Invoice, lines: &[Line], storage_dir: &Path) -> anyhow::Result<PathBuf> {
    let family = fonts::from_files(FONT_DIR, FONT_FAMILY, None)?;
    let mut doc = Document::new(family);
    doc.set_title(format!("Invoice {}", invoice.number));
    let mut decorator = SimplePageDecorator::new();
    decorator.set_margins(12);
    doc.set_page_decorator(decorator);

    doc.push(Paragraph::new(format!("Invoice {}", invoice.number)).styled(genpdf::style::Style::new().bold()));
    doc.push(Break::new(1));
    let mut table = TableLayout::new(vec![4, 1, 2]);
    for l in lines {
        table
            .row()
            .element(Paragraph::new(l.description.clone()))
            .element(Paragraph::new(l.quantity.to_string()))
            .element(Paragraph::new(money(l.unit_cents, &invoice.currency)))
            .push()?;
    }
    doc.push(table);
    doc.push(Paragraph::new(format!("Total: {}", money(invoice.total_cents, &invoice.currency))));

    let scratch = std::env::temp_dir().join(format!("{}.pdf.part", invoice.number));
    doc.render_to_file(&scratch)?;
    std::fs::create_dir_all(storage_dir)?;
    let target = storage_dir.join(format!("{}.pdf", invoice.number));
    if let Err(e) = std::fs::rename(&scratch, &target) {
        let _ = std::fs::remove_file(&scratch);
        return Err(e.into());
    }
    Ok(target)
}
