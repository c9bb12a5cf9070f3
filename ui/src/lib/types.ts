// Wire types of the platform contract, mirroring crates/api (huiban-api).

/** 事项类型 code (01–10, 20). */
export type ItemType = '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08' | '09' | '10' | '20';
/** 办件类型: 1 即办件, 2 承诺件. */
export type CaseType = '1' | '2';
/** 办理形式 code. */
export type Channel = '1' | '2' | '3' | '4' | '5' | '9';

/** 实施主体. */
export interface Department {
  name: string;
  credit_code: string;
}

/** 申请材料. */
export interface Material {
  name: string;
  required: boolean;
  original_count: number;
  copy_count: number;
  licence_type: string | null;
}

/** 收费. */
export interface Fee {
  amount_fen: number;
  description: string;
}

/** Which form, and which version of it, an item's application uses. */
export interface FormRef {
  form_id: string;
  version: number;
}

/** One service item (事项). */
export interface CatalogItem {
  impl_code: string;
  basic_code: string;
  name: string;
  summary: string;
  item_type: ItemType;
  case_type: CaseType;
  legal_days: number;
  promised_days: number;
  channels: Channel[];
  department: Department;
  materials: Material[];
  fee: Fee | null;
  form: FormRef | null;
}

/** The catalog to show, and whether it is the copy saved last time (the platform was unreachable). */
export interface CatalogView {
  items: CatalogItem[];
  offline: boolean;
  /** The implementation codes of the items older people use most (老年人常办), to offer first. */
  shortcuts: string[];
}

/** What the person must know about the data kept on this computer. */
export interface StoreStatus {
  kept_here: boolean;
  notice: string | null;
}

/** The outbox queue: numbers and one plain sentence. */
/** What the person logged in has not sent yet, asked about at 退出. */
export interface Unsent {
  /** Forms begun and not sent. */
  drafts: number;
  /** Waiting to be sent. */
  waiting: number;
  /** Refused by the platform, kept for the person to look at. */
  refused: number;
  /** Whether there is nothing to ask about (core's rule): 退出 logs out at once. */
  nothing: boolean;
}

/** What to do at 退出 with what is not sent: keep it for the next login, or throw it away. */
export type LeaveUnsent = 'keep' | 'discard';

export interface QueueView {
  waiting: number;
  sent: number;
  needs_attention: number;
  sentence: string;
}

/** A form being filled in, saved answer by answer, tied to the form version it answers. */
export interface Draft {
  draft_id: string;
  impl_code: string;
  form_id: string;
  form_version: number;
  answers: Record<string, unknown>;
  set_aside: Record<string, unknown>;
}

/** An electronic licence (证照), as the platform seals it. */
export interface Licence {
  licence_no: string;
  licence_type: string;
  holder_name: string;
  holder_id_number: string;
  issuer: { name: string; credit_code: string };
  issued_on: string;
  valid_from: string;
  valid_to: string | null;
  fields: Record<string, string>;
}

/** A kept licence with the outcome of its offline check. */
export interface WalletEntry {
  licence: Licence;
  verified: boolean;
  problem: string | null;
}

/** One inbox message. */
export interface Message {
  message_id: number;
  title: string;
  body: string;
  application_no: string | null;
  request_no: string | null;
  created_at: string;
  read: boolean;
}

/** The inbox kept on this computer, newest first. */
export interface Inbox {
  messages: Message[];
  unread: number;
}

/** Kinds of answer a question can take. */
export type QuestionKind =
  | 'text'
  | 'long_text'
  | 'number'
  | 'money'
  | 'date'
  | 'single_choice'
  | 'multiple_choice'
  | 'yes_no'
  | 'phone'
  | 'id_number'
  | 'bank_card'
  | 'address'
  | 'attachment'
  | 'licence'
  | 'signature'
  | 'group';

/** One item of a group as its page lists it. */
export interface ItemSummary {
  /** Its answers in plain words. */
  summary: string;
  finished: boolean;
  /** The first of its questions still to answer. */
  first_unfinished: string | null;
}

/** A place of the shipped province/city/district list. */
export interface Region {
  code: string;
  name: string;
  /** The last step: a district (or a town of a city without districts). */
  last: boolean;
}

/** An address answer: the picked district's code and the street, building and door typed. */
export interface AddressValue {
  region: string | null;
  detail: string;
}

/** One question of a form, asked on a page of its own. */
export interface Question {
  id: string;
  kind: QuestionKind;
  label: string;
  hint?: string;
  required: boolean;
  options?: { value: string; label: string }[];
  show_if?: { question: string; equals: unknown };
  /** What is known of the person that fills it in (shown for them to confirm). */
  prefill?: 'name' | 'id_number' | 'phone' | 'address';
  /** A group's questions, asked of each of its items. */
  questions?: Question[];
  /** What one item of a group is called, e.g. 家庭成员. */
  item_name?: string;
  /** The licence type a licence question takes, e.g. 户口簿. */
  licence_type?: string;
}

