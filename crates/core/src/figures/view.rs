//! The figures as the manager's page shows them: for today and this month, a chart with its table
//! for cases by service and by channel, 好差评 by level and 诉求 by kind; and the overdue cases as a
//! table. Every word comes from the locale; every number is the platform's.

use huiban_api::{CentreFigures, Count, PeriodFigures, RequestCount};

use super::chart::{ChartView, bars};
use crate::dates::plain_time;
use crate::i18n::Localizer;

/// The centre's figures, ready to show.
#[derive(Debug, Clone, PartialEq, serde::Serialize, specta::Type)]
pub struct FiguresView {
    /// 东城区政务服务中心 · 2026年3月30日 11:00 统计.
    pub counted: String,
    /// Today, then this month.
    pub periods: Vec<PeriodView>,
    /// The cases past their promised date.
    pub overdue: TableView,
}

/// One period's figures.
#[derive(Debug, Clone, PartialEq, serde::Serialize, specta::Type)]
pub struct PeriodView {
    /// `today` or `month`.
    pub key: String,
    /// 今天 or 本月.
    pub name: String,
    /// The period in one sentence: 收到办件 3 件，诉求 3 件，好差评 2 条.
    pub headline: String,
    /// Cases by service, cases by channel, 好差评, 诉求.
    pub charts: Vec<ChartView>,
}

/// A table with no chart (the overdue cases).
#[derive(Debug, Clone, PartialEq, serde::Serialize, specta::Type)]
pub struct TableView {
    /// Its title.
    pub title: String,
    /// What it holds, in one sentence.
    pub summary: String,
    /// Column headings.
    pub columns: Vec<String>,
    /// Rows.
    pub rows: Vec<Vec<String>>,
}

/// The view of `figures` in the words of `localizer`.
pub fn view_of(figures: &CentreFigures, localizer: &Localizer) -> FiguresView {
    FiguresView {
        counted: localizer.text(
            "figures-counted",
            &[
                ("centre", figures.centre.as_str()),
                ("time", &plain_time(&figures.counted_at, localizer)),
            ],
        ),
        periods: vec![
            period("today", &figures.today, localizer),
            period("month", &figures.month, localizer),
        ],
        overdue: overdue(figures, localizer),
    }
}

fn period(key: &str, figures: &PeriodFigures, localizer: &Localizer) -> PeriodView {
    let cases: u32 = figures.cases_by_channel.iter().map(|c| c.count).sum();
    let requests: u32 = figures.requests_by_kind.iter().map(|r| r.received).sum();
    let ratings: u32 = figures.satisfaction.iter().map(|c| c.count).sum();
    PeriodView {
        key: key.to_owned(),
        name: localizer.text(&format!("figures-period-{key}"), &[]),
        headline: localizer.text(
            "figures-headline",
            &[
                ("cases", &cases.to_string()),
                ("requests", &requests.to_string()),
                ("ratings", &ratings.to_string()),
            ],
        ),
        charts: vec![
            cases_chart(
                &format!("{key}-service"),
                "figures-by-service",
                "figures-column-service",
                &figures.cases_by_service,
                |count| count.label.clone(),
                localizer,
            ),
            cases_chart(
                &format!("{key}-channel"),
                "figures-by-channel",
                "figures-column-channel",
                &figures.cases_by_channel,
                |count| localizer.text(&format!("figures-channel-{}", count.key), &[]),
                localizer,
            ),
            satisfaction_chart(
                &format!("{key}-satisfaction"),
                &figures.satisfaction,
                localizer,
            ),
            requests_chart(
                &format!("{key}-requests"),
                &figures.requests_by_kind,
                localizer,
            ),
        ],
    }
}

/// Words for `count` of cases (`件`) or ratings (`条`).
fn counted(id: &str, count: u32, localizer: &Localizer) -> String {
    localizer.text(id, &[("count", &count.to_string())])
}

