//! A form definition the platform sends broken is refused; the last good version stays in use.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use common::{Platform, local_store};
use huiban_core::PlatformClient;
use huiban_core::catalog::{self, CatalogError};
use huiban_core::forms::DefinitionProblem;

#[tokio::test]
async fn a_broken_new_version_is_refused_and_the_last_good_one_is_used() {
    let platform = Platform::new();
    let client = PlatformClient::new(platform.serve(None).await).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = local_store(&dir);
    let good = huiban_demo::form_definitions().remove(0);
    let seen = catalog::form(&store, &client, &good.form_id, good.version)
        .await
        .unwrap();
    assert_eq!(seen, good);

    // The platform publishes version N+1 with two questions under one id.
    let mut broken = good.clone();
    broken.version += 1;
    let copy = broken.questions[0].clone();
    broken.questions.push(copy);
    platform.store.publish_forms(&[broken.clone()]).unwrap();

    let used = catalog::form(&store, &client, &broken.form_id, broken.version)
        .await
        .unwrap();
    assert_eq!(used, good, "the last good version stays in use");
    assert_eq!(
        store.cached_form(&broken.form_id, broken.version).unwrap(),
        None,
        "a broken version is never kept"
    );

    // With nothing good kept, the person is told the form cannot be used.
    let fresh_dir = tempfile::tempdir().unwrap();
    let fresh = local_store(&fresh_dir);
    let error = catalog::form(&fresh, &client, &broken.form_id, broken.version)
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            CatalogError::BadDefinition(DefinitionProblem::DuplicateId(_))
        ),
        "{error:?}"
    );
}
