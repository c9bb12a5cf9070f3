//! The wire contract between the Huiban client and the government-services platform.
//!
//! Field names and code lists follow GB/T 39046-2020 (政务服务平台基础数据规范) as summarised in
//! `shared/docs/platform-vocabulary.md`. This crate holds types only: no I/O, no business rules.

pub mod applications;
pub mod assisted;
pub mod attachments;
pub mod auth;
pub mod call_backs;
pub mod canonical;
pub mod card_login;
pub mod catalog;
pub mod codes;
pub mod error;
pub mod figures;
pub mod forms;
pub mod health;
pub mod id_number;
pub mod kiosk;
pub mod kiosk_calls;
pub mod licences;
pub mod messages;
pub mod relatives;
pub mod requests;
pub mod seal;
pub mod service_centres;
pub mod workdays;

pub use applications::{
    Agent, Answers, Application, CaseResult, CaseStatus, CaseStep, Evaluation, EvaluationRequest,
    NewApplication, Rectification, SupplementRequest, WithdrawRequest,
};
pub use assisted::{
    ActedForMe, ActionOnBehalf, AssistedSession, CloseAssistedSession, Consent, NewAssistedSession,
    ServedToday, SessionStatus, SupervisorApproval,
};
pub use attachments::{Attachment, NewUpload, UploadStatus};
pub use auth::{
    Account, DeviceApproval, DeviceAuthorization, DeviceLookup, DeviceRequest, DeviceSmsApproval,
    LoginKind, LoginSummary, Role, SmsCodeRequest, SmsCodeSent, TokenRequest, TokenResponse,
};
pub use call_backs::{CallBackAsked, CallBacks};
pub use card_login::{CardCodeRequest, CardCodeSent, DeviceCardApproval};
pub use catalog::{CatalogItem, CatalogPage, Department, Fee, Material};
pub use codes::{CaseType, HandlingChannel, ItemType};
pub use error::ErrorBody;
pub use figures::{CentreFigures, Count, OverdueCase, PeriodFigures, RequestCount};
pub use forms::{
    ChoiceOption, Condition, FormDefinition, FormRef, KnownFact, NO, Question, QuestionKind, YES,
};
pub use health::Health;
pub use kiosk::{
    KioskConfig, KioskHeartbeat, KioskState, KioskStatus, PrinterState, SubmissionKey,
};
pub use kiosk_calls::{KioskCall, KioskCalls};
pub use licences::{DepartmentKey, Licence, LicenceIssuer, LicenceSignature, Verification};
pub use messages::{Message, MessagePage};
pub use relatives::{
    GrantState, Kinship, NewRelativeGrant, RelativeConsentCode, RelativeGrant, RelativeHelpWanted,
    Relatives,
};
pub use requests::{
    FollowUp, IntakeChannel, NewRequest, RequestKind, RequestStatus, RequestStep, ServiceRequest,
};
pub use service_centres::{ServiceCentre, ServiceCentres};

/// Path prefix of every versioned platform endpoint.
pub const API_PREFIX: &str = "/api/v1";
