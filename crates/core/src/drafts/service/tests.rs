use huiban_api::FormDefinition;
use serde_json::json;

use crate::drafts::SubmitOutcome;
use crate::fixtures::{app_with_store, logged_in};

/// The demo 高龄津贴 form, kept offline as if seen before.
fn allowance_form(app: &crate::App) -> FormDefinition {
    let items = huiban_demo::catalog_items();
    let item = items
        .iter()
        .find(|item| item.name.contains("高龄津贴"))
        .expect("the demo item");
    let form_ref = item.form.clone().expect("an online form");
    let form = huiban_demo::form_definitions()
        .into_iter()
        .find(|form| form.form_id == form_ref.form_id)
        .expect("its form");
    let store = app.kept_store().expect("store");
    store.cache_form(&form).expect("kept");
    store.replace_cached_catalog(&items, None).expect("catalog");
    form
}

#[tokio::test]
async fn each_next_keeps_the_answer_checks_it_and_names_the_next_question() {
    let dir = tempfile::tempdir().expect("dir");
    let app = app_with_store(&dir, logged_in("a"));
    let form = allowance_form(&app);
    let draft = app
        .drafts()
        .start("x", &form.form_id, form.version)
        .await
        .expect("started");
    let first = &form.questions[0].id;
    let page = app
        .drafts()
        .page(&draft.draft_id, first)
        .await
        .expect("page");
    assert_eq!(
        page.before, None,
        "返回 from the first question leaves the form"
    );

    let blank = app
        .drafts()
        .answer(&draft.draft_id, first, &json!(""))
        .await
        .expect("answered");
    assert!(
        blank.problem.is_some(),
        "a required answer left blank is named"
    );
    assert_eq!(blank.next, None);

    let fine = app
        .drafts()
        .answer(&draft.draft_id, first, &json!("张秀英"))
        .await
        .expect("answered");
    assert_eq!(fine.problem, None);
    assert_eq!(fine.next.as_deref(), Some(form.questions[1].id.as_str()));
    let kept = app.drafts().open(&draft.draft_id).await.expect("open");
    assert_eq!(kept.draft.answers[first], json!("张秀英"));
    let second = app
        .drafts()
        .page(&draft.draft_id, &form.questions[1].id)
        .await
        .expect("page");
    assert_eq!(second.before.as_deref(), Some(first.as_str()));
}

#[tokio::test]
async fn an_unfinished_form_is_not_sent_and_says_what_to_fix_in_plain_words() {
    let dir = tempfile::tempdir().expect("dir");
    let app = app_with_store(&dir, logged_in("a"));
    let form = allowance_form(&app);
    let draft = app
        .drafts()
        .start("x", &form.form_id, form.version)
        .await
        .expect("started");
    let outcome = app.drafts().submit(&draft.draft_id).await.expect("submit");
    let SubmitOutcome::Unfinished { problems } = outcome else {
        panic!("an empty form was queued: {outcome:?}");
    };
    assert_eq!(problems[0].question_id, form.questions[0].id);
    assert!(problems[0].message.contains(&form.questions[0].label));
    assert_eq!(
        app.drafts().list().await.expect("list").len(),
        1,
        "the draft is kept"
    );
}

#[tokio::test]
async fn a_queued_submission_names_its_item() {
    let dir = tempfile::tempdir().expect("dir");
    let app = app_with_store(&dir, logged_in("a"));
    let form = allowance_form(&app);
    let sample =
        huiban_demo::sample_application("高龄津贴", "11010119440315002").expect("a sample");
    let draft = app
        .drafts()
        .start(&sample.impl_code, &form.form_id, form.version)
        .await
        .expect("started");
    for (question, value) in &sample.answers {
        app.drafts()
            .save(&draft.draft_id, question, value)
            .await
            .expect("saved");
    }
    let SubmitOutcome::Queued { client_id } =
        app.drafts().submit(&draft.draft_id).await.expect("submit")
    else {
        panic!("the sample did not go");
    };
    let view = app.drafts().submission(&client_id).await.expect("view");
    assert_eq!(view.kind, "application");
    assert_eq!(view.state, "waiting");
    assert!(view.item_name.contains("高龄津贴"), "{}", view.item_name);
}

