// Typed calls into the Tauri shell. Every command goes through here: the wrappers are generated
// from Rust into `bindings.generated.ts` (with the commands' own doc comments); the few here shape a call the
// way the pages make it.

import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import { invoke } from '@tauri-apps/api/core';
import { commands } from './bindings.generated';
import { t } from './i18n';
import type { KeptFile, LeaveUnsent, NotificationOpened, QueueView, Value } from './types';

export const {
  about,
  actedForMe,
  actedForMeReport,
  assistedAgain,
  assistedCheckIdNumber,
  assistedConsentCode,
  assistedConsentSignature,
  assistedCurrent,
  assistedEnd,
  assistedReadCard,
  assistedServedToday,
  assistedStart,
  caseAskedAgain,
  centreFigures,
  centreFiguresSaveCsv,
  caseDetail,
  caseReceipt,
  caseEvaluate,
  caseNumberQr,
  caseWithdraw,
  cases,
  catalogItems,
  catalogSearch,
  copiesRefresh,
  draftItemPage,
  draftList,
  draftPage,
  draftReview,
  draftStart,
  draftSubmit,
  draftsUnfinished,
  evaluationLevels,
  groupItems,
  helpAskFamily,
  helpCallBack,
  helpCentre,
  helpDistricts,
  helpFamily,
  helpPage,
  helpPickDistrict,
  home,
  inbox,
  kioskAnswer,
  kioskAsking,
  kioskCallStaff,
  kioskCancelStaffCall,
  kioskCardCode,
  kioskConfirm,
  kioskFinish,
  kioskIdleWarning,
  kioskLeave,
  kioskLeavingSlip,
  kioskLoginCode,
  kioskLogInByCard,
  kioskLogInBySms,
  kioskLoginWait,
  kioskPinyinCandidates,
  kioskSendSmsCode,
  kioskStaffCall,
  kioskStatus,
  loginEnd,
  loginRequestCode,
  logins,
  loginWithCode,
  messageRead,
  preferencesGet,
  preferencesSet,
  queueSummary,
  receiptPrint,
  receiptSavePdf,
  regionPath,
  regions,
  relativesActFor,
  relativesAgreeByCode,
  relativesAnswer,
  relativesAsk,
  relativesKinships,
  relativesPage,
  relativesSwitch,
  requestDetail,
  requestEvaluate,
  requestFollowUp,
  requests,
  sessionStatus,
  speechCheck,
  staffAnswerKioskCall,
  staffEndKioskCall,
  staffInput,
  staffKioskCalls,
  staffCallBacks,
  staffCallBackCalled,
  staffLock,
  staffLogIn,
  staffLogOut,
  staffSetPin,
  staffStatus,
  staffUnlockPassword,
  staffUnlockPin,
  storeStatus,
  submissionStatus,
  unsent,
  walletLicenceQr,
  walletLicences,
  walletLicencesOffered,
} = commands;

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

/** Calls `handler` with the queue whenever it changes; resolves to the function that stops it. */
export function onQueueChanged(handler: (queue: QueueView) => void): Promise<UnlistenFn> {
  return listen<QueueView>('queue-changed', (event) => handler(event.payload));
}

/** Calls `handler` whenever fresh copies came from the platform (the shell's `copies-updated`). */
export function onCopiesUpdated(handler: () => void): Promise<UnlistenFn> {
  return listen('copies-updated', () => handler());
}

/** Calls `handler` whenever the person opens one of Huiban's system notifications. */
export function onNotificationOpened(
  handler: (opened: NotificationOpened) => void,
): Promise<UnlistenFn> {
  return listen<NotificationOpened>('notification-opened', (event) => handler(event.payload));
}

/** The question after `after` (the first when null), or before it when `back`; null past either end. */
export function draftStep(draftId: string, after: string | null, back = false) {
  return commands.draftStep(draftId, after, back);
}

/** The question of a group to show for item `index` after `after` (first when null), or before
 * it when `back`; null when the item is done. */
export function draftItemStep(
  draftId: string,
  groupId: string,
  index: number,
  after: string | null,
  back = false,
) {
  return commands.draftItemStep(draftId, groupId, index, after, back);
}

/** Checks one answer by core's rules; resolves to what to tell the person, or null when fine. */
export async function formCheckAnswer(
  formId: string,
  version: number,
  questionId: string,
  value: unknown,
): Promise<string | null> {
  const problem = await commands.formCheckAnswer(formId, version, questionId, value as Value);
  return problem?.message ?? null;
}

/** Keeps a chosen photo or PDF on this computer until the form is sent with it. The photo's bytes
 * are the raw body of the call, which has no generated wrapper. */
export function attachmentKeep(bytes: Uint8Array): Promise<KeptFile> {
  return invoke<KeptFile>('attachment_keep', bytes);
}

/** 补正: queues a photo and/or a note for what the department asked for. */
export function caseSupplement(
  applicationNo: string,
  note: string | null,
  photo: string | null,
  answers: Record<string, unknown> = {},
) {
  return commands.caseSupplement(applicationNo, note, photo, answers as Record<string, Value>);
}

/** Ends the login and wipes it from this computer; `leave` says what becomes of what is not sent
 * (kept for the next login when absent). */
export function logout(leave?: LeaveUnsent) {
  return commands.logout(leave ?? null);
}

/** Saves one answer of a draft (`null` clears it); resolves once it is on disk. An answer is what
 * the inputs made of what was typed or picked: JSON by construction. */
export function draftAnswer(draftId: string, questionId: string, value: unknown) {
  return commands.draftAnswer(draftId, questionId, value as Value);
}

/** 下一步 in one call: keeps the answer, checks it by core's rules, and names the next question. */
export function draftNext(draftId: string, questionId: string, value: unknown) {
  return commands.draftNext(draftId, questionId, value as Value);
}

/** 下一步 on an item's question in one call: the group's list `items` as the page holds it goes
 * with it; core checks the answer and names the item's next question. */
export function draftItemNext(
  draftId: string,
  groupId: string,
  index: number,
  questionId: string,
  items: unknown,
) {
  return commands.draftItemNext(draftId, groupId, index, questionId, items as Value);
}
