//! Pages of a person's lists (cases, 诉求, licences, who acted for her): `limit` and `after` in the
//! query, newest first, and a `Link: <…>; rel="next"` header while more remain, as GitHub pages.

use axum::Json;
use axum::http::HeaderValue;
use axum::http::header::LINK;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;

/// Items a page holds when the query names no `limit`.
pub const DEFAULT_LIMIT: u32 = 50;
/// Most items one page holds; a larger `limit` gets this many.
pub const MAX_LIMIT: u32 = 100;

/// Query string of a paged list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Items a page holds: 50 when absent, at most 100 (a larger number gets 100, 0 gets 1).
    limit: Option<u32>,
    /// Where the page starts: the `after` of the last page's `Link: <…>; rel="next"` header.
    /// Absent for the first page; a key not among the caller's items gives an empty page.
    #[param(max_length = 64)]
    after: Option<String>,
}

impl PageQuery {
    /// How many items the page holds.
    pub fn limit(&self) -> u32 {
        self.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT)
    }

    /// The key after which the page starts, if any.
    pub fn after(&self) -> Option<&str> {
        self.after.as_deref()
    }

    /// How many rows to ask the store for: one more than the page, to know whether more remain.
    pub fn rows_to_read(&self) -> u32 {
        self.limit() + 1
    }
}

/// One page of a list, answered as a JSON array with a `Link` header to the next page.
#[derive(Debug)]
pub struct Page<T> {
    items: Vec<T>,
    next: Option<String>,
}

impl<T> Page<T> {
    /// The page of `rows` (read with [`PageQuery::rows_to_read`]) at `path`: its first `limit`
    /// rows and, when the store had more, a link to the page after the last one's `key`.
    pub fn of(mut rows: Vec<T>, query: &PageQuery, path: &str, key: impl Fn(&T) -> String) -> Self {
        let limit = query.limit() as usize;
        let more = rows.len() > limit;
        rows.truncate(limit);
        let next = rows.last().filter(|_| more).map(|last| {
            let after: String = form_urlencoded::byte_serialize(key(last).as_bytes()).collect();
            format!(
                "<{path}?limit={}&after={after}>; rel=\"next\"",
                query.limit()
            )
        });
        Self { items: rows, next }
    }

    /// The same page with only the items `keep` takes (the link stays: later pages may hold more).
    pub fn filter(mut self, keep: impl Fn(&T) -> bool) -> Self {
        self.items.retain(keep);
        self
    }
}

impl<T: Serialize> IntoResponse for Page<T> {
    fn into_response(self) -> Response {
        let mut response = Json(self.items).into_response();
        if let Some(next) = self.next.and_then(|link| HeaderValue::from_str(&link).ok()) {
            response.headers_mut().insert(LINK, next);
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(limit: Option<u32>) -> PageQuery {
        PageQuery { limit, after: None }
    }

    #[test]
    fn a_page_links_to_the_next_only_while_more_remain() {
        let q = query(Some(2));
        assert_eq!(q.rows_to_read(), 3);
        let page = Page::of(vec!["c", "b", "a"], &q, "/api/v1/x", |s| format!("N {s}"));
        assert_eq!(page.items, ["c", "b"]);
        assert_eq!(
            page.next.as_deref(),
            Some("</api/v1/x?limit=2&after=N+b>; rel=\"next\"")
        );
        let last = Page::of(vec!["a"], &q, "/api/v1/x", |s| (*s).to_owned());
        assert_eq!(last.next, None);
    }

    #[test]
    fn the_limit_is_kept_within_bounds() {
        assert_eq!(query(None).limit(), DEFAULT_LIMIT);
        assert_eq!(query(Some(0)).limit(), 1);
        assert_eq!(query(Some(100_000)).limit(), MAX_LIMIT);
    }
}