#[tokio::test]
async fn an_items_page_and_its_next_each_take_one_call() {
    let dir = tempfile::tempdir().expect("dir");
    let app = app_with_store(&dir, logged_in("a"));
    let form = huiban_demo::form_definitions()
        .into_iter()
        .find(|form| form.questions.iter().any(|q| q.id == "family"))
        .expect("a demo form asking about the family");
    app.kept_store()
        .expect("store")
        .cache_form(&form)
        .expect("kept");
    let group = form
        .questions
        .iter()
        .find(|q| q.id == "family")
        .expect("group");
    let (first, second) = (&group.questions[0].id, &group.questions[1].id);
    let draft = app
        .drafts()
        .start("x", &form.form_id, form.version)
        .await
        .expect("started");

    let page = app
        .drafts()
        .item_page(&draft.draft_id, "family", 0, first)
        .await
        .expect("page");
    assert_eq!(page.before, None, "返回 goes to the group's page");

    let blank = app
        .drafts()
        .item_next(&draft.draft_id, "family", 0, first, &json!([{}]))
        .await
        .expect("checked");
    assert!(blank.problem.is_some(), "the member's name is required");
    assert_eq!(blank.next, None);

    let fine = app
        .drafts()
        .item_next(
            &draft.draft_id,
            "family",
            0,
            first,
            &json!([{ first.as_str(): "李建国" }]),
        )
        .await
        .expect("checked");
    assert_eq!(fine.problem, None);
    assert_eq!(fine.next.as_deref(), Some(second.as_str()));

    let next_page = app
        .drafts()
        .item_page(&draft.draft_id, "family", 0, second)
        .await
        .expect("page");
    assert_eq!(next_page.before.as_deref(), Some(first.as_str()));
    assert_eq!(
        next_page.opened.draft.answers["family"][0][first.as_str()],
        json!("李建国"),
        "the list is kept as the page held it"
    );
}

#[tokio::test]
async fn a_draft_of_an_older_form_version_moves_on_when_entered_and_check_says_so() {
    let dir = tempfile::tempdir().expect("dir");
    let app = app_with_store(&dir, logged_in("a"));
    let current = allowance_form(&app);
    let impl_code = huiban_demo::catalog_items()
        .into_iter()
        .find(|item| item.name.contains("高龄津贴"))
        .expect("the demo item")
        .impl_code;
    // Begun on the version before, which lacked the phone question.
    let mut older = current.clone();
    older.version = current.version - 1;
    older.questions.retain(|question| question.id != "phone");
    let store = app.kept_store().expect("store");
    store.cache_form(&older).expect("kept");
    let draft = app
        .drafts()
        .start(&impl_code, &older.form_id, older.version)
        .await
        .expect("started");
    app.drafts()
        .save(&draft.draft_id, "applicant_name", &json!("张秀英"))
        .await
        .expect("saved");

    let check = app.drafts().review(&draft.draft_id).await.expect("核对");
    let updated = check
        .form_updated
        .as_ref()
        .expect("核对 says the form changed");
    assert!(updated.said.contains('1'), "{updated:?}");
    assert_eq!(
        updated.first_question.as_deref(),
        Some("phone"),
        "it leads her to the new question"
    );
    assert!(
        check
            .review
            .problems
            .iter()
            .any(|p| p.question_id == "phone")
    );
    let moved = app.drafts().open(&draft.draft_id).await.expect("opened");
    assert_eq!(moved.draft.form_version, current.version);
    assert_eq!(moved.draft.answers["applicant_name"], json!("张秀英"));
    // Once moved on, 核对 says nothing more about it.
    let again = app.drafts().review(&draft.draft_id).await.expect("核对");
    assert_eq!(again.form_updated, None);
}
