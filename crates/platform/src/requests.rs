//! Requests (诉求): filing, the closed loop an officer drives, 回访 answers and the one evaluation.

use huiban_api::{EvaluationRequest, FollowUp, NewRequest, RequestStatus, ServiceRequest};

use crate::beijing_time;
use crate::cases::text_notice;
use crate::filed_by::FiledBy;
use crate::relatives;
use crate::state::AppState;
use crate::store::{Notice, RequestBody, RequestMove, RequestRecord, StoreError};

/// Longest description accepted, in characters.
pub const MAX_DESCRIPTION: usize = 2000;
/// Most photos on one request.
pub const MAX_PHOTOS: usize = 9;

/// Why a request operation was refused.
#[derive(Debug, thiserror::Error)]
pub enum RequestError {
    /// Nothing was described.
    #[error("empty description")]
    EmptyDescription,
    /// Too long.
    #[error("description too long")]
    TooLong,
    /// A photo reference is not a SHA-256, or too many photos.
    #[error("bad photos")]
    BadPhotos,
    /// No such request of the caller.
    #[error("not found")]
    NotFound,
    /// Not possible in the current status.
    #[error("request is {0:?}")]
    WrongStatus(RequestStatus),
    /// Level outside 1..=5.
    #[error("bad level")]
    BadLevel,
    /// 4 and 5 need a reason.
    #[error("reason required")]
    ReasonRequired,
    /// Another department's request.
    #[error("other department")]
    OtherDepartment,
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn notice(
    record_account: &str,
    request_no: &str,
    status: RequestStatus,
    remark: Option<&str>,
) -> Notice {
    let remark = remark.map(|r| format!("：{r}")).unwrap_or_default();
    let (title, body) = match status {
        RequestStatus::Accepted => (
            "诉求已经收下",
            format!("您的诉求已经收下，编号{request_no}。我们会尽快处理。"),
        ),
        RequestStatus::Dispatched => (
            "已转给办理部门",
            format!("您的诉求（{request_no}）已转给办理部门{remark}。"),
        ),
        RequestStatus::Handling => ("正在办理", format!("您的诉求（{request_no}）正在办理。")),
        RequestStatus::Replied => (
            "部门已答复",
            format!("办理部门答复了您的诉求（{request_no}）{remark}"),
        ),
        RequestStatus::Supervised => (
            "已督办",
            format!("您的诉求（{request_no}）办理超时，已督促部门加快办理。"),
        ),
        RequestStatus::Closed => (
            "诉求已经办好了",
            format!("您的诉求（{request_no}）已经办好了。"),
        ),
        RequestStatus::Revisiting => (
            "请您说说办得怎么样",
            format!("您的诉求（{request_no}）办完了，请在惠办里告诉我们：问题解决了吗？"),
        ),
        RequestStatus::Revisited => (
            "您的回答已经记下",
            format!("谢谢您告诉我们办得怎么样（{request_no}）。"),
        ),
        RequestStatus::Evaluated => ("评价已记录", format!("谢谢您的评价（{request_no}）。")),
    };
    Notice {
        account_id: record_account.to_owned(),
        title: title.to_owned(),
        body,
        application_no: None,
        request_no: Some(request_no.to_owned()),
    }
}

fn render(state: &AppState, record: RequestRecord) -> Result<ServiceRequest, RequestError> {
    let steps = state.store.request_steps(&record.request_no)?;
    Ok(ServiceRequest {
        request_no: record.request_no,
        kind: record.body.kind,
        description: record.body.description,
        location: record.body.location,
        photos: record.body.photos,
        channel: record.body.channel,
        status: record.status,
        department: record.department,
        submitted_at: beijing_time::rfc3339(record.submitted_ms),
        reply: record.body.reply,
        follow_up: record.body.follow_up,
        evaluation: record.body.evaluation,
        steps,
        agent: record.body.agent,
        call_back: record.body.call_back,
    })
}

/// Files a request for `account_id`, as `filed_by` (she, on a kiosk, or staff for her); it is 受理 at once.
/// Filed again under the same `idempotency_key`, it is the same request (and no second notice is
/// sent).
pub fn submit(
    state: &AppState,
    (account_id, filed_by): (&str, FiledBy),
    idempotency_key: Option<&str>,
    request: &NewRequest,
) -> Result<ServiceRequest, RequestError> {
    let description = request.description.trim();
    if description.is_empty() {
        return Err(RequestError::EmptyDescription);
    }
    if description.chars().count() > MAX_DESCRIPTION {
        return Err(RequestError::TooLong);
    }
    let photos_named = request
        .photos
        .iter()
        .all(|photo| huiban_rules::is_file_name(photo));
    if request.photos.len() > MAX_PHOTOS || !photos_named {
        return Err(RequestError::BadPhotos);
    }
    let now = state.clock.now();
    let body = RequestBody {
        kind: request.kind,
        description: description.to_owned(),
        location: request.location.clone().filter(|l| !l.trim().is_empty()),
        photos: request.photos.clone(),
        channel: filed_by.request_channel(request.channel),
        reply: None,
        follow_up: None,
        evaluation: None,
        agent: filed_by.agent(),
        call_back: request.call_back && request.kind == huiban_api::RequestKind::Help,
    };
    let day = beijing_time::date_of(now).format("%Y%m%d").to_string();
    let make_notice = |number: &str| notice(account_id, number, RequestStatus::Accepted, None);
    let (number, created) = state.store.create_request(
        account_id,
        idempotency_key,
        &body,
        &day,
        now.timestamp_millis(),
        make_notice,
    )?;
    if created {
        text_notice(state, &make_notice(&number));
        if let FiledBy::Relative(agent) = &filed_by {
            relatives::tell_of_submission(state, account_id, agent, "诉求", &number)?;
        }
    }
    view(state, account_id, &number)
}

fn owned(
    state: &AppState,
    account_id: &str,
    request_no: &str,
) -> Result<RequestRecord, RequestError> {
    state
        .store
        .service_request(request_no)?
        .filter(|r| r.account_id == account_id)
        .ok_or(RequestError::NotFound)
}

/// One of the caller's requests.
pub fn view(
    state: &AppState,
    account_id: &str,
    request_no: &str,
) -> Result<ServiceRequest, RequestError> {
    render(state, owned(state, account_id, request_no)?)
}

/// At most `limit` of the caller's requests, newest first, those after the request `after`.
pub fn list(
    state: &AppState,
    account_id: &str,
    after: Option<&str>,
    limit: u32,
) -> Result<Vec<ServiceRequest>, RequestError> {
    state
        .store
        .request_numbers_of(account_id, after, limit)?
        .iter()
        .map(|n| view(state, account_id, n))
        .collect()
}

/// 派单 of a just-filed request straight to `department` (a 投诉 about one of its staff goes to the
/// centre itself), as the system rather than an officer.
pub fn dispatch_to(
    state: &AppState,
    account_id: &str,
    request_no: &str,
    department: &str,
) -> Result<ServiceRequest, RequestError> {
    let record = owned(state, account_id, request_no)?;
    if record.department.is_none() {
        apply(
            state,
            &record,
            RequestMove {
                from: &[RequestStatus::Accepted],
                to: RequestStatus::Dispatched,
                at_ms: state.clock.now().timestamp_millis(),
                actor: None,
                remark: Some(department.to_owned()),
                department: Some(department.to_owned()),
                body: None,
            },
        )?;
    }
    view(state, account_id, request_no)
}

/// 已回电话: `staff_name` of `centre` called her back; the call-back is answered (答复) so, and she
/// may ask again later.
pub fn called_back(
    state: &AppState,
    record: &RequestRecord,
    centre: &str,
    staff_name: &str,
) -> Result<(), RequestError> {
    use RequestStatus as S;
    let text = format!("{staff_name}已经给您回过电话了。");
    let mut body = record.body.clone();
    body.reply = Some(text.clone());
    apply(
        state,
        record,
        RequestMove {
            from: &[S::Accepted, S::Dispatched, S::Handling, S::Supervised],
            to: S::Replied,
            at_ms: state.clock.now().timestamp_millis(),
            actor: Some(staff_name.to_owned()),
            remark: Some(text),
            department: Some(centre.to_owned()),
            body: Some(body),
        },
    )
}

fn apply(
    state: &AppState,
    record: &RequestRecord,
    movement: RequestMove<'_>,
) -> Result<(), RequestError> {
    let notice = notice(
        &record.account_id,
        &record.request_no,
        movement.to,
        movement.remark.as_deref(),
    );
    if !state
        .store
        .move_request(&record.request_no, &movement, &notice)?
    {
        return Err(RequestError::WrongStatus(record.status));
    }
    text_notice(state, &notice);
    Ok(())
}

/// The person answers the 回访 questions.
pub fn follow_up(
    state: &AppState,
    account_id: &str,
    request_no: &str,
    answers: &FollowUp,
) -> Result<ServiceRequest, RequestError> {
    let record = owned(state, account_id, request_no)?;
    let mut body = record.body.clone();
    body.follow_up = Some(answers.clone());
    apply(
        state,
        &record,
        RequestMove {
            from: &[RequestStatus::Revisiting],
            to: RequestStatus::Revisited,
            at_ms: state.clock.now().timestamp_millis(),
            actor: None,
            remark: Some(
                if answers.resolved {
                    "问题已解决"
                } else {
                    "问题没有解决"
                }
                .to_owned(),
            ),
            department: None,
            body: Some(body),
        },
    )?;
    view(state, account_id, request_no)
}

/// The person's one evaluation, after 办结.
pub fn evaluate(
    state: &AppState,
    account_id: &str,
    request_no: &str,
    evaluation: &EvaluationRequest,
) -> Result<ServiceRequest, RequestError> {
    let record = owned(state, account_id, request_no)?;
    if !(1..=5).contains(&evaluation.level) {
        return Err(RequestError::BadLevel);
    }
    let reason = evaluation
        .reason
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    if evaluation.level >= 4 && reason.is_none() {
        return Err(RequestError::ReasonRequired);
    }
    let mut body = record.body.clone();
    body.evaluation = Some(EvaluationRequest {
        level: evaluation.level,
        reason: reason.map(str::to_owned),
    });
    apply(
        state,
        &record,
        RequestMove {
            from: &[
                RequestStatus::Closed,
                RequestStatus::Revisiting,
                RequestStatus::Revisited,
            ],
            to: RequestStatus::Evaluated,
            at_ms: state.clock.now().timestamp_millis(),
            actor: None,
            remark: huiban_api::applications::evaluation_level_name(evaluation.level)
                .map(str::to_owned),
            department: None,
            body: Some(body),
        },
    )?;
    view(state, account_id, request_no)
}

/// What an officer does to a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OfficerRequestMove {
    /// 派单 to a department (the officer's own when `None`).
    Dispatch(Option<String>),
    /// 办理.
    Handle,
    /// 答复 with this text.
    Reply(String),
    /// 督办.
    Escalate,
    /// 办结.
    Close,
    /// 回访: ask the person how it went.
    Revisit,
}

