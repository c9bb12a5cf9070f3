// Typed calls into the Tauri shell. Every command goes through here.

import { invoke } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import { t } from './i18n';
import type { Preferences } from './preferences';
import type {
  AnswerOutcome,
  AskedAgain,
  CaseDetail,
  CaseSummary,
  CatalogItem,
  CatalogView,
  Draft,
  ItemSummary,
  LevelChoice,
  Region,
  Inbox,
  KioskAsking,
  LoginLine,
  OpenDraft,
  QuestionPage,
  QueueView,
  RequestDetail,
  RequestSummary,
  Review,
  SubmissionView,
  SubmitOutcome,
  StoreStatus,
  Unsent,
  LeaveUnsent,
  WalletEntry,
} from './types';

/** The error every command rejects with: a stable code and a message to show as it is. */
export interface IpcError {
  code: string;
  message: string;
}

/** Whether a rejection carries the shell's error shape. */
export function isIpcError(value: unknown): value is IpcError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as IpcError).code === 'string' &&
    typeof (value as IpcError).message === 'string'
  );
}

/** What to tell the person about a failed command: the shell's plain message, or `fallback`. */
export function plainMessage(error: unknown, fallback = t('error-unknown')): string {
  return isIpcError(error) ? error.message : fallback;
}

/** The service catalog: fresh from the platform, or the saved copy when it cannot be reached. */
export function catalogItems(): Promise<CatalogView> {
  return invoke<CatalogView>('catalog_items');
}

/** The items matching what was typed (words, pinyin, initials, everyday words), best first. */
export function catalogSearch(query: string): Promise<CatalogItem[]> {
  return invoke<CatalogItem[]>('catalog_search', { query });
}

/** Whether what is entered is kept on this computer, and what to tell the person about it. */
export function storeStatus(): Promise<StoreStatus> {
  return invoke<StoreStatus>('store_status');
}

/** The outbox queue now. */
export function queueSummary(): Promise<QueueView> {
  return invoke<QueueView>('queue_summary');
}

/** Calls `handler` with the queue whenever it changes; resolves to the function that stops it. */
export function onQueueChanged(handler: (queue: QueueView) => void): Promise<UnlistenFn> {
  return listen<QueueView>('queue-changed', (event) => handler(event.payload));
}

/** What an opened system notification was about. */
export interface NotificationOpened {
  application_no: string | null;
  request_no: string | null;
}

/** Calls `handler` whenever the person opens one of Huiban's system notifications. */
export function onNotificationOpened(
  handler: (opened: NotificationOpened) => void,
): Promise<UnlistenFn> {
  return listen<NotificationOpened>('notification-opened', (event) => handler(event.payload));
}

/** Starts an empty draft of an item's form, saved at once. */
export function draftStart(implCode: string, formId: string, version: number): Promise<Draft> {
  return invoke<Draft>('draft_start', { implCode, formId, version });
}

/** Saves one answer of a draft (`null` clears it); resolves once it is on disk. */
export function draftAnswer(draftId: string, questionId: string, value: unknown): Promise<void> {
  return invoke<void>('draft_answer', { draftId, questionId, value });
}

/** Every unfinished form, most recently changed first. */
export function draftList(): Promise<Draft[]> {
  return invoke<Draft[]>('draft_list');
}

/** A saved draft with the form it answers. */
export function draftOpen(draftId: string): Promise<OpenDraft> {
  return invoke<OpenDraft>('draft_open', { draftId });
}

/** The question after `after` (the first when null), or before it when `back`; null past either end. */
export function draftStep(
  draftId: string,
  after: string | null,
  back = false,
): Promise<string | null> {
  return invoke<string | null>('draft_step', { draftId, after, back });
}

/** The question of a group to show for item `index` after `after` (first when null), or before
 * it when `back`; null when the item is done. */
export function draftItemStep(
  draftId: string,
  groupId: string,
  index: number,
  after: string | null,
  back = false,
): Promise<string | null> {
  return invoke<string | null>('draft_item_step', { draftId, groupId, index, after, back });
}