fn cases_chart(
    id: &str,
    title: &str,
    column: &str,
    counts: &[Count],
    label: impl Fn(&Count) -> String,
    localizer: &Localizer,
) -> ChartView {
    let values: Vec<(String, u32, String)> = counts
        .iter()
        .map(|count| {
            let words = counted("figures-cases-count", count.count, localizer);
            (label(count), count.count, words)
        })
        .collect();
    let total: u32 = counts.iter().map(|c| c.count).sum();
    let summary = match values.first() {
        Some((top, count, _)) => localizer.text(
            "figures-summary-cases",
            &[
                ("total", &total.to_string()),
                ("top", top.as_str()),
                ("count", &count.to_string()),
            ],
        ),
        None => localizer.text("figures-summary-none", &[]),
    };
    let rows = values
        .iter()
        .map(|(label, value, _)| vec![label.clone(), value.to_string()])
        .collect();
    ChartView {
        id: id.to_owned(),
        title: localizer.text(title, &[]),
        empty_words: (total == 0).then(|| localizer.text("figures-nothing", &[])),
        summary,
        bars: bars(values),
        columns: vec![
            localizer.text(column, &[]),
            localizer.text("figures-column-count", &[]),
        ],
        rows,
    }
}

fn satisfaction_chart(id: &str, levels: &[Count], localizer: &Localizer) -> ChartView {
    let values: Vec<(String, u32, String)> = levels
        .iter()
        .map(|level| {
            let name = localizer.text(&format!("evaluation-level-{}", level.key), &[]);
            let words = counted("figures-ratings-count", level.count, localizer);
            (name, level.count, words)
        })
        .collect();
    let of = |keys: [&str; 2]| -> u32 {
        levels
            .iter()
            .filter(|level| keys.contains(&level.key.as_str()))
            .map(|level| level.count)
            .sum()
    };
    let total: u32 = levels.iter().map(|level| level.count).sum();
    let rows = values
        .iter()
        .map(|(label, value, _)| vec![label.clone(), value.to_string()])
        .collect();
    ChartView {
        id: id.to_owned(),
        title: localizer.text("figures-satisfaction", &[]),
        summary: localizer.text(
            "figures-summary-ratings",
            &[
                ("total", &total.to_string()),
                ("good", &of(["1", "2"]).to_string()),
                ("bad", &of(["4", "5"]).to_string()),
            ],
        ),
        empty_words: (total == 0).then(|| localizer.text("figures-nothing", &[])),
        bars: bars(values),
        columns: vec![
            localizer.text("figures-column-level", &[]),
            localizer.text("figures-column-ratings", &[]),
        ],
        rows,
    }
}

/// How long closing took, on average, in hours under a day, else in days.
fn mean_words(hours: Option<f64>, localizer: &Localizer) -> String {
    match hours {
        None => localizer.text("figures-none-closed", &[]),
        Some(hours) if hours < 24.0 => {
            localizer.text("figures-hours", &[("hours", &format!("{hours:.1}"))])
        }
        Some(hours) => localizer.text("figures-days", &[("days", &format!("{:.1}", hours / 24.0))]),
    }
}

fn requests_chart(id: &str, kinds: &[RequestCount], localizer: &Localizer) -> ChartView {
    let name = |kind: &RequestCount| localizer.text(&format!("figures-kind-{}", kind.kind), &[]);
    let values = kinds
        .iter()
        .map(|kind| {
            let words = counted("figures-cases-count", kind.received, localizer);
            (name(kind), kind.received, words)
        })
        .collect();
    let total: u32 = kinds.iter().map(|kind| kind.received).sum();
    let closed: u32 = kinds.iter().map(|kind| kind.closed).sum();
    ChartView {
        id: id.to_owned(),
        title: localizer.text("figures-requests", &[]),
        summary: localizer.text(
            "figures-summary-requests",
            &[
                ("total", &total.to_string()),
                ("closed", &closed.to_string()),
            ],
        ),
        empty_words: (total == 0).then(|| localizer.text("figures-nothing", &[])),
        bars: bars(values),
        columns: [
            "figures-column-kind",
            "figures-column-received",
            "figures-column-closed",
            "figures-column-mean",
        ]
        .iter()
        .map(|id| localizer.text(id, &[]))
        .collect(),
        rows: kinds
            .iter()
            .map(|kind| {
                vec![
                    name(kind),
                    kind.received.to_string(),
                    kind.closed.to_string(),
                    mean_words(kind.mean_hours_to_close, localizer),
                ]
            })
            .collect(),
    }
}

