import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FAMILY_GROUP } from '../../testing/familyForm';

const groupItems = vi.fn();
const draftItemStep = vi.fn();
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  groupItems: (...args: unknown[]) => groupItems(...args),
  draftItemStep: (...args: unknown[]) => draftItemStep(...args),
}));

const { default: GroupItems } = await import('./GroupItems.svelte');

function show(value: unknown) {
  const onchange = vi.fn();
  render(GroupItems, {
    draftId: 'D1',
    formId: 'f',
    version: 1,
    group: FAMILY_GROUP,
    value,
    fromCheck: false,
    onchange,
    describedBy: '',
  });
  return onchange;
}

describe('GroupItems', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    window.location.hash = '';
  });

  it('lists each item in core’s words with 修改 to what is unfinished', async () => {
    groupItems.mockResolvedValue([
      { summary: '李四，配偶，0 元', finished: true, first_unfinished: null },
      { summary: '王五', finished: false, first_unfinished: 'member_income' },
    ]);
    show([{ member_name: '李四' }, { member_name: '王五' }]);
    expect(await screen.findByRole('heading', { name: '第1位家庭成员' })).toBeTruthy();
    expect(screen.getByText('李四，配偶，0 元')).toBeTruthy();
    expect(screen.getByText('还没填完，请点“修改”填完。')).toBeTruthy();
    expect(
      screen.getByRole('link', { name: '修改第1位家庭成员' }).getAttribute('href'),
    ).toBe('#/form/D1/q/family/0/member_name');
    expect(
      screen.getByRole('link', { name: '修改第2位家庭成员' }).getAttribute('href'),
    ).toBe('#/form/D1/q/family/1/member_income');
    expect(groupItems).toHaveBeenCalledWith('f', 1, 'family', [
      { member_name: '李四' },
      { member_name: '王五' },
    ]);
  });

  it('asks before removing an item, and keeps it when the person says no', async () => {
    groupItems.mockResolvedValue([
      { summary: '李四', finished: true, first_unfinished: null },
      { summary: '王五', finished: true, first_unfinished: null },
    ]);
    const onchange = show([{ member_name: '李四' }, { member_name: '王五' }]);
    await fireEvent.click(await screen.findByRole('button', { name: '删除第1位家庭成员' }));
    expect(screen.getByRole('alert').textContent).toContain('要删除第1位家庭成员吗');
    await fireEvent.click(screen.getByRole('button', { name: '不删了' }));
    expect(onchange).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByRole('button', { name: '删除第1位家庭成员' }));
    await fireEvent.click(screen.getByRole('button', { name: '确定删除' }));
    expect(onchange).toHaveBeenCalledWith([{ member_name: '王五' }]);
  });

  it('adds one more by opening the new item’s first question', async () => {
    groupItems.mockResolvedValue([]);
    draftItemStep.mockResolvedValue('member_name');
    show([]);
    expect(await screen.findByText('还没有添加家庭成员。')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: '添加一位家庭成员' }));
    await waitFor(() => expect(window.location.hash).toBe('#/form/D1/q/family/0/member_name'));
    expect(draftItemStep).toHaveBeenCalledWith('D1', 'family', 0, null);
  });
});
