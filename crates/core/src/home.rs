//! Home: who she is and what waits for her, one calm line each with one tap to it, above the six
//! areas; the rule of what counts as waiting for her lives with the cases and requests.

mod service;

pub use service::HomeService;

use serde::Serialize;

use crate::cases::CaseSummary;
use crate::drafts::Unfinished;
use crate::i18n::Localizer;
use crate::requests::RequestSummary;

/// What home shows above its areas.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct HomeView {
    /// 张秀英，您好 when her name is known; 您好，请选择要办的事 otherwise.
    pub greeting: String,
    /// What waits for her, most pressing first: one line each.
    pub asks: Vec<HomeAsk>,
}

/// One thing that waits for her, in words, with where one tap takes her.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct HomeAsk {
    /// 有1件事要您补材料, 高龄津贴申领还没填完.
    pub words: String,
    /// Where it is done.
    pub goes_to: GoesTo,
}

/// Where a line of home takes her: the one thing, or the list of them when there are several.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum GoesTo {
    /// One case's page.
    Case {
        /// 办件编号.
        application_no: String,
    },
    /// What became of an application not pulled back yet (refused here, say).
    Sent {
        /// Its outbox id.
        client_id: String,
    },
    /// 进度.
    Progress,
    /// One 诉求's page.
    Request {
        /// 诉求编号.
        request_no: String,
    },
    /// 诉求.
    Requests,
    /// One unfinished form, where she left it.
    Draft {
        /// The draft.
        draft_id: String,
    },
    /// 我没办完的事.
    Unfinished,
}

impl HomeView {
    /// Home for `name` (when logged in and known) with her `cases`, `requests` and `unfinished`
    /// forms as their lists show them.
    pub fn of(
        name: Option<&str>,
        cases: &[CaseSummary],
        requests: &[RequestSummary],
        unfinished: &[Unfinished],
        localizer: &Localizer,
    ) -> Self {
        let greeting = match name.map(str::trim).filter(|name| !name.is_empty()) {
            Some(name) => localizer.text("home-greeting", &[("name", name)]),
            None => localizer.text("home-title", &[]),
        };
        let mut asks = case_asks(cases, localizer);
        asks.extend(request_ask(requests, localizer));
        asks.extend(unfinished_ask(unfinished, localizer));
        Self { greeting, asks }
    }
}

/// One line for each thing cases ask of her (补材料, 评价, a refused application), in the order
/// first met in 进度's list.
fn case_asks(cases: &[CaseSummary], localizer: &Localizer) -> Vec<HomeAsk> {
    let mut kinds: Vec<&str> = Vec::new();
    for asked in cases.iter().filter_map(|case| case.asks_you.as_deref()) {
        if !kinds.contains(&asked) {
            kinds.push(asked);
        }
    }
    kinds
        .into_iter()
        .map(|asked| {
            let of_kind: Vec<&CaseSummary> = cases
                .iter()
                .filter(|case| case.asks_you.as_deref() == Some(asked))
                .collect();
            let goes_to = match of_kind.as_slice() {
                [one] => match &one.waiting_client_id {
                    Some(client_id) => GoesTo::Sent {
                        client_id: client_id.clone(),
                    },
                    None => GoesTo::Case {
                        application_no: one.application_no.clone(),
                    },
                },
                _ => GoesTo::Progress,
            };
            let count = of_kind.len().to_string();
            HomeAsk {
                words: localizer.text("home-asks-cases", &[("count", &count), ("asks", asked)]),
                goes_to,
            }
        })
        .collect()
}

/// The line for the 诉求 that wait for her answer (回访 or 评价), if any.
fn request_ask(requests: &[RequestSummary], localizer: &Localizer) -> Option<HomeAsk> {
    let asking: Vec<&RequestSummary> = requests.iter().filter(|r| r.asks_you).collect();
    let goes_to = match asking.as_slice() {
        [] => return None,
        [one] => match &one.request_no {
            Some(request_no) => GoesTo::Request {
                request_no: request_no.clone(),
            },
            None => GoesTo::Requests,
        },
        _ => GoesTo::Requests,
    };
    let count = asking.len().to_string();
    Some(HomeAsk {
        words: localizer.text("home-asks-requests", &[("count", &count)]),
        goes_to,
    })
}

/// The line for the forms she began and did not send, if any.
fn unfinished_ask(unfinished: &[Unfinished], localizer: &Localizer) -> Option<HomeAsk> {
    match unfinished {
        [] => None,
        [one] => Some(HomeAsk {
            words: localizer.text("home-unfinished-one", &[("name", &one.name)]),
            goes_to: GoesTo::Draft {
                draft_id: one.draft_id.clone(),
            },
        }),
        several => Some(HomeAsk {
            words: localizer.text("home-unfinished", &[("count", &several.len().to_string())]),
            goes_to: GoesTo::Unfinished,
        }),
    }
}

#[cfg(test)]
mod tests;