/** The items of a group's answer in plain words, each with what is still to answer. */
export function groupItems(
  formId: string,
  version: number,
  groupId: string,
  value: unknown,
): Promise<ItemSummary[]> {
  return invoke<ItemSummary[]>('group_items', { formId, version, groupId, value });
}

/** 核对: every asked question with its answer in plain words, and what still stops sending. */
export function draftReview(draftId: string): Promise<Review> {
  return invoke<Review>('draft_review', { draftId });
}

/** Queues a draft for sending when every answer is good; otherwise says what to fix. */
export function draftSubmit(draftId: string): Promise<SubmitOutcome> {
  return invoke<SubmitOutcome>('draft_submit', { draftId });
}

/** Where a queued submission stands. */
export function submissionStatus(clientId: string): Promise<SubmissionView> {
  return invoke<SubmissionView>('submission_status', { clientId });
}

/** The QR code (SVG text) of a 办件编号. */
export function caseNumberQr(applicationNo: string): Promise<string> {
  return invoke<string>('case_number_qr', { applicationNo });
}

/** One question's page in one call: the draft opened, and where 返回 goes. */
export function draftPage(draftId: string, questionId: string): Promise<QuestionPage> {
  return invoke<QuestionPage>('draft_page', { draftId, questionId });
}

/** 下一步 in one call: keeps the answer, checks it by core's rules, and names the next question. */
export function draftNext(draftId: string, questionId: string, value: unknown): Promise<AnswerOutcome> {
  return invoke<AnswerOutcome>('draft_next', { draftId, questionId, value });
}

/** Checks one answer by core's rules; resolves to what to tell the person, or null when fine. */
export async function formCheckAnswer(
  formId: string,
  version: number,
  questionId: string,
  value: unknown,
): Promise<string | null> {
  const problem = await invoke<{ message: string } | null>('form_check_answer', {
    formId,
    version,
    questionId,
    value,
  });
  return problem?.message ?? null;
}

/** A file kept for an answer; the answer holds its `sha256`. */
export interface KeptFile {
  sha256: string;
  media_type: string;
  size: number;
}

/** Keeps a chosen photo or PDF on this computer until the form is sent with it. */
export function attachmentKeep(bytes: Uint8Array): Promise<KeptFile> {
  return invoke<KeptFile>('attachment_keep', bytes);
}

/** The person's cases kept on this computer, newest first. */
export function cases(): Promise<CaseSummary[]> {
  return invoke<CaseSummary[]>('cases');
}

/** One kept case with its timeline. */
export function caseDetail(applicationNo: string): Promise<CaseDetail> {
  return invoke<CaseDetail>('case_detail', { applicationNo });
}

/** The places to pick from for an address: the provinces, or what lies under `code`. */
export function regions(code: string | null): Promise<Region[]> {
  return invoke<Region[]>('regions', { code });
}

/** The places from the province down to `code`, to show what was picked. */
export function regionPath(code: string): Promise<Region[]> {
  return invoke<Region[]>('region_path', { code });
}

/** The five 好差评 levels, best first, in the person's words. */
export function evaluationLevels(): Promise<LevelChoice[]> {
  return invoke<LevelChoice[]>('evaluation_levels');
}

/** Queues the 好差评 of a finished case; a missing reason for a bad level is refused in words. */
export function caseEvaluate(
  applicationNo: string,
  level: number,
  reason: string | null,
): Promise<void> {
  return invoke<void>('case_evaluate', { applicationNo, level, reason });
}

/** 补正: queues a photo and/or a note for what the department asked for. */
export function caseSupplement(
  applicationNo: string,
  note: string | null,
  photo: string | null,
  answers: Record<string, unknown> = {},
): Promise<void> {
  return invoke<void>('case_supplement', { applicationNo, note, photo, answers });
}

/** The questions a 补正 asks to answer again, each with the answer the case holds now. */
export function caseAskedAgain(applicationNo: string): Promise<AskedAgain[]> {
  return invoke<AskedAgain[]>('case_asked_again', { applicationNo });
}