/// Moves a request as `officer` of `department`.
pub fn officer_move(
    state: &AppState,
    officer: &str,
    department: &str,
    request_no: &str,
    action: OfficerRequestMove,
) -> Result<ServiceRequest, RequestError> {
    use RequestStatus as S;
    let record = state
        .store
        .service_request(request_no)?
        .ok_or(RequestError::NotFound)?;
    let mine = record.department.as_deref() == Some(department);
    let unassigned = record.department.is_none();
    if !(mine || (unassigned && matches!(action, OfficerRequestMove::Dispatch(_)))) {
        return Err(RequestError::OtherDepartment);
    }
    let mut body = None;
    let mut new_department = None;
    let (from, to, remark): (&[RequestStatus], _, Option<String>) = match action {
        OfficerRequestMove::Dispatch(to) => {
            let to = to.unwrap_or_else(|| department.to_owned());
            let remark = Some(to.clone());
            new_department = Some(to);
            (&[S::Accepted], S::Dispatched, remark)
        }
        OfficerRequestMove::Handle => (&[S::Dispatched, S::Supervised], S::Handling, None),
        OfficerRequestMove::Reply(text) => {
            let mut updated = record.body.clone();
            updated.reply = Some(text.clone());
            body = Some(updated);
            (
                &[S::Dispatched, S::Handling, S::Supervised],
                S::Replied,
                Some(text),
            )
        }
        OfficerRequestMove::Escalate => (
            &[S::Dispatched, S::Handling],
            S::Supervised,
            Some("已督办，请加快办理".to_owned()),
        ),
        OfficerRequestMove::Close => (&[S::Replied], S::Closed, None),
        OfficerRequestMove::Revisit => (
            &[S::Closed],
            S::Revisiting,
            Some("问题解决了吗？工作人员联系您了吗？".to_owned()),
        ),
    };
    apply(
        state,
        &record,
        RequestMove {
            from,
            to,
            at_ms: state.clock.now().timestamp_millis(),
            actor: Some(officer.to_owned()),
            remark,
            department: new_department,
            body,
        },
    )?;
    render(
        state,
        state
            .store
            .service_request(request_no)?
            .ok_or(RequestError::NotFound)?,
    )
}
