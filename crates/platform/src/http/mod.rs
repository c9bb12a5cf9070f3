//! The HTTP surface: routes, the OpenAPI document, limits and the JSON error body.

mod applications;
mod assisted;
mod attachments;
mod audit;
mod auth;
mod blocking;
mod call_backs;
mod caller;
mod card_login;
mod catalog;
mod centre_staff;
mod common_answers;
mod device_page;
mod error;
mod extract;
pub mod faults;
mod figures;
mod file_refusals;
mod forms;
mod health;
mod idempotent;
mod kiosk_calls;
mod kiosks;
mod licences;
pub mod limits;
mod logins;
mod messages;
mod metrics;
mod page;
mod relatives;
mod request_log;
mod requests;
mod service_centres;
mod uploads;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use tower_http::catch_panic::CatchPanicLayer;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;
use blocking::blocking;
pub use caller::Caller;
pub use error::ApiError;

/// Largest request body the platform accepts, in bytes.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Huiban government-services platform API",
        description = "The contract between the Huiban client and a provincial government-services \
                       platform. Field names and code lists follow GB/T 39046-2020. Every error is \
                       JSON {code, message (plain Chinese), message_en, field?}."
    ),
    tags(
        (name = "health", description = "Liveness"),
        (name = "auth", description = "Login by SMS code, password, refresh token or device code"),
        (name = "catalog", description = "Service items (事项) and their forms"),
        (name = "applications", description = "Applications (办件): submit once, track, withdraw, 补正, 好差评"),
        (name = "messages", description = "The inbox: a message for every change"),
        (name = "licences", description = "Electronic licences (电子证照) and their seals (SM2 with SM3; Ed25519 for earlier ones)"),
        (name = "requests", description = "Requests (诉求): 受理 → 派单 → 办理 → 答复 → 督办 → 办结 → 回访 → 评价"),
        (name = "assisted", description = "Staff acting for residents (代理人) with recorded consent"),
        (name = "relatives", description = "亲友代办: a relative acts for a person with her consent, for a year or until she ends it"),
        (name = "figures", description = "The centre's figures (决策分析) for its manager"),
        (name = "help", description = "求助: the service centres residents can call"),
        (name = "kiosks", description = "Service halls' self-service kiosks: heartbeats, config and calls for staff")
    ),
    modifiers(&BearerAuth)
)]
struct ApiDoc;

/// Declares the bearer-token security scheme that authenticated endpoints name.
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The documented routes and the OpenAPI document generated from them.
fn documented() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(health::healthz))
        .routes(routes!(metrics::metrics))
        .routes(routes!(catalog::list_items))
        .routes(routes!(catalog::item_detail))
        .routes(routes!(service_centres::list))
        .routes(routes!(forms::form_version))
        .routes(routes!(auth::sms_code))
        .routes(routes!(auth::token))
        .routes(routes!(auth::logout))
        .routes(routes!(auth::me))
        .routes(routes!(auth::device))
        .routes(routes!(auth::approve_device))
        .routes(routes!(auth::approve_at_kiosk))
        .routes(routes!(card_login::send_code))
        .routes(routes!(card_login::approve))
        .routes(routes!(auth::device_lookup))
        .routes(routes!(logins::list))
        .routes(routes!(logins::end))
        .routes(routes!(applications::submit, applications::list))
        .routes(routes!(applications::detail))
        .routes(routes!(applications::withdraw))
        .routes(routes!(applications::supplements))
        .routes(routes!(applications::evaluation))
        .routes(with_body_limit(
            routes!(attachments::upload),
            huiban_api::attachments::MAX_ATTACHMENT_BYTES + 1,
        ))
        .routes(routes!(attachments::download))
        .routes(routes!(uploads::start))
        .routes(with_body_limit(
            routes!(uploads::status, uploads::append),
            huiban_api::attachments::MAX_CHUNK_BYTES + 1,
        ))
        .routes(routes!(messages::inbox))
        .routes(routes!(messages::mark_read))
        .routes(routes!(licences::list))
        .routes(routes!(licences::keys))
        .routes(routes!(licences::verify))
        .routes(routes!(licences::detail))
        .routes(routes!(requests::submit, requests::list))
        .routes(routes!(requests::detail))
        .routes(routes!(requests::follow_up))
        .routes(routes!(requests::evaluation))
        .routes(routes!(assisted::start))
        .routes(routes!(assisted::consent))
        .routes(routes!(assisted::close))
        .routes(routes!(assisted::served_today))
        .routes(routes!(figures::centre_figures))
        .routes(routes!(kiosks::heartbeat))
        .routes(routes!(kiosks::config))
        .routes(routes!(kiosk_calls::raise, kiosk_calls::of_kiosk))
        .routes(routes!(kiosk_calls::end_of_kiosk))
        .routes(routes!(kiosk_calls::of_centre))
        .routes(routes!(kiosk_calls::answer))
        .routes(routes!(kiosk_calls::end))
        .routes(routes!(call_backs::of_centre))
        .routes(routes!(call_backs::called))
        .routes(routes!(assisted::again))
        .routes(routes!(assisted::acted_for_me))
        .routes(routes!(assisted::report))
        .routes(routes!(relatives::ask))
        .routes(routes!(relatives::agree_by_code))
        .routes(routes!(relatives::list))
        .routes(routes!(relatives::agree))
        .routes(routes!(relatives::refuse))
        .routes(routes!(relatives::end))
        .routes(routes!(relatives::help))
        .split_for_parts()
}