/** 撤回: withdraws a case within 10 minutes of sending it (needs the internet). */
export function caseWithdraw(applicationNo: string, reason: string | null): Promise<void> {
  return invoke<void>('case_withdraw', { applicationNo, reason });
}

/** The person's requests: those waiting to be filed first, then the kept ones. */
export function requests(): Promise<RequestSummary[]> {
  return invoke<RequestSummary[]>('requests');
}

/** One kept request with its loop. */
export function requestDetail(requestNo: string): Promise<RequestDetail> {
  return invoke<RequestDetail>('request_detail', { requestNo });
}

/** Queues the 回访 answers of a request. */
export function requestFollowUp(
  requestNo: string,
  resolved: boolean,
  contacted: boolean,
  comment: string | null,
): Promise<void> {
  return invoke<void>('request_follow_up', { requestNo, resolved, contacted, comment });
}

/** Queues the 评价 of a request; a missing reason for a bad level is refused in words. */
export function requestEvaluate(
  requestNo: string,
  level: number,
  reason: string | null,
): Promise<void> {
  return invoke<void>('request_evaluate', { requestNo, level, reason });
}

/** Pulls fresh copies of cases, messages and licences from the platform now. */
export function copiesRefresh(): Promise<void> {
  return invoke<void>('copies_refresh');
}

/** The person's choices (defaults until chosen). */
export function preferencesGet(): Promise<Preferences> {
  return invoke<Preferences>('preferences_get');
}

/** Keeps the person's choices. */
export function preferencesSet(preferences: Preferences): Promise<void> {
  return invoke<void>('preferences_set', { preferences });
}

/** What the platform said about a login code it sent. */
export interface CodeSent {
  expires_in: number;
  resend_after: number;
}

/** Asks for a login code by SMS. */
export function loginRequestCode(phone: string): Promise<CodeSent> {
  return invoke<CodeSent>('login_request_code', { phone });
}

/** Logs in with the code from the SMS. */
export function loginWithCode(phone: string, code: string): Promise<{ account_id: string }> {
  return invoke<{ account_id: string }>('login_with_code', { phone, code });
}

/** Whether someone is logged in on this computer. */
export function sessionStatus(): Promise<{ logged_in: boolean }> {
  return invoke<{ logged_in: boolean }>('session_status');
}

/** Ends the login and wipes it from this computer; `leave` says what becomes of what is not sent
 * (kept for the next login when absent). */
export function logout(leave?: LeaveUnsent): Promise<void> {
  return invoke<void>('logout', { leave: leave ?? null });
}

/** What the person logged in has not sent yet. */
export function unsent(): Promise<Unsent> {
  return invoke<Unsent>('unsent');
}

/** The licences kept on this computer, each checked offline. */
export function walletLicences(): Promise<WalletEntry[]> {
  return invoke<WalletEntry[]>('wallet_licences');
}

/** The QR code (SVG text) of one kept licence. */
export function walletLicenceQr(licenceNo: string): Promise<string> {
  return invoke<string>('wallet_licence_qr', { licenceNo });
}

/** The inbox kept on this computer, newest first. */
export function inbox(): Promise<Inbox> {
  return invoke<Inbox>('inbox');
}

/** Marks a message read (here at once, on the platform when it can be reached). */
export function messageRead(messageId: number): Promise<void> {
  return invoke<void>('message_read', { messageId });
}

/** Where the person is logged in now, this computer first (online only). */
export function logins(): Promise<LoginLine[]> {
  return invoke<LoginLine[]>('logins');
}

/** Ends another of the person's logins. */
export function loginEnd(loginId: string): Promise<void> {
  return invoke<void>('login_end', { loginId });
}

/** Which kiosk shows the code the person typed, and where it stands. */
export function kioskAsking(code: string): Promise<KioskAsking> {
  return invoke<KioskAsking>('kiosk_asking', { code });
}

/** Lets the kiosk showing `code` log in as the person (`approve`), or refuses it. */
export function kioskAnswer(code: string, approve: boolean): Promise<void> {
  return invoke<void>('kiosk_answer', { code, approve });
}