fn overdue(figures: &CentreFigures, localizer: &Localizer) -> TableView {
    let count = figures.overdue.len();
    TableView {
        title: localizer.text("figures-overdue", &[]),
        summary: if count == 0 {
            localizer.text("figures-overdue-none", &[])
        } else {
            localizer.text("figures-overdue-summary", &[("count", &count.to_string())])
        },
        columns: [
            "figures-column-number",
            "figures-column-service",
            "figures-column-department",
            "figures-column-due",
            "figures-column-over",
        ]
        .iter()
        .map(|id| localizer.text(id, &[]))
        .collect(),
        rows: figures
            .overdue
            .iter()
            .map(|case| {
                vec![
                    case.application_no.clone(),
                    case.item_name.clone(),
                    case.department.clone(),
                    case.due.clone(),
                    case.working_days_over.to_string(),
                ]
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use huiban_api::OverdueCase;

    fn count(key: &str, label: &str, count: u32) -> Count {
        Count {
            key: key.to_owned(),
            label: label.to_owned(),
            count,
        }
    }

    /// A day with three cases, two ratings and three requests, one of them closed in 2 hours.
    fn sample() -> CentreFigures {
        let day = PeriodFigures {
            since: "2026-03-30T00:00:00+08:00".to_owned(),
            cases_by_service: vec![
                count("A1", "高龄津贴申领", 2),
                count("B2", "老年人优待证办理", 1),
            ],
            cases_by_channel: vec![count("1", "", 2), count("2", "", 1)],
            satisfaction: ["1", "2", "3", "4", "5"]
                .iter()
                .map(|level| count(level, "", u32::from(*level == "1" || *level == "4")))
                .collect(),
            requests_by_kind: vec![
                RequestCount {
                    kind: "consultation".to_owned(),
                    received: 2,
                    closed: 1,
                    mean_hours_to_close: Some(2.0),
                },
                RequestCount {
                    kind: "complaint".to_owned(),
                    received: 1,
                    closed: 0,
                    mean_hours_to_close: None,
                },
            ],
        };
        CentreFigures {
            centre: "东城区政务服务中心".to_owned(),
            counted_at: "2026-03-30T11:00:00+08:00".to_owned(),
            today: day.clone(),
            month: day,
            overdue: vec![OverdueCase {
                application_no: "110101260302000001".to_owned(),
                item_name: "高龄津贴申领".to_owned(),
                department: "北京市东城区民政局".to_owned(),
                due: "2026-03-23".to_owned(),
                working_days_over: 5,
            }],
        }
    }

    #[test]
    fn each_chart_has_its_numbers_as_a_table_and_in_a_sentence() {
        let view = view_of(&sample(), crate::i18n::spoken());
        assert_eq!(
            view.counted,
            "东城区政务服务中心 · 2026年3月30日 11:00 统计"
        );
        let today = &view.periods[0];
        assert_eq!(today.name, "今天");
        assert_eq!(today.headline, "收到办件3件，诉求3件，好差评2条。");
        let channels = &today.charts[1];
        assert_eq!(channels.title, "办件（按办理渠道）");
        assert_eq!(channels.rows, [["窗口办理", "2"], ["网上办理", "1"]]);
        assert_eq!(channels.bars[0].value_words, "2件");
        assert_eq!(channels.summary, "共3件，最多的是窗口办理，2件。");
        let ratings = &today.charts[2];
        assert_eq!(ratings.rows.len(), 5, "every level, given or not");
        assert_eq!(ratings.rows[0], ["非常满意", "1"]);
        assert_eq!(
            ratings.summary,
            "共2条：非常满意和满意1条，不满意和非常不满意1条。"
        );
        let requests = &today.charts[3];
        assert_eq!(requests.rows[0], ["咨询", "2", "1", "2.0小时"]);
        assert_eq!(requests.rows[1], ["投诉", "1", "0", "还没有办结"]);
        assert_eq!(view.overdue.rows[0][4], "5");
        assert_eq!(view.overdue.summary, "有1件过了承诺办结的日子还没办完。");
    }

    #[test]
    fn a_period_with_nothing_says_so_instead_of_drawing() {
        let mut quiet = sample();
        quiet.today.cases_by_service.clear();
        quiet.today.cases_by_channel.clear();
        let view = view_of(&quiet, crate::i18n::spoken());
        let services = &view.periods[0].charts[0];
        assert_eq!(services.empty_words.as_deref(), Some("这段时间还没有。"));
        assert!(services.bars.is_empty());
        assert_eq!(mean_words(Some(36.0), crate::i18n::spoken()), "1.5天");
    }
}