/// A documented route whose requests may be larger than [`MAX_BODY_BYTES`] (the route's own limit wins).
fn with_body_limit(
    route: utoipa_axum::router::UtoipaMethodRouter<AppState>,
    limit: usize,
) -> utoipa_axum::router::UtoipaMethodRouter<AppState> {
    let (schemas, paths, method_router) = route;
    (
        schemas,
        paths,
        method_router.layer(DefaultBodyLimit::max(limit)),
    )
}

/// The OpenAPI 3.1 document of the platform API.
pub fn openapi() -> utoipa::openapi::OpenApi {
    documented().1
}

/// The OpenAPI document as the pretty JSON committed in `api/openapi.json`.
pub fn openapi_json() -> String {
    let mut document = serde_json::to_value(openapi()).unwrap_or_else(|error| {
        tracing::error!(%error, "cannot serialise the OpenAPI document");
        serde_json::Value::Null
    });
    common_answers::add(&mut document);
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_else(|_| String::from("{}"));
    text.push('\n');
    text
}

/// The JSON Schema (2020-12) of a form definition, from the same types the API serves, as the
/// pretty JSON committed in `docs/forms.schema.json`.
pub fn form_schema_json() -> String {
    let document = serde_json::to_value(openapi()).unwrap_or_default();
    let all = &document["components"]["schemas"];
    let defs: serde_json::Map<String, serde_json::Value> = [
        "FormDefinition",
        "Question",
        "QuestionKind",
        "ChoiceOption",
        "Condition",
        "KnownFact",
    ]
    .iter()
    .filter_map(|name| {
        all.get(*name)
            .map(|schema| ((*name).to_owned(), schema.clone()))
    })
    .collect();
    let text = serde_json::to_string_pretty(&serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://huiban.invalid/schemas/form-definition.json",
        "title": "Huiban form definition",
        "description": "One version of a form: the questions an application asks, one per page. See docs/forms.md.",
        "$ref": "#/$defs/FormDefinition",
        "$defs": defs,
    }))
    .unwrap_or_default();
    // The components refer to each other as OpenAPI does; in a standalone schema they live in $defs.
    format!("{}\n", text.replace("#/components/schemas/", "#/$defs/"))
}

/// Builds the platform's router over `state`.
pub fn router(state: AppState) -> Router {
    // Counting starts with the first router: `/metrics` renders what the recorder holds.
    let _ = metrics::handle();
    let (routes, _) = documented();
    let document = Arc::new(openapi_json());
    let faults = state.faults.clone();
    let router = routes
        .merge(device_page::routes())
        .route(
            "/api/v1/openapi.json",
            get(move || {
                let document = Arc::clone(&document);
                async move {
                    (
                        [(axum::http::header::CONTENT_TYPE, "application/json")],
                        (*document).clone(),
                    )
                }
            }),
        )
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            audit::audit,
        ))
        .route_layer(axum::middleware::from_fn(metrics::observe))
        .route_layer(request_log::trace())
        .fallback(error::not_found)
        .method_not_allowed_fallback(error::method_not_allowed)
        .layer(axum::middleware::from_fn_with_state(
            state.bounds.clone(),
            limits::bounded,
        ))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(CatchPanicLayer::custom(error::panicked))
        .layer(request_log::propagate_id())
        .layer(request_log::set_id())
        .layer(axum::middleware::map_request(request_log::tidy_incoming_id))
        .with_state(state);
    match faults {
        Some(injector) => router.layer(axum::middleware::from_fn_with_state(
            injector,
            faults::inject,
        )),
        None => router,
    }
}

#[cfg(test)]
mod tests;
