//! The committed OpenAPI document as a contract an answer is checked against: its status is one the
//! route documents, and its JSON body matches the schema documented for that status.

use std::sync::LazyLock;

use serde_json::{Value, json};

/// The committed contract, read once per test binary.
pub static CONTRACT: LazyLock<Contract> = LazyLock::new(Contract::committed);

/// `api/openapi.json`, as committed (a unit test keeps it equal to what the platform serves).
pub struct Contract {
    document: Value,
}

impl Contract {
    /// The committed document.
    pub fn committed() -> Self {
        Self {
            document: serde_json::from_str(include_str!("../../../../api/openapi.json")).unwrap(),
        }
    }

    /// Every route, as `METHOD /path`.
    pub fn routes(&self) -> Vec<String> {
        let mut routes = Vec::new();
        for (path, operations) in self.document["paths"].as_object().unwrap() {
            for method in operations.as_object().unwrap().keys() {
                routes.push(format!("{} {path}", method.to_uppercase()));
            }
        }
        routes
    }

    /// The route (`METHOD /template`) a concrete request goes to, if the contract has it.
    pub fn route_of(&self, method: &str, path: &str) -> Option<String> {
        let path = path.split('?').next().unwrap_or(path);
        let wanted: Vec<&str> = path.split('/').collect();
        self.routes().into_iter().find(|route| {
            let (route_method, template) = route.split_once(' ').unwrap();
            let parts: Vec<&str> = template.split('/').collect();
            route_method.eq_ignore_ascii_case(method)
                && parts.len() == wanted.len()
                && parts
                    .iter()
                    .zip(&wanted)
                    .all(|(part, given)| part.starts_with('{') || part == given)
        })
    }

    /// The JSON Schema of the JSON body `route` takes, its `$ref` resolved, if it takes one.
    pub fn request_schema(&self, route: &str) -> Option<Value> {
        let (method, path) = route.split_once(' ').unwrap();
        let schema = self.document["paths"][path][method.to_lowercase()]["requestBody"]["content"]
            .get("application/json")?["schema"]
            .clone();
        Some(self.resolved(&schema))
    }

    /// `schema` with a top-level `$ref` replaced by what it names.
    pub fn resolved(&self, schema: &Value) -> Value {
        match schema["$ref"].as_str() {
            Some(reference) => {
                let name = reference.trim_start_matches("#/components/schemas/");
                self.resolved(&self.document["components"]["schemas"][name])
            }
            None => schema.clone(),
        }
    }

    /// Whether `value` is valid by `schema` (whose `$ref`s name this document's components).
    pub fn valid(&self, schema: &Value, value: &Value) -> bool {
        let mut root = json!({"components": self.document["components"]});
        for (key, part) in schema.as_object().unwrap() {
            root[key] = part.clone();
        }
        jsonschema::draft202012::new(&root).unwrap().is_valid(value)
    }

    /// Panics when an answer to `method path` breaks the contract; paths it does not name pass.
    pub fn assert_answer(&self, method: &str, path: &str, status: u16, body: &[u8]) {
        if let Some(route) = self.route_of(method, path)
            && let Err(problem) = self.check(&route, status, body)
        {
            panic!("the answer breaks the contract: {problem}");
        }
    }

    /// What is wrong with an answer to `route` (`METHOD /path`), if anything.
    pub fn check(&self, route: &str, status: u16, body: &[u8]) -> Result<(), String> {
        let (method, path) = route.split_once(' ').unwrap();
        let operation = &self.document["paths"][path][method.to_lowercase()];
        let Some(response) = operation["responses"].get(status.to_string()) else {
            return Err(format!(
                "{route} answered {status}, which it does not document: {}",
                String::from_utf8_lossy(body)
            ));
        };
        let Some(schema) = response["content"]
            .get("application/json")
            .map(|content| &content["schema"])
        else {
            return Ok(());
        };
        let value: Value = serde_json::from_slice(body).map_err(|error| {
            format!(
                "{route} {status}: the body is not JSON ({error}): {}",
                String::from_utf8_lossy(body)
            )
        })?;
        // The schema as the root of a document holding every component, so its $refs resolve.
        let mut root = json!({"components": self.document["components"]});
        for (key, part) in schema.as_object().unwrap() {
            root[key] = part.clone();
        }
        let validator = jsonschema::draft202012::new(&root).map_err(|error| {
            format!("{route} {status}: the documented schema is broken: {error}")
        })?;
        let problems: Vec<String> = validator
            .iter_errors(&value)
            .map(|error| format!("{} at {}", error, error.instance_path()))
            .collect();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "{route} {status}: the body does not match its schema: {}\n  body: {}",
                problems.join("; "),
                value.to_string().chars().take(400).collect::<String>()
            ))
        }
    }
}
