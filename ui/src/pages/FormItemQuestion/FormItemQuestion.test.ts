import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenDraft, Value } from '../../lib/types';

const draftItemPage = vi.fn();
const draftAnswer = vi.fn();
const draftItemNext = vi.fn();
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  draftItemPage: (...args: unknown[]) => draftItemPage(...args),
  draftAnswer: (...args: unknown[]) => draftAnswer(...args),
  draftItemNext: (...args: unknown[]) => draftItemNext(...args),
}));

const { default: FormItemQuestion } = await import('./FormItemQuestion.svelte');

function opened(family: Value): OpenDraft {
  return {
    suggestions: {},
    draft: {
      draft_id: 'D1',
      impl_code: 'ITEM',
      form_id: 'f',
      form_version: 1,
      answers: { family },
      set_aside: {},
    },
    form: {
      form_id: 'f',
      version: 1,
      title: '最低生活保障申请',
      questions: [
        {
          id: 'family',
          kind: 'group',
          label: '和您一起生活的家人',
          required: false,
          item_name: '家庭成员',
          questions: [
            { id: 'member_name', kind: 'text', label: '这位家人叫什么名字', required: true },
            { id: 'member_phone', kind: 'phone', label: '这位家人的手机号码', required: true },
          ],
        },
      ],
    },
  };
}

describe('FormItemQuestion', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    draftAnswer.mockResolvedValue(undefined);
    window.location.hash = '';
  });

  it('starts a new item, saves it into the group’s list and goes to its next question', async () => {
    draftItemPage.mockResolvedValue({
      opened: opened([{ member_name: '李四', member_phone: '13800000002' }]),
      before: null,
    });
    draftItemNext.mockResolvedValue({ problem: null, next: 'member_phone' });
    render(FormItemQuestion, {
      draftId: 'D1',
      groupId: 'family',
      index: 1,
      questionId: 'member_name',
      fromCheck: false,
    });
    expect(await screen.findByText('最低生活保障申请：第2位家庭成员')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: '这位家人叫什么名字' })).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByRole('link', { name: '返回' }).getAttribute('href')).toBe(
        '#/form/D1/q/family',
      ),
    );
    const box = screen.getByRole('textbox', { name: '您的回答' });
    await fireEvent.input(box, { target: { value: '王五' } });
    await fireEvent.click(screen.getByRole('button', { name: '下一步' }));
    await waitFor(() => expect(window.location.hash).toBe('#/form/D1/q/family/1/member_phone'));
    // The list goes with 下一步, and core checks the item's answer in the same call.
    expect(draftItemNext).toHaveBeenCalledWith('D1', 'family', 1, 'member_name', [
      { member_name: '李四', member_phone: '13800000002' },
      { member_name: '王五' },
    ]);
  });

  it('goes back to the group’s page when the item is done, keeping what was typed on a problem', async () => {
    draftItemPage.mockResolvedValue({ opened: opened([{ member_name: '李四' }]), before: null });
    draftItemNext
      .mockResolvedValueOnce({ problem: { rule: { rule: 'bad_phone' }, message: '请填11位手机号码' }, next: null })
      .mockResolvedValue({ problem: null, next: null });
    render(FormItemQuestion, {
      draftId: 'D1',
      groupId: 'family',
      index: 0,
      questionId: 'member_phone',
      fromCheck: false,
    });
    const box = (await screen.findByRole('textbox', { name: '您的回答' })) as HTMLInputElement;
    await fireEvent.input(box, { target: { value: '1380' } });
    await fireEvent.click(screen.getByRole('button', { name: '下一步' }));
    expect((await screen.findByRole('alert')).textContent).toContain('11位手机号码');
    expect(box.value).toBe('1380');
    await fireEvent.input(box, { target: { value: '13800000002' } });
    await fireEvent.click(screen.getByRole('button', { name: '下一步' }));
    await waitFor(() => expect(window.location.hash).toBe('#/form/D1/q/family'));
  });
});
