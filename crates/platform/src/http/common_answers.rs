//! The answers every route can give besides its own, added to each operation of the OpenAPI document
//! so that it names every status a route can answer: 401 without a live login, 403 for a role the
//! route does not serve or a session not open, 400/413/415/422 for
//! a body or parameters the extractors refuse, 429 and 503 from the limits every request passes, and
//! 500 when the platform itself fails.

use serde_json::{Value, json};

/// The response object of a platform error.
fn error_answer(description: &str) -> Value {
    json!({
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
    })
}

/// Adds the common answers each operation can give, leaving any it documents itself.
pub fn add(document: &mut Value) {
    let Some(paths) = document["paths"].as_object_mut() else {
        return;
    };
    for operations in paths.values_mut() {
        let Some(operations) = operations.as_object_mut() else {
            continue;
        };
        for operation in operations.values_mut() {
            let secured = operation["security"]
                .as_array()
                .is_some_and(|requirements| !requirements.is_empty());
            let json_body = operation["requestBody"]["content"]
                .get("application/json")
                .is_some();
            let any_body = operation["requestBody"].is_object();
            let parameters: Vec<String> = operation["parameters"]
                .as_array()
                .map(|all| {
                    all.iter()
                        .filter_map(|p| p["in"].as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default();
            let mut common: Vec<(&str, &str)> = Vec::new();
            if secured {
                common.push((
                    "401",
                    "No live login: the access token is missing, expired or ended (`unauthorized`)",
                ));
                common.push((
                    "403",
                    "The caller's role may not do this (`forbidden`), or the assisted session named \
                     in `assisted-session` is not open (`session_not_open`)",
                ));
            }
            if json_body {
                common.push((
                    "400",
                    "The body is not JSON (`malformed_json`), or a parameter is malformed",
                ));
                common.push(("415", "The body is not sent as JSON (`json_required`)"));
                common.push(("422", "The body does not match its schema (`invalid_body`)"));
            }
            if any_body {
                common.push(("413", "The body is too large (`body_too_large`)"));
            }
            if parameters.iter().any(|at| at == "path" || at == "query") {
                common.push((
                    "400",
                    "A path or query parameter is malformed (`bad_path`, `bad_query`)",
                ));
            }
            common.push((
                "429",
                "Too many requests from this address or to this node (`too_many_requests`); \
                 wait Retry-After seconds",
            ));
            common.push((
                "503",
                "Too many requests at once (`busy`) or the answer took too long (`timeout`); try again",
            ));
            common.push((
                "500",
                "The platform failed (`internal`), e.g. its store could not keep a change with its \
                 audit row (then the change was not kept); send the same request again, under the \
                 same Idempotency-Key where the route takes one",
            ));
            let Some(responses) = operation["responses"].as_object_mut() else {
                continue;
            };
            for (status, description) in common {
                responses
                    .entry(status.to_owned())
                    .or_insert_with(|| error_answer(description));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secured_json_route_gets_every_common_answer_and_keeps_its_own() {
        let mut document = json!({"paths": {"/x": {"post": {
            "security": [{"bearer": []}],
            "requestBody": {"content": {"application/json": {}}},
            "responses": {"422": {"description": "own"}}
        }}}});
        add(&mut document);
        let responses = &document["paths"]["/x"]["post"]["responses"];
        for status in ["400", "401", "403", "413", "415", "422", "503"] {
            assert!(responses.get(status).is_some(), "{status}");
        }
        assert_eq!(responses["422"]["description"], "own");
    }
}
