import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenDraft, Value } from '../../lib/types';

// The page asks core twice: draft_page when it opens (the draft and where 返回 goes) and draft_next
// on 下一步 (keep, check, say what comes next). These stand-ins answer as core would.
const draftOpen = vi.fn();
const draftAnswer = vi.fn();
const draftStep = vi.fn();
const formCheckAnswer = vi.fn();
const draftNext = vi.fn(async (draftId: string, questionId: string, value: unknown) => {
  await draftAnswer(draftId, questionId, value);
  const opened = await draftOpen(draftId);
  const message = await formCheckAnswer(opened.form.form_id, opened.form.version, questionId, value);
  if (message) return { problem: { rule: 'required', message }, next: null };
  return { problem: null, next: await draftStep(draftId, questionId) };
});
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  draftPage: async (draftId: string, questionId: string) => ({
    opened: await draftOpen(draftId),
    before: await draftStep(draftId, questionId, true),
  }),
  draftNext: (...args: [string, string, unknown]) => draftNext(...args),
  draftAnswer: (...args: unknown[]) => draftAnswer(...args),
}));

const { default: FormQuestion } = await import('./FormQuestion.svelte');

function opened(
  answers: Record<string, Value> = {},
  suggestions: OpenDraft['suggestions'] = {},
): OpenDraft {
  return {
    suggestions,
    draft: {
      draft_id: 'D1',
      impl_code: 'ITEM',
      form_id: 'f',
      form_version: 1,
      answers,
      set_aside: {},
    },
    form: {
      form_id: 'f',
      version: 1,
      title: '高龄津贴申领',
      questions: [
        { id: 'name', kind: 'text', label: '您的姓名', required: true },
        { id: 'phone', kind: 'phone', label: '您的手机号码', required: true },
      ],
    },
  };
}

describe('FormQuestion', () => {
  beforeEach(() => {
    for (const mock of [draftOpen, draftAnswer, draftStep, formCheckAnswer]) mock.mockReset();
    draftAnswer.mockResolvedValue(undefined);
    window.location.hash = '';
  });

  it('asks one question, saves what is typed and goes to the next question', async () => {
    draftOpen.mockResolvedValue(opened({ name: '张' }));
    draftStep.mockImplementation((_d, after, back) => Promise.resolve(back ? null : 'phone'));
    formCheckAnswer.mockResolvedValue(null);
    render(FormQuestion, { draftId: 'D1', questionId: 'name', fromCheck: false });
    const box = (await screen.findByRole('textbox', { name: '您的回答' })) as HTMLInputElement;
    expect(box.value).toBe('张');
    expect(screen.getByRole('heading', { level: 1, name: '您的姓名' })).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByRole('link', { name: '返回' }).getAttribute('href')).toBe('#/apply/ITEM'),
    );
    await fireEvent.input(box, { target: { value: '张秀英' } });
    await fireEvent.click(screen.getByRole('button', { name: '下一步' }));
    await waitFor(() => expect(window.location.hash).toBe('#/form/D1/q/phone'));
    expect(draftAnswer).toHaveBeenCalledWith('D1', 'name', '张秀英');
    expect(formCheckAnswer).toHaveBeenCalledWith('f', 1, 'name', '张秀英');
  });

  it('explains a wrong answer next to it and keeps what was typed', async () => {
    draftOpen.mockResolvedValue(opened());
    draftStep.mockResolvedValue('name');
    formCheckAnswer.mockResolvedValue('“您的手机号码”请填11位手机号码');
    render(FormQuestion, { draftId: 'D1', questionId: 'phone', fromCheck: false });
    const box = (await screen.findByRole('textbox', { name: '您的回答' })) as HTMLInputElement;
    await fireEvent.input(box, { target: { value: '1380' } });
    await fireEvent.click(screen.getByRole('button', { name: '下一步' }));
    expect((await screen.findByRole('alert')).textContent).toContain('11位手机号码');
    expect(box.value).toBe('1380');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(draftAnswer).toHaveBeenCalledWith('D1', 'phone', '1380');
    expect(window.location.hash).toBe('');
  });

  it('shows what the e-ID card knows, says so, and keeps it once confirmed', async () => {
    const source = '这是按您的电子居民身份证填好的，请看一看对不对。不对的话可以改。';
    draftOpen.mockResolvedValue(opened({}, { name: { value: '张秀英', source } }));
    draftStep.mockImplementation((_d, after, back) => Promise.resolve(back ? null : 'phone'));
    formCheckAnswer.mockResolvedValue(null);
    render(FormQuestion, { draftId: 'D1', questionId: 'name', fromCheck: false });
    const box = (await screen.findByRole('textbox', { name: '您的回答' })) as HTMLInputElement;
    expect(box.value).toBe('张秀英');
    expect(screen.getByText(source)).toBeTruthy();
    expect(draftAnswer).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByRole('button', { name: '下一步' }));
    await waitFor(() => expect(window.location.hash).toBe('#/form/D1/q/phone'));
    expect(draftAnswer).toHaveBeenCalledWith('D1', 'name', '张秀英');
  });

  it('drops the note once the person changes the filled-in answer', async () => {
    const source = '这是按您登录用的账号填好的，请看一看对不对。不对的话可以改。';
    draftOpen.mockResolvedValue(opened({}, { phone: { value: '13800000001', source } }));
    draftStep.mockResolvedValue('name');
    render(FormQuestion, { draftId: 'D1', questionId: 'phone', fromCheck: false });
    const box = (await screen.findByRole('textbox', { name: '您的回答' })) as HTMLInputElement;
    await fireEvent.input(box, { target: { value: '13900000002' } });
    expect(screen.queryByText(source)).toBeNull();
    await waitFor(() => expect(draftAnswer).toHaveBeenCalledWith('D1', 'phone', '13900000002'));
  });

  it('goes back to 核对 after 修改', async () => {
    draftOpen.mockResolvedValue(opened({ name: '张秀英' }));
    formCheckAnswer.mockResolvedValue(null);
    // Core names the next question; after 修改 the page goes back to 核对 all the same.
    draftStep.mockResolvedValue('phone');
    render(FormQuestion, { draftId: 'D1', questionId: 'name', fromCheck: true });
    await fireEvent.click(await screen.findByRole('button', { name: '保存，回到核对页' }));
    await waitFor(() => expect(window.location.hash).toBe('#/form/D1/check'));
  });
});
