// What a question page costs: one call to core to open it, one for 下一步, and 确认提交 one more.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FAMILY_FORM } from '../../testing/familyForm';

const calls: string[] = [];
const form = {
  form_id: 'f',
  version: 1,
  title: '高龄津贴申领',
  questions: [
    { id: 'name', kind: 'text', label: '您的姓名', required: true },
    { id: 'phone', kind: 'phone', label: '您的手机号码', required: true },
  ],
};
const draft = {
  draft_id: 'D1',
  impl_code: 'ITEM',
  form_id: 'f',
  form_version: 1,
  answers: {},
  set_aside: {},
};
const answers: Record<string, (args: Record<string, unknown>) => unknown> = {
  draft_page: () => ({ opened: { draft, form, suggestions: {} }, before: null }),
  draft_next: () => ({ problem: null, next: 'phone' }),
  draft_answer: () => null,
  draft_review: () => ({ form_title: form.title, review: { rows: [], problems: [] } }),
  draft_item_page: () => ({
    opened: { draft: { ...draft, answers: { family: [] } }, form: FAMILY_FORM, suggestions: {} },
    before: null,
  }),
  draft_item_next: () => ({ problem: null, next: 'member_phone' }),
  draft_submit: () => ({ kind: 'queued', client_id: 'C1' }),
};
vi.mock('@tauri-apps/api/core', () => ({
  invoke: async (command: string, args: Record<string, unknown> = {}) => {
    calls.push(command);
    const answer = answers[command];
    if (!answer) throw new Error(`no answer for ${command}`);
    return answer(args);
  },
}));

const { default: FormQuestion } = await import('./FormQuestion.svelte');
const { default: FormCheck } = await import('../FormCheck/FormCheck.svelte');
const { default: FormItemQuestion } = await import('../FormItemQuestion/FormItemQuestion.svelte');
const { session } = await import('../../lib/sessionState.svelte');

describe('what a form costs in calls to core', () => {
  beforeEach(() => {
    calls.length = 0;
    window.location.hash = '';
  });

  it('opens a question in one call and answers it in one more', async () => {
    render(FormQuestion, { draftId: 'D1', questionId: 'name', fromCheck: false });
    const box = await screen.findByRole('textbox', { name: '您的回答' });
    expect(calls).toEqual(['draft_page']);
    calls.length = 0;
    await fireEvent.input(box, { target: { value: '张秀英' } });
    await fireEvent.click(screen.getByRole('button', { name: '下一步' }));
    await waitFor(() => expect(window.location.hash).toBe('#/form/D1/q/phone'));
    expect(calls).toEqual(['draft_next']);
  });

  it('opens an item of a group in one call and answers it in one more', async () => {
    render(FormItemQuestion, {
      draftId: 'D1',
      groupId: 'family',
      index: 0,
      questionId: 'member_name',
      fromCheck: false,
    });
    const box = await screen.findByRole('textbox', { name: '您的回答' });
    expect(calls).toEqual(['draft_item_page']);
    calls.length = 0;
    await fireEvent.input(box, { target: { value: '李建国' } });
    await fireEvent.click(screen.getByRole('button', { name: '下一步' }));
    await waitFor(() => expect(window.location.hash).toBe('#/form/D1/q/family/0/member_phone'));
    expect(calls).toEqual(['draft_item_next']);
  });

  it('opens 核对 in one call and sends the checked form in one more', async () => {
    session.loggedIn = true;
    render(FormCheck, { draftId: 'D1' });
    const send = await screen.findByRole('button', { name: '确认提交' });
    expect(calls).toEqual(['draft_review']);
    calls.length = 0;
    await fireEvent.click(send);
    await waitFor(() => expect(window.location.hash).toContain('C1'));
    expect(calls).toEqual(['draft_submit']);
  });
});
