//! Fault injection for tests, off by default: `serve --faults latency=200ms,error_rate=0.2,…`.
//!
//! Each request, in this order of checks: wait `latency`; with `error_rate`, answer 503 without doing
//! anything; otherwise run the request, then with `reset_rate` break the connection mid-answer (the
//! work is done but the client never hears of it), or with `malformed_rate` answer with broken JSON.

use std::sync::Mutex;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::ApiError;

/// Why a `--faults` value was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FaultSpecError {
    /// A part is not `key=value`.
    #[error("{0:?} is not key=value")]
    NotPair(String),
    /// An unknown key.
    #[error("unknown fault {0:?}; known: latency, error_rate, reset_rate, malformed_rate, seed")]
    UnknownKey(String),
    /// A value that does not parse or is out of range.
    #[error("bad value for {0}: {1:?}")]
    BadValue(String, String),
}

/// What to inject.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FaultSpec {
    /// Delay before every request.
    pub latency: Duration,
    /// Share of requests answered 503 without being run.
    pub error_rate: f64,
    /// Share of requests run whose answer is cut off.
    pub reset_rate: f64,
    /// Share of requests run whose answer is broken JSON.
    pub malformed_rate: f64,
    /// Seed of the random choices, for repeatable runs.
    pub seed: u64,
}

fn rate(key: &str, value: &str) -> Result<f64, FaultSpecError> {
    value
        .parse::<f64>()
        .ok()
        .filter(|r| (0.0..=1.0).contains(r))
        .ok_or_else(|| FaultSpecError::BadValue(key.to_owned(), value.to_owned()))
}

fn duration(key: &str, value: &str) -> Result<Duration, FaultSpecError> {
    let bad = || FaultSpecError::BadValue(key.to_owned(), value.to_owned());
    if let Some(ms) = value.strip_suffix("ms") {
        return ms.parse().map(Duration::from_millis).map_err(|_| bad());
    }
    if let Some(s) = value.strip_suffix('s') {
        return s.parse().map(Duration::from_secs).map_err(|_| bad());
    }
    Err(bad())
}

impl std::str::FromStr for FaultSpec {
    type Err = FaultSpecError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let mut spec = FaultSpec::default();
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (key, value) = part
                .split_once('=')
                .ok_or_else(|| FaultSpecError::NotPair(part.to_owned()))?;
            match key {
                "latency" => spec.latency = duration(key, value)?,
                "error_rate" => spec.error_rate = rate(key, value)?,
                "reset_rate" => spec.reset_rate = rate(key, value)?,
                "malformed_rate" => spec.malformed_rate = rate(key, value)?,
                "seed" => {
                    spec.seed = value
                        .parse()
                        .map_err(|_| FaultSpecError::BadValue(key.to_owned(), value.to_owned()))?;
                }
                other => return Err(FaultSpecError::UnknownKey(other.to_owned())),
            }
        }
        Ok(spec)
    }
}

/// What happens to one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Nothing.
    None,
    /// 503 before running.
    Error,
    /// Run, then cut the answer off.
    Reset,
    /// Run, then answer broken JSON.
    Malformed,
}

/// Decides faults from a seeded random sequence.
#[derive(Debug)]
pub struct FaultInjector {
    spec: FaultSpec,
    rng: Mutex<StdRng>,
}

impl FaultInjector {
    /// An injector following `spec`.
    pub fn new(spec: FaultSpec) -> Self {
        let rng = Mutex::new(StdRng::seed_from_u64(spec.seed));
        Self { spec, rng }
    }

    /// The spec in force.
    pub fn spec(&self) -> &FaultSpec {
        &self.spec
    }

    /// The fault for the next request.
    pub fn decide(&self) -> Fault {
        let Ok(mut rng) = self.rng.lock() else {
            return Fault::None;
        };
        if rng.random_bool(self.spec.error_rate) {
            Fault::Error
        } else if rng.random_bool(self.spec.reset_rate) {
            Fault::Reset
        } else if rng.random_bool(self.spec.malformed_rate) {
            Fault::Malformed
        } else {
            Fault::None
        }
    }
}

/// The middleware applying the injector's decisions.
pub async fn inject(
    State(injector): State<std::sync::Arc<FaultInjector>>,
    request: Request,
    next: Next,
) -> Response {
    if !injector.spec.latency.is_zero() {
        tokio::time::sleep(injector.spec.latency).await;
    }
    match injector.decide() {
        Fault::None => next.run(request).await,
        Fault::Error => ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "injected_fault",
            "办事平台暂时忙，请稍后再试。",
            "Injected fault: service unavailable.",
        )
        .with_retry_after(1)
        .into_response(),
        Fault::Reset => {
            let answered = next.run(request).await;
            let (parts, _) = answered.into_parts();
            let broken = futures_util::stream::iter([
                Ok(bytes::Bytes::from_static(b"{\"partial\":")),
                Err(std::io::Error::other("injected connection reset")),
            ]);
            Response::from_parts(parts, Body::from_stream(broken))
        }
        Fault::Malformed => {
            let answered = next.run(request).await;
            let (mut parts, _) = answered.into_parts();
            parts.headers.remove(header::CONTENT_LENGTH);
            Response::from_parts(parts, Body::from("{\"malformed\": tru"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_spec_parses() {
        let spec: FaultSpec =
            "latency=200ms,error_rate=0.2,reset_rate=0.05,malformed_rate=0.02,seed=7"
                .parse()
                .unwrap();
        assert_eq!(spec.latency, Duration::from_millis(200));
        assert_eq!(
            (
                spec.error_rate,
                spec.reset_rate,
                spec.malformed_rate,
                spec.seed
            ),
            (0.2, 0.05, 0.02, 7)
        );
        assert_eq!(
            "latency=1s".parse::<FaultSpec>().unwrap().latency,
            Duration::from_secs(1)
        );
    }

    #[test]
    fn bad_specs_are_refused_with_a_reason() {
        assert_eq!(
            "error_rate=2".parse::<FaultSpec>(),
            Err(FaultSpecError::BadValue("error_rate".into(), "2".into()))
        );
        assert_eq!(
            "latency=fast".parse::<FaultSpec>(),
            Err(FaultSpecError::BadValue("latency".into(), "fast".into()))
        );
        assert_eq!(
            "chaos=1".parse::<FaultSpec>(),
            Err(FaultSpecError::UnknownKey("chaos".into()))
        );
        assert_eq!(
            "oops".parse::<FaultSpec>(),
            Err(FaultSpecError::NotPair("oops".into()))
        );
    }

    #[test]
    fn the_same_seed_gives_the_same_faults_at_about_the_set_rates() {
        let spec: FaultSpec = "error_rate=0.2,reset_rate=0.05,malformed_rate=0.02,seed=42"
            .parse()
            .unwrap();
        let a = FaultInjector::new(spec.clone());
        let b = FaultInjector::new(spec);
        let run_a: Vec<Fault> = (0..10_000).map(|_| a.decide()).collect();
        let run_b: Vec<Fault> = (0..10_000).map(|_| b.decide()).collect();
        assert_eq!(run_a, run_b);
        let errors = run_a.iter().filter(|f| **f == Fault::Error).count();
        assert!((1_800..2_200).contains(&errors), "{errors} errors in 10000");
    }
}
