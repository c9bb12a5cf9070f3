//! The figures as a CSV table the manager can open in a spreadsheet: who counted and when, then each
//! period's tables under their titles, then the overdue cases. UTF-8 with a byte-order mark, so that
//! spreadsheet programs read the Chinese right.

use std::path::PathBuf;

use super::view::FiguresView;
use crate::Error;

/// The byte-order mark spreadsheet programs look for to read UTF-8.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The CSV bytes of `view`.
pub fn csv_of(view: &FiguresView) -> Result<Vec<u8>, Error> {
    let mut out = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(BOM.to_vec());
    let failed = |error: csv::Error| {
        tracing::warn!(%error, "the figures' table was not written");
        Error::plain("figures-csv-failed")
    };
    out.write_record([view.counted.as_str()]).map_err(failed)?;
    for period in &view.periods {
        for chart in &period.charts {
            out.write_record([""]).map_err(failed)?;
            out.write_record([format!("{}：{}", period.name, chart.title)])
                .map_err(failed)?;
            out.write_record(&chart.columns).map_err(failed)?;
            for row in &chart.rows {
                out.write_record(row).map_err(failed)?;
            }
        }
    }
    out.write_record([""]).map_err(failed)?;
    out.write_record([view.overdue.title.as_str()])
        .map_err(failed)?;
    out.write_record(&view.overdue.columns).map_err(failed)?;
    for row in &view.overdue.rows {
        out.write_record(row).map_err(failed)?;
    }
    out.into_inner().map_err(|error| {
        tracing::warn!(%error, "the figures' table was not finished");
        Error::plain("figures-csv-failed")
    })
}

/// Where the table counted at `stamp` (`YYYYMMDD-HHMM`) is saved: 惠办报表/中心数据-<stamp>.csv in
/// the documents folder.
pub fn csv_path(stamp: &str) -> Result<PathBuf, Error> {
    let dir = crate::documents::folder("惠办报表", "figures-csv-failed")?;
    Ok(dir.join(format!("中心数据-{stamp}.csv")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::view::TableView;

    #[test]
    fn the_table_opens_as_utf8_with_each_title_above_its_rows() {
        let view = FiguresView {
            counted: "东城区政务服务中心 · 2026年3月30日 11:00 统计".to_owned(),
            periods: Vec::new(),
            overdue: TableView {
                title: "超期办件".to_owned(),
                summary: String::new(),
                columns: vec!["办件编号".to_owned(), "事项".to_owned()],
                rows: vec![vec![
                    "110101260302000001".to_owned(),
                    "高龄津贴申领, 复核".to_owned(),
                ]],
            },
        };
        let bytes = csv_of(&view).unwrap();
        assert!(bytes.starts_with(BOM));
        let text = String::from_utf8(bytes[BOM.len()..].to_vec()).unwrap();
        assert_eq!(
            text,
            "东城区政务服务中心 · 2026年3月30日 11:00 统计\n\"\"\n超期办件\n办件编号,事项\n110101260302000001,\"高龄津贴申领, 复核\"\n"
        );
    }
}