/** One version of a form. */
export interface FormDefinition {
  form_id: string;
  version: number;
  title: string;
  questions: Question[];
}

/** A draft with the form it answers. */
export interface OpenDraft {
  draft: Draft;
  form: FormDefinition;
  /** Answers filled in from what is known of the person, by question, for them to confirm. */
  suggestions: Record<string, { value: unknown; source: string }>;
}

/** An answer that stops a form from being sent, and what to tell the person. */
export interface ReviewProblem {
  question_id: string;
  message: string;
}

/** 核对: every asked question with its answer in plain words, and what still stops sending. */
export interface Review {
  rows: { question_id: string; label: string; answer: string }[];
  problems: ReviewProblem[];
}

/** What became of a request to send a draft. */
export type SubmitOutcome =
  | { kind: 'queued'; client_id: string }
  | { kind: 'unfinished'; problems: ReviewProblem[] };

/** Where a queued submission stands. */
export interface SubmissionView {
  kind: 'application' | 'request';
  impl_code: string;
  /** The item's name from the kept catalog; empty for a request. */
  item_name: string;
  state: 'waiting' | 'sent' | 'needs_attention';
  case_number: string | null;
  problem: string | null;
}

/** Where a case stands (办理环节). */
export type CaseStatus =
  | 'submitted'
  | 'accepted'
  | 'supplement_requested'
  | 'reviewing'
  | 'finished'
  | 'not_accepted'
  | 'withdrawn';

/** One case as the 进度 list shows it. */
export interface CaseSummary {
  application_no: string;
  item_name: string;
  status_name: string;
  closed: boolean;
  submitted: string;
  overdue_days: number;
  can_evaluate: boolean;
  waiting_client_id: string | null;
}

/** One step of a case's timeline, in plain words. */
export interface TimelineStep {
  name: string;
  state: 'done' | 'current' | 'pending';
  time: string | null;
  remark: string | null;
  overdue_days: number;
}

/** A case as its applicant sees it (the fields the pages use). */
export interface Application {
  application_no: string;
  impl_code: string;
  item_name: string;
  department: string;
  status: CaseStatus;
  submitted_at: string;
  promised_by: string;
  overdue_days: number;
  finished_at: string | null;
  withdrawable_until: string | null;
  evaluation: {
    level: number;
    reason: string | null;
    at: string;
    rectification: { due_by: string; reply: string | null } | null;
  } | null;
}

/** One case with everything its page shows. */
export interface CaseDetail {
  case: Application;
  status_name: string;
  timeline: TimelineStep[];
  withdraw_seconds_left: number | null;
  can_evaluate: boolean;
  evaluation_name: string | null;
  evaluation_waiting: boolean;
  evaluation_refused: string | null;
  supplement_asked: string | null;
  supplement_waiting: boolean;
}

/** One 好差评 level as offered. */
export interface LevelChoice {
  level: number;
  name: string;
  needs_reason: boolean;
}

/** One request (诉求) as the list shows it. */
export interface RequestSummary {
  request_no: string | null;
  kind_name: string;
  description: string;
  status_name: string;
  submitted: string | null;
  asks_you: boolean;
}

/** One request with everything its page shows. */
export interface RequestDetail {
  request: {
    request_no: string;
    description: string;
    location: string | null;
    department: string | null;
    reply: string | null;
    follow_up: { resolved: boolean; contacted: boolean; comment: string | null } | null;
  };
  kind_name: string;
  status_name: string;
  timeline: TimelineStep[];
  can_follow_up: boolean;
  can_evaluate: boolean;
  evaluation_name: string | null;
  waiting: boolean;
}

/** One of the person's logins in plain words (core's `logins::LoginLine`). */
export interface LoginLine {
  /** The id to end it with. */
  login_id: string;
  /** Where: this computer, another computer, or the kiosk and its place. */
  place: string;
  /** Since when, in words. */
  since: string;
  /** Whether it is this computer's login (ended by 退出). */
  current: boolean;
}

/** The kiosk asking to log in as the person (core's `kiosk_login::KioskAsking`). */
export interface KioskAsking {
  /** The code as the kiosk shows it (BCDF-GHJK). */
  code: string;
  /** The kiosk's name. */
  kiosk_name: string;
  /** Where it stands. */
  place: string;
  /** How long is left to answer, in words. */
  time_left: string;
}

/** A question a 补正 asks to answer again (core's `asked_again::AskedAgain`). */
export interface AskedAgain {
  /** The form it is from, to check an answer against. */
  form_id: string;
  form_version: number;
  /** The question as the form asks it. */
  question: Question;
  /** The answer the case holds now, to start from. */
  answer: unknown;
}

/** One question's page: the draft opened, and the question before it (where 返回 goes). */
export interface QuestionPage {
  opened: OpenDraft;
  before: string | null;
}

/** What 下一步 found: a problem to show, or the question asked next (null: time for 核对). */
export interface AnswerOutcome {
  problem: { rule: string; message: string } | null;
  next: string | null;
}
