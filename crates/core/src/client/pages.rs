//! Paged lists: following each answer's `Link: <…>; rel="next"` to the end.

use serde::de::DeserializeOwned;

use super::{ClientError, MAX_PAGES, PlatformClient, decode_answer};

impl PlatformClient {
    /// Every item of the paged list at `path`, following each answer's `Link: <…>; rel="next"`.
    pub(super) async fn every_page<T: DeserializeOwned>(
        &self,
        access_token: &str,
        path: &str,
    ) -> Result<Vec<T>, ClientError> {
        let mut items = Vec::new();
        let mut next = Some(path.to_owned());
        let mut pages = 0;
        while let Some(path) = next.take() {
            pages += 1;
            if pages > MAX_PAGES {
                return Err(ClientError::Malformed(format!(
                    "{path}: more than {MAX_PAGES} pages"
                )));
            }
            let response = self
                .as_caller(self.http.get(self.url(&path)?), access_token)
                .send()
                .await
                .map_err(ClientError::Unreachable)?;
            next = next_page(response.headers());
            items.extend(decode_answer::<Vec<T>>(response).await?);
        }
        Ok(items)
    }
}

/// Where the `Link` header's `rel="next"` points, if anywhere.
fn next_page(headers: &reqwest::header::HeaderMap) -> Option<String> {
    headers
        .get_all(reqwest::header::LINK)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .find_map(|link| {
            let mut parts = link.split(';');
            let target = parts.next()?.trim();
            let target = target.strip_prefix('<')?.strip_suffix('>')?;
            parts
                .any(|part| matches!(part.trim(), "rel=\"next\"" | "rel=next"))
                .then(|| target.to_owned())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(values: &[&str]) -> reqwest::header::HeaderMap {
        let mut headers = reqwest::header::HeaderMap::new();
        for value in values {
            headers.append(reqwest::header::LINK, value.parse().unwrap());
        }
        headers
    }

    #[test]
    fn the_next_page_is_where_rel_next_points() {
        assert_eq!(next_page(&links(&[])), None);
        assert_eq!(
            next_page(&links(&[
                "</api/v1/licences?limit=50&after=L1>; rel=\"next\""
            ])),
            Some("/api/v1/licences?limit=50&after=L1".to_owned())
        );
        assert_eq!(
            next_page(&links(&["</first>; rel=\"first\", </second>; rel=next"])),
            Some("/second".to_owned())
        );
        assert_eq!(next_page(&links(&["</prev>; rel=\"prev\""])), None);
        assert_eq!(next_page(&links(&["no-brackets; rel=\"next\""])), None);
    }
}
