import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { familyDraftOpened } from '../../testing/familyForm';

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

describe('FormItemQuestion', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    draftAnswer.mockResolvedValue(undefined);
    window.location.hash = '';
  });

  it('starts a new item, saves it into the group’s list and goes to its next question', async () => {
    draftItemPage.mockResolvedValue({
      opened: familyDraftOpened([{ member_name: '李四', member_phone: '13800000002' }]),
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
    draftItemPage.mockResolvedValue({ opened: familyDraftOpened([{ member_name: '李四' }]), before: null });
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
